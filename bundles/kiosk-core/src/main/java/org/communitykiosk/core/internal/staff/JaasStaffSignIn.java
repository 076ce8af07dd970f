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
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.resident.StaffMember;
import org.communitykiosk.api.resident.StaffSignIn;
import org.communitykiosk.core.internal.AuditActions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff sign-in against a Karaf JAAS realm; only the kiosk roles are let in, so a Karaf console administrator without
 * a kiosk role cannot use the staff screens by accident.
 */
@Component(service = StaffSignIn.class, name = JaasStaffSignIn.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StaffSignInConfig.class)
public final class JaasStaffSignIn implements StaffSignIn {

    public static final String PID = "org.communitykiosk.staff";

    private static final Logger LOG = LoggerFactory.getLogger(JaasStaffSignIn.class);
    private static final Set<String> KIOSK_ROLES = Set.of(StaffMember.STAFF_ROLE, StaffMember.ADMIN_ROLE);

    private final String realm;
    private final AuditLog audit;
    /** {@code null}: the JVM-wide JAAS configuration, which Karaf installs for its realms. */
    private final Configuration configuration;

    @Activate
    public JaasStaffSignIn(StaffSignInConfig config, @Reference(name = "audit") AuditLog audit) {
        this(config.realm(), audit, null);
    }

    /** For tests: a realm defined by the given JAAS configuration. */
    public JaasStaffSignIn(String realm, AuditLog audit, Configuration configuration) {
        this.realm = realm;
        this.audit = audit;
        this.configuration = configuration;
    }

    @Override
    public Optional<StaffMember> signIn(String userName, char[] password) {
        String user = userName == null ? "" : userName.strip();
        if (user.isEmpty() || password == null) {
            return Optional.empty();
        }
        Set<String> roles;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JAAS loads the realm's login module (Karaf's org.apache.karaf.jaas.boot.ProxyLoginModule) through the
        // context class loader, which on a web request thread is some bundle's loader that cannot see it. The jar that
        // holds RolePrincipal holds the proxy module too, so its loader can; our bundle's loader could not (the
        // package is not boot-delegated in Karaf 4.4 and we import only the principal package).
        ClassLoader jaasBoot = RolePrincipal.class.getClassLoader();
        thread.setContextClassLoader(jaasBoot != null ? jaasBoot : JaasStaffSignIn.class.getClassLoader());
        try {
            LoginContext login = new LoginContext(realm, new Subject(), callbacks -> answer(callbacks, user, password),
                    configuration);
            login.login();
            roles = login.getSubject().getPrincipals().stream()
                    .filter(RolePrincipal.class::isInstance)
                    .map(Principal::getName)
                    .collect(Collectors.toSet());
            logoutQuietly(login);
        } catch (LoginException e) {
            audit.record(Actor.staff(user), AuditActions.STAFF_SIGN_IN_FAILED, "realm:" + realm, null);
            LOG.debug("staff sign-in refused in realm {}: {}", realm, e.getClass().getSimpleName());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
        Set<String> kioskRoles = roles.stream().filter(KIOSK_ROLES::contains).collect(Collectors.toSet());
        if (kioskRoles.isEmpty()) {
            audit.record(Actor.staff(user), AuditActions.STAFF_SIGN_IN_FAILED, "realm:" + realm, "no kiosk role");
            return Optional.empty();
        }
        audit.record(Actor.staff(user), AuditActions.STAFF_SIGN_IN, "realm:" + realm, String.join(",", kioskRoles));
        return Optional.of(new StaffMember(user, roles));
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
