package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Points for volunteer service: hours confirmed by the card of the person served, hours confirmed by staff from the
 * queue, and the statement afterwards.
 */
@ExtendWith(KioskServer.class)
class PointsBrowserIT {

    @Test
    void hoursConfirmedByTheCardOfThePersonServedEarnPointsOnTheStatement() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            browser.tapCard(DemoCards.token(4));
            browser.find("#session-name");
            browser.click("#tile-points");
            String before = browser.text("#points-balance");
            browser.click("#points-log-link");
            browser.find("#points-log");
            browser.choose("#points-log-category", 1);
            browser.type("#points-log-minutes", "120");
            browser.type("#points-log-place", "3号楼");
            browser.click("#points-log-by-card");
            browser.find("#points-log-tap");
            // the person served taps their own card on the same kiosk
            browser.tapCard(DemoCards.token(5));
            browser.find("#points-log-confirmed");

            browser.open("points").find("#points-balance");
            browser.waitUntil(d -> !browser.text("#points-balance").equals(before), Duration.ofSeconds(10));
            browser.click("#points-statement-link");
            browser.find("#points-statement");
            assertFalse(browser.all("[id^=points-line-]").isEmpty(), "the earning is on the statement");
        }
    }

    @Test
    void staffConfirmHoursFromTheQueueAndBadInputIsRefused() {
        try (KioskBrowser volunteer = new KioskBrowser()) {
            volunteer.open("").find("#home-greeting");
            volunteer.tapCard(DemoCards.token(3));
            volunteer.find("#session-name");
            volunteer.open("points/log").find("#points-log");
            volunteer.choose("#points-log-category", 2);
            volunteer.type("#points-log-minutes", "0");
            volunteer.click("#points-log-submit");
            // the problem is shown at the field it concerns, in words
            volunteer.waitUntil(d -> volunteer.find("#points-log-minutes").getAttribute("invalid") != null
                    && !volunteer.text("#points-log-minutes").isBlank(), Duration.ofSeconds(10));

            volunteer.type("#points-log-minutes", "90");
            volunteer.click("#points-log-submit");
            volunteer.find("#points-log-done");
            volunteer.click("#logout");
            volunteer.find("#tap-card-hint");

            volunteer.signInStaff("staff", "staff2026");
            volunteer.open("points/queue").find("#points-queue");
            volunteer.waitUntil(d -> !volunteer.all("[id^=points-entry-confirm-]").isEmpty(), Duration.ofSeconds(10));
            int pending = volunteer.all("[id^=points-entry-confirm-]").size();
            volunteer.all("[id^=points-entry-confirm-]").get(0).click();
            volunteer.waitUntil(d -> volunteer.all("[id^=points-entry-confirm-]").size() < pending,
                    Duration.ofSeconds(10));
            assertTrue(volunteer.all("[id^=points-entry-confirm-]").size() < pending);
        }
        try (KioskBrowser resident = new KioskBrowser()) {
            resident.open("").find("#home-greeting");
            resident.tapCard(DemoCards.token(3));
            resident.find("#session-name");
            resident.open("points").find("#points-balance");
            assertNotEquals("0", resident.text("#points-balance").replaceAll("\\D", ""),
                    "confirmed hours earned points");
        }
    }
}
