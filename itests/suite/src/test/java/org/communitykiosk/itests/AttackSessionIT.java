package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;

/**
 * Threat: <b>the next person at the kiosk finds the last one still signed in</b>, or their printout still on screen,
 * or takes over their session. Each test is what a careless plugin, a broken or tampered page, or a person at the
 * kiosk could do, against the real distribution (the browser tests' kiosk: resident idle timeout
 * {@value KioskServer#IDLE_TIMEOUT_SECONDS} s, the simulated blood-pressure monitor):
 * <ul>
 * <li>the blood-pressure screen left after a device error (the monitor "disconnects"), with its screen polling the
 * server every second, must still sign the resident out at the timeout;</li>
 * <li>a page whose idle timer is switched off by script, that keeps sending Vaadin heartbeats, must still be signed
 * out by the server, and stay signed out when the page is loaded again;</li>
 * <li>a printout leaves no tab or window behind, and its frame is gone at the sign-out (the resident walked away from
 * it: the server's idle sign-out) and its address serves it no more;</li>
 * <li>staff exporting a resident's blood-pressure readings for the doctor: nothing lands in the kiosk browser's
 * downloads (the next person at the kiosk could open it), the file goes to a medium staff choose;</li>
 * <li>the session cookie changes at every sign-in and sign-out (card, PIN, staff): a session id planted or read before
 * the sign-in (session fixation) gives nothing afterwards.</li>
 * </ul>
 */
@ExtendWith(KioskServer.class)
class AttackSessionIT {

    private static final String BP_CFG = "org.communitykiosk.bloodpressure.cfg";
    private static final String BP_READINGS = "132/84/72;126/80/70;124/79/69";
    /** The server's timeout, plus the countdown's last tick and the push, plus slack for a loaded machine. */
    private static final Duration SIGN_OUT_WITHIN = Duration.ofSeconds(KioskServer.IDLE_TIMEOUT_SECONDS + 20);

