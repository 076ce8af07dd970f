package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plugins come and go while the kiosk runs: a feature installed from the technician shell shows its tile in an open
 * browser session, and a plugin that fails shows an error card while everything else keeps working.
 */
@ExtendWith(KioskServer.class)
class PluginLifecycleBrowserIT {

    @Test
    void featureInstallShowsTheTileInARunningKioskAndUninstallRemovesIt() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#tile-bulletin");

            String out = KioskServer.shell("feature:uninstall kiosk-bulletin");
            browser.open("").find("#home-greeting");
            browser.waitUntil(d -> !browser.present("#tile-bulletin"), Duration.ofSeconds(20));
            browser.open("bulletin").find("#plugin-missing");

            out += KioskServer.shell("feature:install kiosk-bulletin");
            // the open home screen follows the installation by push, no reload
            browser.open("").find("#home-greeting");
            browser.waitUntil(d -> browser.present("#tile-bulletin"), Duration.ofSeconds(30));
            browser.click("#tile-bulletin");
            browser.find("#bulletin-board");
            assertFalse(out.contains("Error"), out);
        }
    }

    @Test
    void aFailingPluginShowsAnErrorCardAndTheRestKeepsWorking() {
        String version = System.getProperty("kiosk.version");
        String out = KioskServer.shell("bundle:install -s mvn:org.communitykiosk/kiosk-test-broken-plugin/" + version);
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            browser.waitUntil(d -> browser.present("#tile-broken-start"), Duration.ofSeconds(30));
            assertTrue(browser.find("#tile-broken-start").getAttribute("class").contains("kiosk-tile-failed"), out);

            browser.click("#tile-broken-view");
            browser.find("#plugin-error");
            browser.click("#home-button");
            browser.click("#tile-bulletin");
            browser.find("#bulletin-board");
        } finally {
            KioskServer.shell("bundle:uninstall org.communitykiosk.kiosk-test-broken-plugin");
        }
    }
}
