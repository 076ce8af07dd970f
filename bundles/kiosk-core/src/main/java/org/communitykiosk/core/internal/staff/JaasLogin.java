package org.communitykiosk.core.internal.staff;

import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks a user name and password against a JAAS realm and reads the user's roles. */
final class JaasLogin {

    private static final Logger LOG = LoggerFactory.getLogger(JaasLogin.class);

    /** {@code null}: the JVM-wide JAAS configuration, which Karaf installs for its realms. */
    private final Configuration configuration;

    JaasLogin(Configuration configuration) {
        this.configuration = configuration;
    }

    /** The user's roles when the password is right; empty when it is not, or the realm cannot say. */
    Optional<Set<String>> roles(String realm, String user, char[] password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JAAS loads the realm's login module (Karaf's org.apache.karaf.jaas.boot.ProxyLoginModule) through the
        // context class loader, which on a web request thread is some bundle's loader that cannot see it. The jar that
        // holds RolePrincipal holds the proxy module too, so its loader can; our bundle's loader could not (the
        // package is not boot-delegated in Karaf 4.4 and we import only the principal package).
        ClassLoader jaasBoot = RolePrincipal.class.getClassLoader();
        thread.setContextClassLoader(jaasBoot != null ? jaasBoot : JaasLogin.class.getClassLoader());
        try {
            LoginContext login = new LoginContext(realm, new Subject(), callbacks -> answer(callbacks, user, password),
                    configuration);
            login.login();
            Set<String> roles = login.getSubject().getPrincipals().stream()
                    .filter(RolePrincipal.class::isInstance)
                    .map(Principal::getName)
                    .collect(Collectors.toSet());
            logoutQuietly(login);
            return Optional.of(roles);
        } catch (LoginException e) {
            LOG.debug("JAAS refused a sign-in in realm {}: {}", realm, e.getClass().getSimpleName());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void answer(Callback[] callbacks, String user, char[] password)
            throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback secret) {
                // JAAS clears its copy; the caller keeps (and should clear) the original
                secret.setPassword(Arrays.copyOf(password, password.length));
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    private static void logoutQuietly(LoginContext login) {
        // the kiosk keeps its own session; the JAAS subject is not needed after reading the roles
        try {
            login.logout();
        } catch (LoginException e) {
            LOG.debug("JAAS logout failed", e);
        }
    }
}
