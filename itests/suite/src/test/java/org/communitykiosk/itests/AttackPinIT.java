package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * Threat: someone at the kiosk uses phone numbers and PINs that are not theirs. They find out who lives here by
 * typing phone numbers and reading (or timing) the answers; they guess a resident's PIN, one lockout after another;
 * they lock residents out of PIN sign-in one after the other until nobody can use it; staff set a PIN anyone would
 * guess; or, holding a resident's card (found, borrowed, copied), they spend or give away that resident's points,
 * confirm their own volunteer hours in the name of the person served, or read that resident's blood-pressure history,
 * all without the PIN. Tried on a kiosk of its own with the demo community (张桂兰 13800000001 and 李建国 13800000002
 * have PIN 1234), whose per-place budget of PIN failures is set to 20 with a 20 s pause so that it can be reached in a
 * test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackPinIT {

    static final KioskProcess.Ports PORTS = new KioskProcess.Ports(18881, 18801, 11889, 45235);
    static final int PLACE_BUDGET = 20;
    static final int PLACE_PAUSE_SECONDS = 20;

    static final String ZHANG_CARD = "10000001";
    static final String ZHANG_PHONE = "13800000001";
    static final String LI_CARD = "10000002";
    static final String LI_PHONE = "13800000002";
    static final String DEMO_PIN = "1234";

    private static KioskProcess kiosk;

    /** What the sign-in screen answered, and how long the server took to answer. */
    record Answer(String message, double millis, boolean signedIn, boolean stillAskingPin) {
    }

    @BeforeAll
    static void startAKioskWithTheDemoCommunity() throws IOException {
        kiosk = KioskProcess.unpack(Paths.get(System.getProperty("kiosk.runDirectory", "target/kiosk-browser"))
                .resolveSibling("kiosk-attack-pin"), PORTS);
        kiosk.set("org.communitykiosk.identification.cfg", "pinPlaceBudget", String.valueOf(PLACE_BUDGET));
        kiosk.set("org.communitykiosk.identification.cfg", "pinPlacePauseSeconds",
                String.valueOf(PLACE_PAUSE_SECONDS));
        Runtime.getRuntime().addShutdownHook(new Thread(kiosk::kill));
        kiosk.start();
    }

    @AfterAll
    static void stop() {
        if (kiosk != null) {
            kiosk.kill();
        }
    }

    @Test
    @Order(1)
    void anUnknownPhoneAndAWrongPinGetTheSameAnswerInComparableTime() {
        List<Answer> unknown = new ArrayList<>();
        List<Answer> wrong = new ArrayList<>();
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            for (int round = 0; round < 3; round++) {
                unknown.add(pinSignIn(browser, "1390000000" + round, "2580"));
                wrong.add(pinSignIn(browser, ZHANG_PHONE, "258" + round));
            }
        }
        List<Answer> all = new ArrayList<>(unknown);
        all.addAll(wrong);
        for (Answer answer : all) {
            assertFalse(answer.signedIn());
            assertEquals(wrong.get(0).message(), answer.message(), "the answers tell who lives here: " + all);
            assertTrue(answer.stillAskingPin(), "the screen tells who lives here by where it goes: " + all);
        }
        double unknownMillis = median(unknown);
        double wrongMillis = median(wrong);
        System.out.printf("answer to an unknown phone: median %.0f ms, to a wrong PIN: median %.0f ms (%s)%n",
                unknownMillis, wrongMillis, all.stream().map(a -> String.format("%.0f", a.millis())).toList());
        assertTrue(unknownMillis > wrongMillis * 0.6 && unknownMillis < wrongMillis / 0.6,
                "the time of the answer tells who lives here: unknown phone " + unknownMillis + " ms, wrong PIN "
                        + wrongMillis + " ms (" + all + ")");
    }

    @Test
    @Order(2)
    void aPinAnyoneWouldGuessIsRefusedWhenStaffSetIt() {
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            browser.signInStaff("staff", "staff2026");
            String id = residentId(browser, "10000003");
            // 1953: her year of birth
            for (String trivial : List.of("1111", "1234", "123456", "987654", "121212", "1953")) {
                browser.open("residents/edit/" + id).find("#resident-form-pin");
                browser.type("#resident-form-pin", trivial);
                browser.click("#resident-save");
                browser.waitUntil(d -> browser.present("#residents-list")
                        || !browser.all("#resident-form-error").isEmpty()
                        && browser.all("#resident-form-error").get(0).isDisplayed(), Duration.ofSeconds(20));
                assertFalse(browser.present("#residents-list"), "PIN " + trivial + " was accepted");
                assertTrue(browser.text("#resident-form-error").length() > 10, "a clear message");
            }
            browser.open("residents/edit/" + id).find("#resident-form-pin");
            browser.type("#resident-form-pin", "3947");
            browser.click("#resident-save");
            browser.find("#residents-list");
        }
    }

    @Test
    @Order(3)
    void aCardAloneNeitherSpendsPointsNorConfirmsHoursNorOpensHealthData() {
        String item = "肥皂 " + System.nanoTime() % 10000;
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            browser.signInStaff("staff", "staff2026");
            browser.stockItem(item, "3");
            KioskServer.sleep(1000);
            browser.click("#logout");
            browser.find("#tap-card-hint");

            // with 张桂兰's card: her hours, "confirmed" with the card of 李建国, who has a PIN
            browser.tapCard(DemoCards.token(1));
            browser.find("#session-name");
            browser.open("points/log").find("#points-log");
            browser.choose("#points-log-category", 1);
            browser.type("#points-log-minutes", "120");
            browser.click("#points-log-by-card");
            browser.find("#points-log-tap");
            browser.tapCard(DemoCards.token(2));
            browser.waitUntil(d -> browser.present("#pin-dialog") || browser.present("#points-log-confirmed"),
                    Duration.ofSeconds(20));
            assertFalse(browser.present("#points-log-confirmed"),
                    "hours were confirmed in the name of the person served, who has a PIN, with their card alone");
            browser.enterPin(DEMO_PIN);
            browser.find("#points-log-confirmed");

            // 张桂兰's points spent with her card alone
            browser.open("lovemarket").find("#lovemarket-shop");
            browser.driver.findElements(By.cssSelector("[id^=lm-item-]")).stream()
                    .filter(e -> e.getText().contains(item)).findFirst().orElseThrow()
                    .findElement(By.cssSelector("[id^=lm-add-]")).click();
            browser.click("#lm-basket-link");
            browser.find("#lovemarket-basket");
            browser.click("#lm-confirm");
            browser.waitUntil(d -> browser.present("#pin-dialog") || browser.present("#lm-receipt-code"),
                    Duration.ofSeconds(20));
            assertFalse(browser.present("#lm-receipt-code"), "points were spent with the card alone");
            browser.enterPin("9090");
            browser.waitUntil(d -> !browser.all("#pin-dialog-error").isEmpty()
                    && !browser.all("#pin-dialog-error").get(0).getText().isBlank(), Duration.ofSeconds(20));
            assertFalse(browser.present("#lm-receipt-code"), "a wrong PIN spends nothing");
            browser.enterPin(DEMO_PIN);
            browser.find("#lm-receipt-code");

            // and her blood-pressure history
            browser.open("bloodpressure/history");
            browser.waitUntil(d -> browser.present("#pin-dialog") || browser.present("#bp-history-empty")
                    || browser.present("#bp-history-list"), Duration.ofSeconds(20));
            assertFalse(browser.present("#bp-history-empty") || browser.present("#bp-history-list"),
                    "the blood-pressure history opened with the card alone");
            browser.click("#pin-dialog-cancel");
            browser.gone("#pin-dialog");
            assertFalse(browser.present("#bp-history-empty") || browser.present("#bp-history-list"),
                    "cancelling the PIN shows nothing");
        }
    }

    @Test
    @Order(4)
    void guessingAPinLocksItUntilStaffUnlockAndEveryRefusalReadsTheSame() {
        List<Answer> answers = new ArrayList<>();
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            for (String guess : List.of("0000", "1111", "2222", "1212", "4321", "5555")) {
                answers.add(pinSignIn(browser, LI_PHONE, guess));
            }
            Answer right = pinSignIn(browser, LI_PHONE, DEMO_PIN);
            assertFalse(right.signedIn(), "the right PIN got in after six wrong guesses");
            answers.add(right);
            for (Answer answer : answers) {
                assertEquals(answers.get(0).message(), answer.message(),
                        "the answers tell the guesser how far they got: " + answers);
            }

            // 李建国 asks at the desk; staff unlock his PIN on the resident screen
            browser.signInStaff("staff", "staff2026");
            String id = residentId(browser, LI_CARD);
            browser.open("residents/edit/" + id).find("#resident-form");
            browser.waitUntil(d -> browser.present("#resident-pin-unlock") || browser.present("#resident-save"),
                    Duration.ofSeconds(20));
            assertTrue(browser.present("#resident-pin-unlock"), "staff can see and lift the lock");
            browser.click("#resident-pin-unlock");
            browser.gone("#resident-pin-unlock");
            browser.click("#logout");
            browser.find("#tap-card-hint");
            assertTrue(pinSignIn(browser, LI_PHONE, DEMO_PIN).signedIn(), "after the unlock his PIN works again");
        }
    }

    @Test
    @Order(5)
    void oneGuesserCannotLockTheWholeRegisterFromOnePlace() {
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            String refusal = null;
            String paused = null;
            for (int attempt = 0; attempt < PLACE_BUDGET + 10 && paused == null; attempt++) {
                // every resident in turn (here numbers nobody has: they count the same)
                Answer answer = pinSignIn(browser, "139000001" + String.format("%02d", attempt), "2468");
                assertFalse(answer.signedIn());
                if (refusal == null) {
                    refusal = answer.message();
                } else if (!refusal.equals(answer.message())) {
                    paused = answer.message();
                }
            }
            assertNotEquals(null, paused, "PIN guesses at one place went on without a pause");
            Answer zhang = pinSignIn(browser, ZHANG_PHONE, DEMO_PIN);
            assertFalse(zhang.signedIn(), "during the pause no PIN is checked here");
            assertNotEquals(refusal, zhang.message(), "still paused (the message counts the time down)");

            KioskServer.sleep((PLACE_PAUSE_SECONDS + 2) * 1000L);
            assertTrue(pinSignIn(browser, ZHANG_PHONE, DEMO_PIN).signedIn(),
                    "after the pause PIN sign-in works again, for residents the guesser never reached");
        }
    }

    /** Phone and PIN on the sign-in screen's keypad; times the server's answer in the browser. */
    private static Answer pinSignIn(KioskBrowser browser, String phone, String pin) {
        browser.open("signin").find("#signin-key-1");
        for (char digit : phone.toCharArray()) {
            browser.click("#signin-key-" + digit);
        }
        browser.click("#signin-next");
        browser.find("#signin-pin");
        for (char digit : pin.toCharArray()) {
            browser.click("#signin-key-" + digit);
        }
        @SuppressWarnings("unchecked")
        List<Object> result = (List<Object>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const start = performance.now();
                const check = () => {
                  const error = document.querySelector('#signin-error');
                  const text = error ? error.textContent.trim() : '';
                  if (document.querySelector('#session-name') || text) {
                    done([text, performance.now() - start]);
                  } else if (performance.now() - start > 25000) {
                    done(['', -1]);
                  } else {
                    setTimeout(check, 5);
                  }
                };
                document.querySelector('#signin-submit').click();
                setTimeout(check, 5);
                """);
        boolean signedIn = browser.present("#session-name");
        return new Answer((String) result.get(0), ((Number) result.get(1)).doubleValue(), signedIn,
                !signedIn && browser.present("#signin-pin"));
    }

    /** The register id of the resident with this card: the staff list shows that one row, its edit opens the form. */
    private static String residentId(KioskBrowser browser, String card) {
        browser.open("residents").find("#residents-list");
        browser.type("#residents-search", card);
        browser.waitUntil(d -> browser.all("[id^=resident-edit-]").stream().filter(e -> e.isDisplayed()).count() == 1
                && browser.text("#residents-list").contains(card), Duration.ofSeconds(20));
        browser.all("[id^=resident-edit-]").stream().filter(e -> e.isDisplayed()).findFirst().orElseThrow().click();
        browser.find("#resident-form");
        String url = browser.driver.getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static double median(List<Answer> answers) {
        double[] millis = answers.stream().mapToDouble(Answer::millis).sorted().toArray();
        return millis[millis.length / 2];
    }
}
