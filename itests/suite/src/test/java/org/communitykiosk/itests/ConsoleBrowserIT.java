package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Pattern;

import org.communitykiosk.api.plugin.PinAction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The staff console on the touchscreen: an administrator removes and installs a plugin while a resident's session
 * is open, changes a setting live (the idle timeout, the tile order, an action that asks for the PIN), and a staff
 * member without the admin role cannot reach the plugin screen.
 */
@ExtendWith(KioskServer.class)
class ConsoleBrowserIT {

    @Test
    void adminInstallsAPluginFromTheConsoleAndAResidentSessionSeesTheTile() {
        try (KioskBrowser admin = new KioskBrowser(); KioskBrowser resident = new KioskBrowser()) {
            resident.open("").find("#home-greeting");
            resident.tapCard(DemoCards.token(2));
            resident.find("#tile-bloodpressure");

            // the resident keeps looking at the screen and touches it now and then: an install can take longer than
            // the suite's short idle timeout (20 s), which would end the session and take the tile with it
            admin.signInStaff("admin", "admin2026");
            resident.touch();
            admin.open("plugins").find("#plugins-list");
            admin.click("#plugin-uninstall-kiosk-bloodpressure");
            admin.waitUntil(d -> resident.touch() && admin.present("#plugin-install-kiosk-bloodpressure"),
                    Duration.ofSeconds(60));
            resident.waitUntil(d -> resident.touch() && !resident.present("#tile-bloodpressure"),
                    Duration.ofSeconds(20));

            admin.click("#plugin-install-kiosk-bloodpressure");
            admin.waitUntil(d -> resident.touch() && admin.present("#plugin-uninstall-kiosk-bloodpressure"),
                    Duration.ofSeconds(60));
            // the open home screen of the resident follows by push
            resident.waitUntil(d -> resident.touch() && resident.present("#tile-bloodpressure"),
                    Duration.ofSeconds(20));
            assertTrue(resident.present("#session-name"), "the resident's session survived the install");
        }
    }

    @Test
    void aSettingsChangeTakesEffectWithoutRestartAndIsWrittenBack() throws Exception {
        try (KioskBrowser admin = new KioskBrowser()) {
            admin.signInStaff("admin", "admin2026");
            admin.open("settings").find("#settings-form");
            admin.type("#settings-idle", "5");
            admin.click("#settings-save");
            admin.waitUntil(d -> !admin.text("#settings-error").isBlank(), Duration.ofSeconds(10));

            admin.type("#settings-idle", "45");
            admin.click("#settings-save");
            waitForSetting(admin, "residentIdleTimeoutSeconds", "45");
            // back to the test value, so the other tests keep their short countdown
            admin.open("settings").find("#settings-form");
            admin.type("#settings-idle", String.valueOf(KioskServer.IDLE_TIMEOUT_SECONDS));
            admin.click("#settings-save");
            waitForSetting(admin, "residentIdleTimeoutSeconds", String.valueOf(KioskServer.IDLE_TIMEOUT_SECONDS));
        }
    }

    @Test
    void anActionUntickedInTheSettingsIsWrittenBackAndNoLongerAsksForThePin() {
        try (KioskBrowser admin = new KioskBrowser()) {
            admin.signInStaff("admin", "admin2026");
            try {
                pinFor(admin, PinAction.BLOOD_PRESSURE_HISTORY, false);
                waitForSetting(admin, "pinRequiredFor", "points.spend,points.transfer,points.confirmServed");
                // 张桂兰 (demo resident 1) has a PIN
                assertFalse(historyAsksForPin(1), "the PIN was asked for after its action was unticked");
            } finally {
                // back to kiosk-config's list, for the other tests on this kiosk
                pinFor(admin, PinAction.BLOOD_PRESSURE_HISTORY, true);
                waitForSetting(admin, "pinRequiredFor", String.join(",", PinAction.ALL));
            }
            assertTrue(historyAsksForPin(1), "ticked again, the history asks for the PIN again");
        }
    }

