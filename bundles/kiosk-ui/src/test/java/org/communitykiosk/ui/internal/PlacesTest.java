package org.communitykiosk.ui.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which remote addresses are the kiosk's own screen, until device enrolment decides it. */
class PlacesTest {

    @Test
    void theKiosksOwnBrowserComesFromLoopbackExactly() {
        for (String address : new String[] { "127.0.0.1", "::1", "0:0:0:0:0:0:0:1", "[::1]", "::ffff:127.0.0.1" }) {
            assertTrue(Places.kioskScreen(address), address);
        }
    }

    @Test
    void everythingElseIsNot() {
        // 127.0.0.2 is what the attack tests use for "another machine"; names are never looked up
        for (String address : new String[] { null, "", "127.0.0.2", "127.1.0.1", "10.0.0.7", "192.168.1.20",
                "fe80::1", "localhost", "kiosk.example", "127.0.0.1.example", "unknown", "cafe", "1" }) {
            assertFalse(Places.kioskScreen(address), String.valueOf(address));
        }
    }
}
