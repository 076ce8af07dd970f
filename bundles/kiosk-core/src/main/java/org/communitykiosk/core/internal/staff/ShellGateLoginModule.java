package org.communitykiosk.core.internal.staff;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

/**
 * The first login module of the technician shell's realm ({@link TechnicianShellRealm}): lets its {@link ShellGate}
 * refuse the password typed before Karaf's modules check it, and tells the gate when they refused it.
 * <p>
 * It never lets anyone in: its login is "ignored" (returns {@code false}) unless it refuses, so whether the shell
 * opens is for Karaf's modules after it alone. Karaf's {@code ProxyLoginModule} builds it from this bundle with the
 * no-argument constructor JAAS requires, so the gate reaches it through the realm's options, not a static field.
 */
public final class ShellGateLoginModule implements LoginModule {

    /** The option holding the {@link ShellGate}. */
    static final String GATE = "org.communitykiosk.shell.gate";

    private CallbackHandler callbacks;
    private ShellGate gate;
    /** A password went past the gate: if the login fails after all, Karaf's modules refused that password. */
    private boolean passedTheGate;

    public ShellGateLoginModule() {
        // for JAAS (through Karaf's ProxyLoginModule), which builds login modules by reflection
    }

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.callbacks = callbackHandler;
        Object given = options == null ? null : options.get(GATE);
        this.gate = given instanceof ShellGate shellGate ? shellGate : null;
        this.passedTheGate = false;
    }

    @Override
    public boolean login() throws LoginException {
        if (gate == null) {
            // refusing is the safe answer of a realm put together wrongly, and the message says where to look
            throw new LoginException("the login module " + ShellGateLoginModule.class.getName()
                    + " has no gate in its option " + GATE + ": it belongs in the realm "
                    + TechnicianShellRealm.NAME + ", not in a realm configured by hand");
        }
        if (callbacks == null) {
            throw new LoginException("the technician shell's login got no callback handler to ask for the password");
        }
        PasswordCallback asked = new PasswordCallback("Password: ", false);
        try {
            callbacks.handle(new Callback[] { asked });
        } catch (UnsupportedCallbackException noPassword) {
            // an ssh key login: there is no password to refuse, and Karaf's public key module decides
            return false;
        } catch (IOException e) {
            throw new LoginException("the technician shell could not read the password: " + e.getMessage());
        }
        char[] password = asked.getPassword();
        asked.clearPassword();
        try {
            // a refusal throws, and the gate has recorded it: passedTheGate stays false, so that abort() does not
            // record it once more as a wrong password
            gate.check(password == null ? new char[0] : password);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
        passedTheGate = true;
        return false;
    }

    @Override
    public boolean commit() {
        passedTheGate = false;
        return false;
    }

    @Override
    public boolean abort() {
        if (passedTheGate) {
            passedTheGate = false;
            gate.refused();
        }
        return false;
    }

    @Override
    public boolean logout() {
        return false;
    }
}
