package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * The shell in a real browser: home screen, card and PIN sign-in, idle countdown, logout, back button, language and
 * the age-friendly measurements.
 */
@ExtendWith(KioskServer.class)
class ShellBrowserIT {

    // demo community from kiosk-config (demoData = true)
    static final String DEMO_CARD = DemoCards.token(1);
    static final String DEMO_NAME = "张桂兰";
    static final String DEMO_PHONE = "13800000002";
    static final String DEMO_PIN = "1234";

    @Test
    void bareRootLandsOnTheKioskHome() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.driver.get("http://localhost:" + KioskServer.HTTP_PORT + "/");
            browser.find("#home-greeting");
            assertTrue(browser.driver.getCurrentUrl().endsWith("/kiosk/"), browser.driver.getCurrentUrl());
            assertTrue(browser.text("#demo-banner").contains("演示数据"), "demo community is clearly marked");
            browser.find("#tile-bulletin");
            assertFalse(browser.present("#tile-residents"), "staff tiles are not shown to passers-by");
        }
    }

    @Test
    void cardSignInShowsTheResidentAndLogoutLeavesNothingBehind() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            browser.tapCard(DEMO_CARD);
            browser.waitForText("#home-greeting", DEMO_NAME);
            assertEquals(DEMO_NAME, browser.text("#session-name"));

            browser.open("bulletin").find("#bulletin-board");
            browser.click("#logout");
            browser.find("#tap-card-hint");
            assertFalse(browser.bodyText().contains(DEMO_NAME), "no personal data after logout");

            browser.driver.navigate().back();
            browser.find("#kiosk-content");
            KioskServer.sleep(1000);
            assertFalse(browser.bodyText().contains(DEMO_NAME), "the back button shows no personal data");
        }
    }

    @Test
    void unknownCardGetsAFriendlyMessageAndNothingElse() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            browser.tapCard("99999999");
            browser.find("vaadin-notification-card");
            assertFalse(browser.present("#session-name"));
            assertTrue(browser.present("#tap-card-hint"));
        }
    }

    @Test
    void qrCodeAndPhoneWithPinSignIn() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            browser.tapCard("KIOSK-CARD:" + DEMO_CARD);
            browser.waitForText("#home-greeting", DEMO_NAME);
            browser.click("#logout");
            browser.find("#tap-card-hint");

            browser.click("#pin-signin");
            for (char digit : DEMO_PHONE.toCharArray()) {
                browser.click("#signin-key-" + digit);
            }
            browser.click("#signin-next");
            browser.find("#signin-pin");
            for (char digit : "9999".toCharArray()) {
                browser.click("#signin-key-" + digit);
            }
            browser.click("#signin-submit");
            // one answer for every failure: it says nothing of how many tries are left
            browser.waitUntil(d -> !browser.text("#signin-error").isBlank(), Duration.ofSeconds(10));
            assertFalse(browser.text("#signin-error").matches(".*\\d.*"));
            for (char digit : DEMO_PIN.toCharArray()) {
                browser.click("#signin-key-" + digit);
            }
            browser.click("#signin-submit");
            browser.find("#session-name");
            assertEquals("李建国", browser.text("#session-name"));
        }
    }

    @Test
    void idleCountdownEndsTheSessionUnlessSomeoneIsStillThere() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            browser.tapCard(DEMO_CARD);
            browser.waitForText("#home-greeting", DEMO_NAME);

            // first time: the resident is still there
            browser.waitUntil(d -> browser.present("#still-here"), Duration.ofSeconds(KioskServer.IDLE_TIMEOUT_SECONDS + 10));
            browser.click("#still-here");
            // the closed dialog's overlay can linger a moment; wait until its countdown has left the page, or the
            // next wait would see the old one
            browser.waitUntil(d -> !browser.present("#idle-seconds"), Duration.ofSeconds(10));
            assertEquals(DEMO_NAME, browser.text("#session-name"));

            // second time: nobody answers, the countdown runs out
            browser.waitUntil(d -> browser.present("#idle-seconds"), Duration.ofSeconds(KioskServer.IDLE_TIMEOUT_SECONDS + 10));
            browser.waitUntil(d -> !browser.present("#session-name"), Duration.ofSeconds(KioskServer.IDLE_TIMEOUT_SECONDS));
            browser.find("#tap-card-hint");
            assertFalse(browser.bodyText().contains(DEMO_NAME), "no personal data after the idle logout");
        }
    }

    @Test
    void languageSwitchesAndLargeTextGrows() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            assertTrue(browser.text("#home-greeting").contains("欢迎"));
            String chineseTile = browser.text("#tile-bulletin");
            browser.click("#lang-toggle");
            browser.waitForText("#home-greeting", "Welcome");
            String englishTile = browser.text("#tile-bulletin");
            assertFalse(englishTile.equals(chineseTile) || englishTile.isBlank(), englishTile);
            assertFalse(browser.bodyText().contains("!bulletin."), "no missing translation keys");
            assertFalse(browser.bodyText().contains("!shell."), "no missing translation keys");

            double before = fontSize(browser, "#home-greeting");
            browser.click("#large-text");
            browser.waitUntil(d -> fontSize(browser, "#home-greeting") > before, Duration.ofSeconds(10));
        }
    }

    @Test
    void touchTargetsTextSizeAndContrastFollowTheAgeFriendlyRules() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#tile-bulletin");
            // measured in one go inside the page: a push re-rendering the tiles between finding an element and
            // measuring it made the element stale
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> targets = (List<Map<String, Object>>) browser.script("return Array.from("
                    + "document.querySelectorAll('vaadin-button, .kiosk-tile')).map(e => { const r ="
                    + " e.getBoundingClientRect(); return {id: e.id, width: r.width, height: r.height}; });");
            assertFalse(targets.isEmpty());
            for (Map<String, Object> box : targets) {
                double width = ((Number) box.get("width")).doubleValue();
                double height = ((Number) box.get("height")).doubleValue();
                if (width > 0) {
                    assertTrue(width >= 60 && height >= 60,
                            "touch target " + box.get("id") + " is " + width + "x" + height);
                }
            }
            for (String selector : List.of("#home-greeting", "#tap-card-hint", ".kiosk-tile-title",
                    ".kiosk-tile-description", "#lang-toggle", "#pin-signin")) {
                againIfReplaced(() -> {
                    for (WebElement element : browser.all(selector)) {
                        double size = fontSize(browser, element);
                        assertTrue(size >= 18, selector + " font size " + size);
                        double contrast = contrast(browser, element);
                        assertTrue(contrast >= 4.5, selector + " contrast " + contrast);
                    }
                });
            }
        }
    }

    /** Runs the check again when a push replaced an element it was reading (the tiles re-render as plugins come up). */
    private static void againIfReplaced(Runnable check) {
        for (int attempt = 1;; attempt++) {
            try {
                check.run();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    static double fontSize(KioskBrowser browser, String selector) {
        return fontSize(browser, browser.find(selector));
    }

    static double fontSize(KioskBrowser browser, WebElement element) {
        return ((Number) browser.script("return parseFloat(getComputedStyle(arguments[0]).fontSize)", element))
                .doubleValue();
    }

    /** WCAG contrast of the element's text colour against its effective (composited) background. */
    static double contrast(KioskBrowser browser, WebElement element) {
        return ((Number) browser.script("""
                const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
                const over = (top, bottom) => ({r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
                let layers = [];
                for (let e = arguments[0]; e && e.nodeType === 1; e = e.parentElement || (e.getRootNode() && e.getRootNode().host)) {
                  const bg = parse(getComputedStyle(e).backgroundColor);
                  if (bg.a > 0) layers.push(bg);
                  if (bg.a >= 1) break;
                }
                let bg = {r: 255, g: 255, b: 255, a: 1};
                for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
                const fg = over(parse(getComputedStyle(arguments[0]).color), bg);
                const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
                const l1 = lum(fg), l2 = lum(bg);
                return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                """, element)).doubleValue();
    }
}
