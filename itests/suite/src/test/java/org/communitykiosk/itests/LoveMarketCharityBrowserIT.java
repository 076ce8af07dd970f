package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The charity market (爱心集市): staff open a market day with a stall and record a cash sale, then a mistaken one (88
 * instead of 8.80) which they correct in the dialog with a reason; after they sign out, a passer-by reads on the
 * public board what the stall raised (the corrected sale no longer counts) and where the money goes, without signing
 * in.
 */
@ExtendWith(KioskServer.class)
class LoveMarketCharityBrowserIT {

    @Test
    void aCashSaleShowsOnThePublicBoardAndACorrectedOneDoesNot() {
        String stall = "编织坊" + System.nanoTime() % 10000;
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.signInStaff("staff", "staff2026");
            browser.open("lovemarket/charity").find("#lm-market-form");
            browser.type("#lm-market-place", "社区广场");
            browser.click("#lm-market-create");
            browser.type("#lm-stall-name", stall);
            browser.type("#lm-stall-sells", "手工拖鞋");
            browser.type("#lm-stall-beneficiary", "困难老人冬衣");
            browser.click("#lm-stall-add");
            // the new stall is the day's only one: the sale form offers it once it was added
            browser.waitUntil(d -> browser.find("#lm-stall-name").getAttribute("value").isEmpty(),
                    java.time.Duration.ofSeconds(10));
            browser.chooseText("#lm-sale-stall", stall);
            browser.type("#lm-sale-amount", "12.50");
            browser.click("#lm-sale-save");
            try {
                browser.waitUntil(d -> browser.find("#lm-sale-amount").getAttribute("value").isEmpty()
                        || browser.all("#lm-sale-error").stream().anyMatch(e -> !e.getText().isBlank()),
                        java.time.Duration.ofSeconds(10));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("neither recorded nor refused: " + browser.bodyText(), e);
            }
            assertTrue(browser.all("#lm-sale-error").stream().noneMatch(e -> e.isDisplayed()),
                    "the sale was recorded");

            browser.type("#lm-sale-amount", "88");
            browser.click("#lm-sale-save");
            String mistaken = browser.idInRow("lm-sale-correct-", "88.00", java.time.Duration.ofSeconds(10));
            browser.click("#lm-sale-correct-" + mistaken);
            browser.waitForText("#lm-correct-what", "88.00");
            browser.type("#lm-correct-reason", "把 8.80 输成了 88");
            browser.click("#lm-correct-confirm");
            browser.find("#lm-sale-corrected-" + mistaken);
            browser.gone("#lm-correct-reason");
            browser.click("#logout");
            browser.find("#tap-card-hint");

            browser.open("lovemarket/market").find("#lovemarket-board");
            browser.waitForText("#lovemarket-board", stall);
            browser.waitForText("#lm-board-total", "12.50");
            assertTrue(browser.text("#lovemarket-board").contains("困难老人冬衣"), "where the money goes");
            assertTrue(browser.present("#tap-card-hint") || !browser.present("#session-name"),
                    "nobody is signed in");
        }
    }
}
