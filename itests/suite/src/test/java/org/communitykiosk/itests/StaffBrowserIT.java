package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Staff sign-in through the Karaf realm, posting a notice, and staff screens refused to everyone else. */
@ExtendWith(KioskServer.class)
class StaffBrowserIT {

    @Test
    void staffSignInAndPostANoticeThatResidentsThenRead() {
        String title = "停水通知 " + System.nanoTime();
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("staff").find("#staff-user");
            browser.type("#staff-user", "staff");
            browser.type("#staff-password", "wrong-password");
            browser.click("#staff-submit");
            browser.find("#staff-error");
            assertFalse(browser.present("#session-name"));

            browser.type("#staff-user", "staff");
            browser.type("#staff-password", "staff2026");
            browser.click("#staff-submit");
            browser.find("#session-name");
            browser.find("#tile-residents");

            browser.open("bulletin/manage").find("#bulletin-manage");
            browser.click("#notice-new");
            browser.type("#notice-form-title", "<script>alert(1)</script>" + title);
            browser.type("#notice-form-body", "明天上午9点到12点停水。\n请提前储水。");
            browser.click("#notice-save");
            browser.find("#bulletin-manage");
            browser.waitForText("#bulletin-manage", title);
            browser.click("#logout");
            browser.find("#tap-card-hint");
        }
        try (KioskBrowser resident = new KioskBrowser()) {
            resident.open("bulletin").find("#bulletin-board");
            resident.waitForText("#bulletin-board", title);
            resident.driver.findElements(org.openqa.selenium.By.cssSelector("#bulletin-board [id^=notice-]")).stream()
                    .filter(e -> e.getText().contains(title)).findFirst().orElseThrow().click();
            resident.waitForText("#notice-title", title);
            assertTrue(resident.text("#notice-title").startsWith("<script>"),
                    "markup is shown as text, never run");
            assertTrue(resident.text("#notice-body").contains("请提前储水"));
        }
    }

    @Test
    void residentsAndPassersByAreRefusedOnStaffUrls() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("bulletin/manage").find("#access-refused");
            assertFalse(browser.present("#bulletin-manage"));
            browser.open("residents").find("#access-refused");

            browser.open("").find("#home-greeting");
            browser.tapCard(ShellBrowserIT.DEMO_CARD);
            browser.find("#session-name");
            assertFalse(browser.present("#tile-residents"), "no staff tiles for a resident");
            browser.open("residents").find("#access-refused");
            assertFalse(browser.present("#residents-list"));
            browser.open("bulletin/manage").find("#access-refused");
            assertEquals(0, browser.all("#bulletin-manage").size());
        }
    }
}