    @Test
    void theBloodPressureScreenLeftAfterADeviceErrorStillSignsOut() {
        KioskServer.configure(BP_CFG, "simulatorReadings", "disconnect");
        // the simulator starts anew with its new script
        KioskServer.sleep(2000);
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            browser.tapCard(DemoCards.token(4));
            browser.find("#session-name");
            browser.open("bloodpressure").find("#bp-start");
            browser.click("#bp-start");
            browser.click("#bp-rest-skip");
            // the simulator drops the connection instead of sending a reading
            browser.waitUntil(d -> browser.present("#bp-device-error"), Duration.ofSeconds(30));
            // the resident walks away; nobody touches the screen (which keeps polling the server every second)
            browser.waitUntil(d -> !browser.present("#session-name"), SIGN_OUT_WITHIN);
            browser.find("#tap-card-hint");
            assertFalse(browser.bodyText().contains("王志强"), "no name left on screen");
        } finally {
            // back to the kiosk-config script (the blood-pressure tests count on its first readings)
            KioskServer.configure(BP_CFG, "simulatorReadings", BP_READINGS);
        }
    }

    @Test
    void aPageWithItsIdleTimerSwitchedOffIsSignedOutByTheServer() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            browser.tapCard(ShellBrowserIT.DEMO_CARD);
            browser.waitForText("#home-greeting", ShellBrowserIT.DEMO_NAME);
            // a broken or tampered page: its idle timer stopped, its "idle" report never sent, and Vaadin
            // heartbeats sent every 2 s for as long as the page lives
            browser.script("const layout = document.querySelector('#kiosk-layout');"
                    + "clearInterval(layout.__idleTimer); layout.__idleMs = 0; layout.__awake = true;"
                    + "layout.$server.idle = () => {};"
                    + "window.__beats = setInterval(() => fetch(location.pathname.replace(/\\/kiosk\\/.*$/, '/kiosk/')"
                    + "  + '?v-r=heartbeat&v-uiId=0', {method: 'POST', credentials: 'same-origin'}), 2000);");
            browser.waitUntil(d -> !browser.present("#session-name"), SIGN_OUT_WITHIN);
            assertFalse(browser.bodyText().contains(ShellBrowserIT.DEMO_NAME), "no name left on screen");
            // the server ended it, not only the screen: a fresh load of the page in the same browser is nobody's
            browser.open("").find("#home-greeting");
            KioskServer.sleep(1000);
            assertFalse(browser.present("#session-name"), "signed out on the server");
        }
    }

    @Test
    void aPrintoutLeavesNoTabAndItsFrameGoesAtSignOut() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            browser.tapCard(ShellBrowserIT.DEMO_CARD);
            browser.find("#session-name");
            browser.open("points/statement").find("#points-statement");
            String kioskWindow = browser.driver.getWindowHandle();
            browser.click("#points-statement-print");
            browser.waitUntil(d -> browser.present("#printout-frame") || browser.present("#points-statement-pdf"),
                    Duration.ofSeconds(30));
            if (browser.present("#points-statement-pdf")) {
                // what the kiosk offered before: a link that opens the PDF in a tab of its own
                browser.click("#points-statement-pdf");
                KioskServer.sleep(2000);
            }
            assertEquals(1, browser.driver.getWindowHandles().size(), "the printout opened no tab or window");
            String frameSource = browser.find("#printout-frame").getAttribute("src");
            assertNotNull(frameSource);
            assertTrue(frameSource.startsWith(KioskServer.url("")), "a frame of the kiosk's own origin: " + frameSource);
            Map<?, ?> before = status(browser, frameSource);
            assertEquals(200L, ((Number) before.get("status")).longValue());
            assertTrue(((String) before.get("type")).startsWith("application/pdf"), "the PDF: " + before);

            browser.click("#printout-close");
            browser.gone("#printout-frame");
            // printed again, and the resident walks away from it: the server's sign-out takes the printout too
            browser.click("#points-statement-print");
            browser.find("#printout-frame");
            browser.waitUntil(d -> !browser.present("#session-name"), SIGN_OUT_WITHIN);
            browser.find("#tap-card-hint");
            assertFalse(browser.present("#printout-frame"), "the printout's frame is gone at sign-out");
            assertFalse(browser.present("iframe"), "no frame left at all");
            assertEquals(1, browser.driver.getWindowHandles().size());
            assertEquals(kioskWindow, browser.driver.getWindowHandle());
            assertNotEquals(200L, ((Number) status(browser, frameSource).get("status")).longValue(),
                    "the printout's address no longer serves it");
        }
    }

    @Test
    void aHealthExportNeverLandsInTheBrowsersDownloads() throws Exception {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.signInStaff("staff", "staff2026");
            browser.open("bloodpressure").find("#bp-tap-card");
            browser.tapCard(DemoCards.token(3));
            browser.find("#bp-resident");
            browser.click("#bp-history-link");
            browser.find("#bp-export-make");
            browser.click("#bp-export-make");
            browser.click("#bp-export-csv");
            KioskServer.sleep(3000);
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(browser.downloads)) {
                assertEquals(java.util.List.of(), files.toList(), "nothing in the kiosk browser's downloads");
            }
            assertTrue(browser.present("#export-dialog"), "staff choose where the file goes");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(KioskBrowser browser, String url) {
        return (Map<String, Object>) browser.script("return fetch(arguments[0], {credentials: 'same-origin'})"
                + ".then(r => ({status: r.status, type: r.headers.get('content-type') || ''}))", url);
    }

    @Test
    void theSessionCookieChangesAtEverySignInAndSignOutAndAPlantedOneGivesNothing() {
        try (KioskBrowser kiosk = new KioskBrowser(); KioskBrowser attacker = new KioskBrowser()) {
            kiosk.open("").find("#home-greeting");
            String planted = sessionId(kiosk);

            kiosk.tapCard(ShellBrowserIT.DEMO_CARD);
            kiosk.waitForText("#home-greeting", ShellBrowserIT.DEMO_NAME);
            String resident = sessionId(kiosk);
            assertNotEquals(planted, resident, "card sign-in renews the session id");
            // the session keeps working with its new id: a screen, and the server's push
            kiosk.click("#tile-points");
            kiosk.find("#points-home");

            // the attacker knew (or planted) the id of the kiosk's session before the resident signed in
            attacker.open("").find("#home-greeting");
            attacker.driver.manage().deleteCookieNamed("JSESSIONID");
            attacker.driver.manage().addCookie(new Cookie("JSESSIONID", planted, "/"));
            attacker.open("").find("#home-greeting");
            KioskServer.sleep(1000);
            assertFalse(attacker.present("#session-name"), "the id from before the sign-in is nobody's session");
            assertFalse(attacker.bodyText().contains(ShellBrowserIT.DEMO_NAME));

            kiosk.click("#logout");
            kiosk.find("#tap-card-hint");
            String afterResident = sessionId(kiosk);
            assertNotEquals(resident, afterResident, "sign-out renews the session id");
            // and the resident's id is no one's either
            attacker.driver.manage().deleteCookieNamed("JSESSIONID");
            attacker.driver.manage().addCookie(new Cookie("JSESSIONID", resident, "/"));
            attacker.open("points").find("#kiosk-content");
            KioskServer.sleep(1000);
            assertFalse(attacker.present("#session-name"), "the signed-out resident's id gives nothing");

            kiosk.click("#pin-signin");
            for (char digit : ShellBrowserIT.DEMO_PHONE.toCharArray()) {
                kiosk.click("#signin-key-" + digit);
            }
            kiosk.click("#signin-next");
            kiosk.find("#signin-pin");
            for (char digit : ShellBrowserIT.DEMO_PIN.toCharArray()) {
                kiosk.click("#signin-key-" + digit);
            }
            kiosk.click("#signin-submit");
            kiosk.find("#session-name");
            String pin = sessionId(kiosk);
            assertNotEquals(afterResident, pin, "PIN sign-in renews the session id");
            kiosk.click("#logout");
            kiosk.find("#tap-card-hint");
            String afterPin = sessionId(kiosk);
            assertNotEquals(pin, afterPin);

            kiosk.signInStaff("staff", "staff2026");
            String staff = sessionId(kiosk);
            assertNotEquals(afterPin, staff, "staff sign-in renews the session id");
            kiosk.click("#logout");
            kiosk.find("#tap-card-hint");
            assertNotEquals(staff, sessionId(kiosk), "staff sign-out renews the session id");
        }
    }

    private static String sessionId(KioskBrowser browser) {
        // the cookie is HttpOnly: page scripts cannot read it, the browser's own cookie jar can
        String[] id = new String[1];
        browser.waitUntil(d -> {
            Cookie cookie = d.manage().getCookieNamed("JSESSIONID");
            id[0] = cookie == null ? null : cookie.getValue();
            return id[0] != null;
        }, Duration.ofSeconds(10));
        return id[0];
    }
}
