package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Threat: <b>a plugin reached or replaced where the kiosk did not mean it</b>, and <b>one session taking another's
 * device</b>. Against the real distribution (the browser tests' kiosk):
 * <ul>
 * <li>a plugin the kiosk hides ({@code hiddenPlugins}) typed in as an address, start screen or any of its views:
 * refused with the same card as a plugin that is not installed;</li>
 * <li>a bundle registering a plugin under the id of a core plugin (the bulletin), ranked above it: refused, the
 * bulletin keeps its tile and its address, and the refusal is in the audit log for staff;</li>
 * <li>a second session at the one blood-pressure monitor while a resident is being measured: told that the monitor
 * is in use, and unable to start (which would take the monitor over) or stop the first one's measurement; the monitor
 * is free again when the first session signs out.</li>
 * </ul>
 */
@ExtendWith(KioskServer.class)
class AttackPluginIT {

    private static final String BP_CFG = "org.communitykiosk.bloodpressure.cfg";
    private static final String BP_READINGS = "132/84/72;126/80/70;124/79/69";

    @Test
    void aHiddenPluginIsRefusedByAddress() {
        KioskServer.configure("org.communitykiosk.kiosk.cfg", "hiddenPlugins", "bulletin");
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            browser.waitUntil(d -> !browser.present("#tile-bulletin"), Duration.ofSeconds(30));
            browser.open("bulletin").find("#kiosk-content");
            browser.waitUntil(d -> browser.present("#plugin-missing") || browser.present("#bulletin-board"),
                    Duration.ofSeconds(30));
            assertTrue(browser.present("#plugin-missing"), "the hidden plugin's start screen is refused");
            assertFalse(browser.present("#bulletin-board"));
            // its other views too (a notice's own address), also for staff
            browser.signInStaff("staff", "staff2026");
            browser.open("bulletin/manage").find("#kiosk-content");
            browser.waitUntil(d -> browser.present("#plugin-missing") || browser.present("[id^=bulletin-]"),
                    Duration.ofSeconds(30));
            assertTrue(browser.present("#plugin-missing"), "a hidden plugin's staff view is refused too");
            assertFalse(browser.present("[id^=bulletin-]"));
        } finally {
            KioskServer.configure("org.communitykiosk.kiosk.cfg", "hiddenPlugins", "");
        }
    }

    @Test
    void aPluginRegisteredUnderACorePluginsIdIsRefused() {
        String version = System.getProperty("kiosk.version");
        String out = KioskServer.shell("bundle:install -s mvn:org.communitykiosk/kiosk-test-shadow-plugin/" + version);
        try (KioskBrowser browser = new KioskBrowser()) {
            // the shadow's component is active (its registration arrived at the shell)
            long deadline = System.currentTimeMillis() + 30_000;
            while (!KioskServer.shell("scr:list").contains("ShadowBulletin")
                    && System.currentTimeMillis() < deadline) {
                KioskServer.sleep(500);
            }
            KioskServer.sleep(2000);
            browser.open("").find("#home-greeting");
            browser.click("#tile-bulletin");
            browser.waitUntil(d -> browser.present("#bulletin-board") || browser.present("#shadow-bulletin"),
                    Duration.ofSeconds(30));
            assertFalse(browser.present("#shadow-bulletin"), "the shadowing plugin's screen is not shown: " + out);
            assertTrue(browser.present("#bulletin-board"), "the bulletin keeps its tile");
            browser.open("bulletin").find("#bulletin-board");
            assertFalse(browser.present("#shadow-bulletin"), "nor at the bulletin's address");

            // staff see the refused registration in the audit log
            browser.signInStaff("admin", "admin2026");
            browser.open("audit").find("#audit-action");
            browser.type("#audit-action", "plugin.refused");
            browser.click("#audit-apply");
            browser.waitUntil(d -> browser.text("#audit-grid").contains("kiosk-test-shadow-plugin"),
                    Duration.ofSeconds(20));
        } finally {
            KioskServer.shell("bundle:uninstall org.communitykiosk.kiosk-test-shadow-plugin");
        }
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("bulletin").find("#bulletin-board");
        }
    }

    @Test
    void aSecondSessionCannotTakeOrStopTheMonitorInUse() {
        // a slower simulated reading, so that the second session has time to try
        KioskServer.configure(BP_CFG, "simulatorDelayMillis", "8000");
        // the simulator starts anew with its new settings
        KioskServer.sleep(2000);
        try (KioskBrowser first = new KioskBrowser(); KioskBrowser second = new KioskBrowser()) {
            first.open("").find("#home-greeting");
            first.tapCard(DemoCards.token(4));
            first.find("#session-name");
            first.open("bloodpressure").find("#bp-start");
            first.click("#bp-start");
            first.click("#bp-rest-skip");
            first.find("#bp-measuring");

            second.open("").find("#home-greeting");
            second.tapCard(DemoCards.token(5));
            second.find("#session-name");
            second.open("bloodpressure").find("#bp-start");
            second.click("#bp-start");
            second.waitUntil(d -> second.present("#bp-monitor-busy") || second.present("#bp-rest"),
                    Duration.ofSeconds(10));
            if (second.present("#bp-rest-skip")) {
                // what the kiosk allowed before: the second session's start takes the monitor over
                second.click("#bp-rest-skip");
            }
            assertTrue(second.present("#bp-monitor-busy"), "the second session is told the monitor is in use");
            // manual entry in the second session must not stop the first one's measurement either
            second.click("#bp-manual-open");
            second.find("#bp-manual");

            // the first resident's reading arrives as if nobody else had been there
            first.waitUntil(d -> first.present("#bp-pause") || first.present("#bp-result"), Duration.ofSeconds(30));

            // the first resident signs out: the monitor is free for the second
            first.click("#logout");
            first.find("#tap-card-hint");
            second.click("#bp-manual-cancel");
            second.click("#bp-start");
            second.find("#bp-rest");
            assertFalse(second.present("#bp-monitor-busy"));
            // leaving the screen gives the monitor back at once (the tests after this one measure)
            second.click("#logout");
            second.find("#tap-card-hint");
        } finally {
            KioskServer.configure(BP_CFG, "simulatorDelayMillis", "3000");
            KioskServer.configure(BP_CFG, "simulatorReadings", BP_READINGS);
        }
    }
}
