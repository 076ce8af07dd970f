package org.communitykiosk.core.internal.throttle;

import java.util.List;

import org.communitykiosk.api.store.Migration;

/**
 * The tables of sign-in throttling (staff user names and places, the PIN budget of each place), as their own list of
 * steps under their own owner: every component that throttles migrates it, and the core list stays as it is.
 */
public final class SignInSchema {

    public static final String OWNER = "kiosk.signin";

    public static final List<Migration> STEPS = List.of(
            Migration.of(1, "sign-in throttles",
                    // kind: what is counted (Throttle.Kind); throttle_key: a place key, or a keyed hash of a user
                    // name, never the name itself
                    "CREATE TABLE kiosk_signin_throttle ("
                            + "kind VARCHAR(20) NOT NULL, "
                            + "throttle_key VARCHAR(100) NOT NULL, "
                            + "failures INTEGER NOT NULL, "
                            + "last_failure TIMESTAMP NOT NULL, "
                            + "locked_until TIMESTAMP, "
                            + "PRIMARY KEY (kind, throttle_key))"));

    private SignInSchema() {
    }
}
