package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * The love market with the real points ledger: staff stock a donated item, a volunteer earns points (the person
 * served confirms with their PIN), redeems the item for a pickup code (with his PIN), and staff cancel the order, which gives the points back. Then the same item is given by
 * lot: the volunteer asks within the window, staff draw once it has closed, and a passer-by reads the public notice
 * (公示), where the winner's name is masked.
 */
@ExtendWith(KioskServer.class)
class LoveMarketBrowserIT {

    @Test
    void redeemForAPickupCodeThenACancellationRefundsThePoints() {
        String item = "毛巾 " + System.nanoTime() % 10000;
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.signInStaff("staff", "staff2026");
            browser.stockItem(item, "3");
            KioskServer.sleep(1000);
            browser.click("#logout");
            browser.find("#tap-card-hint");

            // a volunteer earns points: hours confirmed by the card of the person served
            browser.tapCard(DemoCards.token(2));
            browser.find("#session-name");
            browser.open("points/log").find("#points-log");
            browser.choose("#points-log-category", 1);
            browser.type("#points-log-minutes", "120");
            browser.click("#points-log-by-card");
            browser.find("#points-log-tap");
            browser.tapCard(DemoCards.token(1));
            // 张桂兰, who was served, has a PIN: she confirms with it
            browser.enterPin(ShellBrowserIT.DEMO_PIN);
            browser.find("#points-log-confirmed");
            browser.open("points").find("#points-balance");
            String earned = browser.text("#points-balance").replaceAll("\\D", "");

            browser.open("lovemarket").find("#lovemarket-shop");
            browser.driver.findElements(org.openqa.selenium.By.cssSelector("[id^=lm-item-]")).stream()
                    .filter(e -> e.getText().contains(item)).findFirst().orElseThrow()
                    .findElement(org.openqa.selenium.By.cssSelector("[id^=lm-add-]")).click();
            browser.click("#lm-basket-link");
            browser.find("#lovemarket-basket");
            browser.click("#lm-confirm");
            // spending points: 李建国 has a PIN
            browser.enterPin(ShellBrowserIT.DEMO_PIN);
            String code = browser.text("#lm-receipt-code").replaceAll("\\D", "");
            assertEquals(6, code.length(), "a pickup code in huge type");
            browser.open("points").find("#points-balance");
            assertEquals(Integer.parseInt(earned) - 10,
                    Integer.parseInt(browser.text("#points-balance").replaceAll("\\D", "")));
            browser.click("#logout");
            browser.find("#tap-card-hint");

            browser.signInStaff("staff", "staff2026");
            browser.open("lovemarket/orders").find("#lovemarket-orders");
            browser.type("#lm-pickup-code", code);
            browser.click("#lm-pickup-find");
            browser.find("#lm-pickup-order");
            browser.all("#lm-pickup-order [id^=lm-cancel-]").get(0).click();
            browser.waitUntil(d -> !browser.all("#lm-pickup-order [id^=lm-cancel-confirm-]").isEmpty()
                    || !browser.all("[id^=lm-cancel-confirm-]").isEmpty(), Duration.ofSeconds(10));
            browser.all("[id^=lm-cancel-confirm-]").get(0).click();
            KioskServer.sleep(1500);
            browser.click("#logout");
            browser.find("#tap-card-hint");

            browser.tapCard(DemoCards.token(2));
            browser.find("#session-name");
            browser.open("points").find("#points-balance");
            assertEquals(earned, browser.text("#points-balance").replaceAll("\\D", ""),
                    "the cancellation refunded the points");
            browser.click("#logout");
            browser.find("#tap-card-hint");

            theLotteryWinnerIsMaskedOnThePublicNotice(browser, item);
        }
    }

    /** 李建国 (card 10000002) has the points back: enough for one unit at 10 points. */
    private static void theLotteryWinnerIsMaskedOnThePublicNotice(KioskBrowser browser, String item) {
        browser.signInStaff("staff", "staff2026");
        browser.open("lovemarket/lottery").find("#lm-lottery-form");
        browser.chooseText("#lm-lottery-item", item);
        browser.type("#lm-lottery-units", "1");
        // the window opens now (the screen's default, in the kiosk's zone) and closes two minutes later: long enough
        // to ask, short enough to draw within the test
        String opens = (String) browser.script("return arguments[0].value", browser.find("#lm-lottery-opens"));
        LocalDateTime closes = LocalDateTime.parse(opens).plusMinutes(2);
        browser.script("arguments[0].value = arguments[1]", browser.find("#lm-lottery-closes"),
                closes.toString());
        browser.click("#lm-lottery-create");
        String id = browser.idInRow("lm-lottery-draw-", item, Duration.ofSeconds(15));
        browser.click("#logout");
        browser.find("#tap-card-hint");

        browser.tapCard(DemoCards.token(2));
        browser.find("#session-name");
        browser.open("lovemarket").find("#lovemarket-shop");
        browser.click("#lm-lottery-ask-" + id);
        // asking agrees to pay if drawn: with his PIN
        browser.enterPin(ShellBrowserIT.DEMO_PIN);
        browser.find("#lm-lottery-asked-" + id);
        browser.click("#logout");
        browser.find("#tap-card-hint");

        // staff may draw only after the window: until then the screen says it is still open
        browser.signInStaff("staff", "staff2026");
        browser.open("lovemarket/lottery").find("#lm-lottery-draw-" + id);
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (!browser.present("#lm-lottery-result-" + id)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the lottery could not be drawn: " + browser.bodyText());
            }
            browser.click("#lm-lottery-draw-" + id);
            try {
                browser.waitUntil(d -> browser.present("#lm-lottery-result-" + id)
                        || browser.all("#lm-lottery-row-error-" + id).stream().anyMatch(WebElement::isDisplayed),
                        Duration.ofSeconds(10));
            } catch (org.openqa.selenium.TimeoutException e) {
                // neither drawn nor refused yet: tap again
            }
            if (!browser.present("#lm-lottery-result-" + id)) {
                KioskServer.sleep(10_000);
            }
        }
        browser.click("#logout");
        browser.find("#tap-card-hint");

        // the public notice, without signing in
        browser.open("lovemarket/notice").find("#lovemarket-notice");
        browser.waitForText("#lm-notice-" + id, item);
        String winner = browser.text("#lm-notice-winner-" + id + "-1");
        assertTrue(winner.contains("李*国"), "the winner, masked: " + winner);
        assertFalse(browser.text("#lm-notice-" + id).contains("李建国"), "never the full name in public");
        assertTrue(browser.present("#tap-card-hint") || !browser.present("#session-name"), "nobody is signed in");
    }
}
