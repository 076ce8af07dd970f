package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Item photos in the real kiosk (image decoding inside OSGi, the upload, the StreamResource): a file named like a
 * photo that is not one is refused in words; a real PNG is stored, and the resident's shop shows it decoded.
 */
@ExtendWith(KioskServer.class)
class LoveMarketPhotoBrowserIT {

    @Test
    void aRealPhotoShowsInTheShopAndAFakeOneIsRefused() throws Exception {
        String item = "照片测试 " + System.nanoTime() % 10000;
        Path dir = Files.createTempDirectory("lm-photo");
        Path fake = dir.resolve("fake.png");
        Files.writeString(fake, "not a picture at all", StandardCharsets.UTF_8);
        Path png = dir.resolve("real.png");
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xFF0000);
        ImageIO.write(image, "png", png.toFile());
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.signInStaff("staff", "staff2026");
            browser.open("lovemarket/stock").find("#lm-item-form");
            browser.type("#lm-item-name", item);
            browser.type("#lm-item-category", "日用品");
            browser.type("#lm-item-price", "5");
            browser.click("#lm-item-save");
            browser.waitForText("#lovemarket-stock", item);
            browser.chooseText("#lm-photo-item", item);
            browser.upload("#lm-photo-upload", fake);
            browser.waitForText("#lm-photo-error", "不是照片");
            browser.upload("#lm-photo-upload", png);
            // the screen's own confirmation, not the error's absence: a re-rendered error line is hidden too
            try {
                browser.waitUntil(d -> browser.all("vaadin-notification-card").stream()
                        .anyMatch(card -> card.getText().contains(item + " 的照片已保存")), Duration.ofSeconds(15));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the real photo was not saved; error line: "
                        + browser.all("#lm-photo-error").stream().map(WebElement::getText).toList());
            }
            assertTrue(browser.all("#lm-photo-error").stream().noneMatch(WebElement::isDisplayed),
                    "no error beside a saved photo");
            // the intake refreshes the screen's item lists, so it comes after the photo
            browser.chooseText("#lm-intake-item", item);
            browser.type("#lm-intake-qty", "2");
            browser.type("#lm-intake-donor", "爱心企业");
            browser.click("#lm-intake-save");
            browser.waitUntil(d -> browser.find("#lm-intake-qty").getAttribute("value").isEmpty(),
                    Duration.ofSeconds(10));
            browser.click("#logout");
            browser.find("#tap-card-hint");

            browser.tapCard(DemoCards.token(1));
            browser.find("#session-name");
            browser.open("lovemarket").find("#lovemarket-shop");
            WebElement card = browser.all("[id^=lm-item-]").stream().filter(e -> e.getText().contains(item))
                    .findFirst().orElseThrow();
            WebElement photo = card.findElement(By.cssSelector("img[id^=lm-photo-]"));
            browser.waitUntil(d -> ((Number) browser.script("return arguments[0].naturalWidth", photo))
                    .intValue() == 64, Duration.ofSeconds(10));
            assertTrue(photo.getAttribute("alt").contains(item));
        }
    }
}
