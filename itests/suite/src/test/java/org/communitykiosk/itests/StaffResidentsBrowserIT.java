package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff manage residents: a CSV with one bad row writes nothing and says which row; a good file imports, with the
 * tokens of cards written elsewhere.
 */
@ExtendWith(KioskServer.class)
class StaffResidentsBrowserIT {

    static final String HEADER = "name,card,phone,building,unit,household,birth_date,pin\n";

    @Test
    void csvImportIsAllOrNothingWithAPerRowReport(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, HEADER + "周小红,30000001,,5,1-101,H5-1101,1950-03-02,\n"
                + "<b>吴大伟</b>,abc,,5,1-102,H5-1102,1948-13-40,\n", StandardCharsets.UTF_8);
        // a card written elsewhere comes with its token; a row without one gets its card later
        String token = AttackCardIT.randomToken();
        Path good = dir.resolve("good.csv");
        Files.writeString(good, HEADER.strip() + ",card_token\n" + "周小红,30000001,,5,1-101,H5-1101,1950-03-02,,\n"
                + "<b>吴大伟</b>,30000002,,5,1-102,H5-1102,1948-11-04,4739," + token + "\n", StandardCharsets.UTF_8);

        try (KioskBrowser browser = new KioskBrowser()) {
            browser.signInStaff("staff", "staff2026");
            browser.open("residents/import").find("#import-upload");
            browser.upload("#import-upload", bad);
            // the browser tests' kiosk has the demo community: the first real import asks before it removes it
            browser.click("#import-demo-confirm");
            browser.find("#import-rejected");
            assertTrue(browser.text("#import-rejected").contains("3"), "the bad line is named");

            browser.open("residents").find("#residents-search");
            browser.type("#residents-search", "30000001");
            browser.find("#residents-empty");
            assertFalse(browser.bodyText().contains("周小红"), "a file with a bad row imports nothing");
            assertTrue(browser.find("#demo-banner").isDisplayed(), "and keeps the demo community (one transaction)");

            browser.open("residents/import").find("#import-upload");
            browser.upload("#import-upload", good);
            browser.click("#import-demo-confirm");
            browser.find("#import-result");
            browser.waitForText("#import-result", "2");
            // the demo community went with the first real import (this is the last browser test that needs it)
            browser.open("").find("#home-greeting");
            assertFalse(browser.driver.findElement(org.openqa.selenium.By.cssSelector("#demo-banner")).isDisplayed(),
                    "no demo residents: no banner");

            browser.open("residents").find("#residents-search");
            browser.type("#residents-search", "3000000");
            browser.waitForText("#residents-list", "周小红");
            assertTrue(browser.text("#residents-list").contains("<b>吴大伟</b>"), "markup kept as text");
        }
        try (KioskBrowser resident = new KioskBrowser()) {
            resident.open("").find("#home-greeting");
            resident.tapCard(token);
            resident.waitForText("#session-name", "<b>吴大伟</b>");
        }
    }

    @Test
    void theResidentFormRefusesBadInputWithAClearMessage() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.signInStaff("staff", "staff2026");
            browser.open("residents/edit").find("#resident-form");
            browser.type("#resident-form-name", "测试居民");
            browser.type("#resident-form-card", "12ab");
            browser.type("#resident-form-phone", "123");
            browser.click("#resident-save");
            browser.find("#resident-form-error");
            assertFalse(browser.text("#resident-form-error").isBlank());
            assertTrue(browser.present("#resident-form"), "still on the form, nothing saved");
        }
    }
}
