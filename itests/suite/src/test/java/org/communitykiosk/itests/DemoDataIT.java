package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The demo community on a kiosk of its own (it is removed here, and the browser tests' kiosk needs it): a banner on
 * every screen while it exists; turned off by the technician ({@code demoData = false}) on the running kiosk, it goes
 * with what the plugins stored for it (a blood-pressure reading here), its published cards no longer sign anybody in,
 * and the banner goes.
 */
class DemoDataIT {

    /** Its own ports: the other forks' kiosks run meanwhile. */
    static final KioskProcess.Ports PORTS = new KioskProcess.Ports(18581, 18501, 11599, 44945);
    static final String CENTRE_ADMIN = "centre-admin";
    static final String CENTRE_ADMIN_PASSWORD = "Lantern-Harbour-2026";

    @Test
    void turningDemoDataOffRemovesTheDemoCommunityWithItsDataAndTheBanner() throws Exception {
        Path root = Paths.get(System.getProperty("kiosk.runDirectory", "target/kiosk-browser")).resolveSibling(
                "kiosk-demo");
        KioskProcess unpacked = KioskProcess.unpack(root.resolve("kiosk"), PORTS);
        // the centre's own administrator: with demo data off, the published passwords are refused
        unpacked.set("users.properties", CENTRE_ADMIN, CENTRE_ADMIN_PASSWORD + ",kiosk-staff,kiosk-admin");
        try (KioskProcess kiosk = unpacked.start(); KioskBrowser browser = new KioskBrowser()) {
            browser.driver.get(kiosk.url(""));
            browser.find("#home-greeting");
            assertTrue(browser.text("#demo-banner").contains("演示数据"), "the banner while demo data exist");
            browser.tapCard(DemoCards.token(4));
            browser.find("#session-name");
            browser.driver.get(kiosk.url("bloodpressure"));
            browser.enterReading("136", "84");
            browser.find("#bp-result");
            assertTrue(browser.present("#demo-banner"), "on every screen");
            browser.click("#logout");
            browser.find("#tap-card-hint");

            // as a technician does it: the setting in the kiosk's etc/ file (Karaf applies it while the kiosk runs)
            kiosk.set("org.communitykiosk.kiosk.cfg", "demoData", "false");
            long deadline = System.currentTimeMillis() + 60_000;
            boolean bannerGone = false;
            while (!bannerGone && System.currentTimeMillis() < deadline) {
                KioskServer.sleep(2000);
                browser.driver.get(kiosk.url(""));
                browser.find("#home-greeting");
                bannerGone = !browser.driver.findElement(By.cssSelector("#demo-banner")).isDisplayed();
            }
            if (!bannerGone) {
                java.nio.file.Files.write(root.resolve("banner.png"),
                        browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
                java.nio.file.Files.writeString(root.resolve("banner.html"), browser.driver.getPageSource());
            }
            assertTrue(bannerGone, "no demo residents: no banner; the page says " + browser.bodyText());
            browser.tapCard(DemoCards.token(4));
            browser.find("vaadin-notification-card");
            KioskServer.sleep(1000);
            assertFalse(browser.present("#session-name"), "the published demo card signs nobody in");

            // the removal is audited with every plugin's part
            browser.driver.get(kiosk.url("staff"));
            browser.type("#staff-user", CENTRE_ADMIN);
            browser.type("#staff-password", CENTRE_ADMIN_PASSWORD);
            browser.click("#staff-submit");
            browser.find("#session-name");
            browser.driver.get(kiosk.url("audit"));
            browser.type("#audit-action", "resident.demo.remove");
            browser.click("#audit-apply");
            browser.waitUntil(d -> browser.text("#audit-grid").contains("bloodpressure 1"),
                    Duration.ofSeconds(20));
            String entry = browser.text("#audit-grid");
            assertTrue(entry.contains("5 demo residents"), entry);
            assertTrue(entry.contains("points") && entry.contains("lovemarket") && entry.contains("deliberation"),
                    "every plugin took part: " + entry);
        }
    }
}
