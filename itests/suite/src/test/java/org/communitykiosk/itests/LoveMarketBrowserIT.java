package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The love market with the real points ledger: staff stock a donated item, a volunteer earns points, redeems the
 * item for a pickup code, and staff cancel the order, which gives the points back.
 */
@ExtendWith(KioskServer.class)
class LoveMarketBrowserIT {

    @Test
    void redeemForAPickupCodeThenACancellationRefundsThePoints() {
        String item = "毛巾 " + System.nanoTime() % 10000;
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.signInStaff("staff", "staff2026");
            browser.open("lovemarket/stock").find("#lm-item-form");
            browser.type("#lm-item-name", item);
            browser.type("#lm-item-category", "日用品");
            browser.type("#lm-item-price", "10");
            browser.click("#lm-item-save");
            browser.waitForText("#lovemarket-stock", item);
            browser.chooseText("#lm-intake-item", item);
            browser.type("#lm-intake-donor", "爱心企业");
            browser.type("#lm-intake-qty", "3");
            browser.click("#lm-intake-save");
            KioskServer.sleep(1000);
            browser.click("#logout");
            browser.find("#tap-card-hint");

            // a volunteer earns points: hours confirmed by the card of the person served
            browser.tapCard("10000002");
            browser.find("#session-name");
            browser.open("points/log").find("#points-log");
            browser.choose("#points-log-category", 1);
            browser.type("#points-log-minutes", "120");
            browser.click("#points-log-by-card");
            browser.find("#points-log-tap");
            browser.tapCard("10000001");
            browser.find("#points-log-confirmed");
            browser.open("points").find("#points-balance");
            String earned = browser.find("#points-balance").getText().replaceAll("\\D", "");

            browser.open("lovemarket").find("#lovemarket-shop");
            browser.driver.findElements(org.openqa.selenium.By.cssSelector("[id^=lm-item-]")).stream()
                    .filter(e -> e.getText().contains(item)).findFirst().orElseThrow()
                    .findElement(org.openqa.selenium.By.cssSelector("[id^=lm-add-]")).click();
            browser.click("#lm-basket-link");
            browser.find("#lovemarket-basket");
            browser.click("#lm-confirm");
            String code = browser.find("#lm-receipt-code").getText().replaceAll("\\D", "");
            assertEquals(6, code.length(), "a pickup code in huge type");
            browser.open("points").find("#points-balance");
            assertEquals(Integer.parseInt(earned) - 10,
                    Integer.parseInt(browser.find("#points-balance").getText().replaceAll("\\D", "")));
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

            browser.tapCard("10000002");
            browser.find("#session-name");
            browser.open("points").find("#points-balance");
            assertEquals(earned, browser.find("#points-balance").getText().replaceAll("\\D", ""),
                    "the cancellation refunded the points");
        }
    }
}
