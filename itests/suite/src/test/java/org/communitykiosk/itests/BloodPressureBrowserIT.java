package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The blood-pressure station with the simulator driver of kiosk-config (readings 132/84 then 126/80): the guided
 * ESH flow to a classified result, and a crisis reading typed on the keypad reaching the staff alert list.
 */
@ExtendWith(KioskServer.class)
class BloodPressureBrowserIT {

    @Test
    void guidedMeasurementAgainstTheSimulatorEndsInAClassifiedReading() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            browser.tapCard(DemoCards.token(4));
            browser.find("#session-name");
            browser.click("#tile-bloodpressure");
            browser.click("#bp-start");
            browser.find("#bp-rest");
            browser.click("#bp-rest-skip");
            // reading 1 from the simulator, then the one-minute pause (skipped by the volunteer), then reading 2
            browser.waitUntil(d -> browser.present("#bp-pause-skip"), Duration.ofSeconds(30));
            browser.click("#bp-pause-skip");
            browser.waitUntil(d -> browser.present("#bp-result"), Duration.ofSeconds(30));
            String category = browser.text("#bp-result-category");
            assertFalse(category.isBlank(), "the category is said in words");
            assertTrue(browser.text("#bp-result-values").contains("129"), "mean of the two readings");

            browser.open("bloodpressure/history").find("#bp-history");
            assertTrue(browser.present("#bp-chart") || browser.present("#bp-history-list"));
        }
    }

    @Test
    void aCrisisReadingShowsSeeADoctorNowAndReachesTheStaffAlertList() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            browser.tapCard(DemoCards.token(5));
            browser.find("#session-name");
            browser.open("bloodpressure").find("#bp-manual-open");
            browser.click("#bp-manual-open");
            browser.click("#bp-manual-systolic");
            for (String key : new String[] { "1", "8", "5", "1", "1", "2", "8", "0" }) {
                browser.click("#bp-key-" + key);
            }
            browser.click("#bp-manual-save");
            browser.find("#bp-crisis");
            browser.click("#logout");
            browser.find("#tap-card-hint");

            browser.signInStaff("staff", "staff2026");
            browser.open("bloodpressure/alerts").find("#bp-alerts");
            assertFalse(browser.present("#bp-alerts-empty"), "the crisis reading is on the alert list");
        }
    }

    @Test
    void manualValuesOutOfRangeAreRefusedAndNothingIsStored() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            browser.tapCard(DemoCards.token(3));
            browser.find("#session-name");
            browser.open("bloodpressure").find("#bp-manual-open");
            browser.click("#bp-manual-open");
            browser.click("#bp-manual-systolic");
            for (String key : new String[] { "9", "0", "1", "2", "0" }) {
                browser.click("#bp-key-" + key);
            }
            browser.click("#bp-manual-save");
            browser.waitUntil(d -> !browser.text("#bp-manual-error").isBlank(), Duration.ofSeconds(10));
            browser.open("bloodpressure/history").find("#bp-history");
            assertFalse(browser.present("[id^=bp-reading-]"), "a refused reading is not stored");
        }
    }
}