    /** Ticks or unticks one action's PIN on the settings screen and saves. */
    private static void pinFor(KioskBrowser admin, String action, boolean ticked) {
        String checkbox = "#settings-pin-" + action.replace('.', '-');
        admin.open("settings").find(checkbox);
        if (Boolean.parseBoolean(admin.find(checkbox).getDomProperty("checked")) != ticked) {
            admin.click(checkbox);
        }
        admin.waitUntil(d -> Boolean.parseBoolean(admin.find(checkbox).getDomProperty("checked")) == ticked,
                Duration.ofSeconds(10));
        admin.click("#settings-save");
    }

    /** Whether demo resident n's card, in a session of its own, meets the PIN dialog before the blood-pressure history.
     */
    private static boolean historyAsksForPin(int n) {
        try (KioskBrowser resident = new KioskBrowser()) {
            resident.open("").find("#home-greeting");
            resident.tapCard(DemoCards.token(n));
            resident.find("#session-name");
            resident.open("bloodpressure/history").find("#bp-history");
            resident.waitUntil(d -> resident.present("#pin-dialog") || resident.present("#bp-history-empty")
                    || resident.present("#bp-history-list"), Duration.ofSeconds(20));
            return resident.present("#pin-dialog");
        }
    }

    /** Waits until Karaf has written the setting's value back to the kiosk's .cfg file. */
    private static void waitForSetting(KioskBrowser browser, String key, String value) {
        Pattern line = Pattern.compile(
                "(?m)^" + Pattern.quote(key) + "\\s*=\\s*\"?" + Pattern.quote(value) + "\"?\\s*$");
        browser.waitUntil(d -> {
            try {
                return line.matcher(Files.readString(KioskServer.Running.home()
                        .resolve("etc/org.communitykiosk.kiosk.cfg"))).find();
            } catch (java.io.IOException e) {
                return false;
            }
        }, Duration.ofSeconds(20));
    }

    @Test
    void aNewTileOrderShowsOnTheHomeScreenAtOnce() {
        try (KioskBrowser admin = new KioskBrowser()) {
            admin.signInStaff("admin", "admin2026");
            assertTrue(before(admin, "#tile-deliberation", "#tile-bloodpressure"), "kiosk-config's order");
            try {
                moveTile(admin, "up", "bloodpressure", "#tile-bloodpressure", "#tile-deliberation");
            } finally {
                // back to kiosk-config's order for the other tests
                moveTile(admin, "down", "bloodpressure", "#tile-deliberation", "#tile-bloodpressure");
            }
        }
    }

    /** Moves a plugin's tile one place in the settings, saves, and waits for the home screen to show the new order. */
    private static void moveTile(KioskBrowser admin, String direction, String plugin, String first, String second) {
        admin.open("settings").find("#settings-tiles");
        admin.click("#settings-tile-" + direction + "-" + plugin);
        admin.click("#settings-save");
        // loading another page at once could abort the save's request: wait for the screen's confirmation
        admin.waitUntil(d -> admin.all("vaadin-notification-card").stream()
                .anyMatch(card -> card.getText().contains("设置已保存")), Duration.ofSeconds(10));
        admin.open("").find("#tile-" + plugin);
        admin.waitUntil(d -> before(admin, first, second), Duration.ofSeconds(10));
    }

    /** Whether the first element comes before the second on the page. */
    private static boolean before(KioskBrowser browser, String first, String second) {
        return Boolean.TRUE.equals(browser.script(
                "return (arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0",
                browser.find(first), browser.find(second)));
    }

    @Test
    void staffWithoutTheAdminRoleCannotReachThePluginScreen() {
        try (KioskBrowser staff = new KioskBrowser()) {
            staff.signInStaff("staff", "staff2026");
            assertFalse(staff.present("#tile-plugins"), "no plugin tile for kiosk-staff");
            staff.open("plugins").find("#access-refused");
            assertFalse(staff.present("#plugins-list"));
            staff.open("settings").find("#access-refused");
        }
    }
}
