package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A tablet on the centre's LAN, as staff set one up: the admin makes a pairing code on the kiosk's devices screen, the
 * tablet's browser (trusting the kiosk's certificate, as one whose owner compared the fingerprint) opens the kiosk's
 * https address, sees only the enrolment page, types the code and becomes a voting booth: its home offers the ballot
 * and nothing of residents or staff. The admin revokes it, and the tablet's open screen turns into the enrolment
 * page saying so. Every screen on the way, the kiosk's and the tablet's, runs under the kiosk's
 * Content-Security-Policy without one violation in the browser's console.
 */
@ExtendWith(KioskServer.class)
class DeviceBrowserIT {

    @Test
    void aTabletEnrolsAsABoothShowsOnlyTheBallotAndEndsWhenRevoked() throws Exception {
        String name = "投票机 " + (System.nanoTime() % 1000);
        try (KioskBrowser admin = new KioskBrowser(); KioskBrowser tablet = tablet()) {
            admin.signInStaff("admin", "admin2026");
            admin.open("devices").find("#devices-name");
            admin.type("#devices-name", name);
            admin.chooseText("#devices-role", "投票机");
            admin.click("#devices-create");
            String code = admin.text("#devices-code");
            assertTrue(code.matches("\\d{4} \\d{4}"), code);
            assertTrue(admin.present("#devices-qr"), "and as a QR code");
            assertTrue(admin.text("#devices-connector").contains("正在运行"), admin.text("#devices-connector"));

            tablet.driver.get(deviceUrl(""));
            tablet.find("#enrol-form");
            assertFalse(tablet.bodyText().contains(name), "nothing of the kiosk before enrolment");
            tablet.find("#enrol-code").sendKeys(code);
            tablet.click("#enrol-submit");
            // the tablet's home: the booth's tile, nothing to sign in with
            try {
                tablet.find("#home-greeting");
            } catch (RuntimeException notThere) {
                throw new AssertionError("the tablet is at " + tablet.driver.getCurrentUrl() + " showing "
                        + tablet.driver.getPageSource() + "; console " + tablet.console(), notThere);
            }
            assertTrue(tablet.text("#device-name").contains(name), tablet.text("#device-name"));
            assertFalse(tablet.present("#pin-signin") || tablet.present("#staff-signin-button")
                    || tablet.present("#tile-points") || tablet.present("#tile-residents"), tablet.bodyText());
            tablet.click("#tile-deliberation");
            tablet.find("#vote-booth");
            // a typed address of a staff screen: refused on this device
            tablet.driver.get(deviceUrl("staff"));
            tablet.find("#device-refused");
            tablet.driver.get(deviceUrl("deliberation/vote"));
            tablet.find("#vote-booth");

            // the admin revokes it; the tablet's open screen ends without anybody touching it
            admin.open("devices").find("#devices-list");
            String id = admin.idInRow("device-revoke-", name, Duration.ofSeconds(10));
            admin.click("#device-revoke-" + id);
            admin.click("#device-revoke-yes");
            admin.waitForText("#device-state-" + id, "已撤销");
            tablet.waitUntil(d -> tablet.present("#enrol-problem"), Duration.ofSeconds(20));
            assertEquals("device.credential.revoked", tablet.find("#enrol-problem").getAttribute("data-problem"));

            assertNoPolicyViolations("the kiosk's screen", admin.console());
            assertNoPolicyViolations("the tablet", tablet.console());
        }
    }

    @Test
    void theKioskScreensRunUnderTheContentSecurityPolicy() {
        try (KioskBrowser browser = new KioskBrowser()) {
            List<String> console = new ArrayList<>();
            browser.open("").find("#tiles");
            for (String screen : List.of("bulletin", "deliberation", "lovemarket", "points", "bloodpressure")) {
                browser.open(screen).find("#plugin-host");
                browser.waitUntil(d -> !browser.all("#plugin-host > *").isEmpty(), Duration.ofSeconds(15));
            }
            console.addAll(browser.console());
            browser.signInStaff("admin", "admin2026");
            for (String screen : List.of("residents", "audit", "devices", "plugins", "settings", "backup")) {
                browser.open(screen).find("#plugin-host");
                browser.waitUntil(d -> !browser.all("#plugin-host > *").isEmpty(), Duration.ofSeconds(15));
            }
            // the live push (WebSocket) too: a change made elsewhere reaches this screen
            assertTrue((Boolean) browser.script("return !!(window.Vaadin && window.Vaadin.Flow)"),
                    "Vaadin's client runs");
            console.addAll(browser.console());
            assertNoPolicyViolations("the kiosk's screens", console);
            // and the check sees one: a script put into the page by anything but the kiosk is refused and reported
            browser.script("const s = document.createElement('script'); s.textContent = 'window.__injected = 1';"
                    + "document.head.appendChild(s);");
            browser.waitUntil(d -> browser.console().stream().anyMatch(line -> line.contains("Content Security Policy")),
                    Duration.ofSeconds(10));
            assertEquals(null, browser.script("return window.__injected === undefined ? null : window.__injected"),
                    "the injected script did not run");
        }
    }

    private static void assertNoPolicyViolations(String where, List<String> console) {
        List<String> violations = console.stream().filter(line -> line.contains("Content Security Policy")
                || line.contains("Refused to")).toList();
        assertEquals(List.of(), violations, where + ": " + console);
    }

    /** A tablet whose browser trusts the kiosk's certificate (by its key, as after comparing the fingerprint). */
    private static KioskBrowser tablet() throws Exception {
        Path tls = KioskServer.Running.home().resolve("etc/tls");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.resolve("devices.p12"))) {
            store.load(in, Files.readString(tls.resolve("devices.pass")).toCharArray());
        }
        String alias = Collections.list(store.aliases()).stream().filter(a -> {
            try {
                return store.isKeyEntry(a);
            } catch (java.security.KeyStoreException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        byte[] key = store.getCertificate(alias).getPublicKey().getEncoded();
        String spki = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key));
        return new KioskBrowser(List.of("--ignore-certificate-errors-spki-list=" + spki));
    }

    private static String deviceUrl(String path) {
        return KioskServer.Running.kiosk().deviceUrl(path);
    }
}
