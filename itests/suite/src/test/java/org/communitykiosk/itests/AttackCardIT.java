package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Threat: <b>a card number alone signs anyone in</b>. A resident's register number is printed on the card, short and
 * sequential (the demo community's run 10000001, 10000002 ...), and was all a card or QR code carried. Whoever knew
 * or guessed one, or had once seen a resident's QR code, could sign in as that resident, from the kiosk's card reader
 * or straight from a browser's developer console, and spend their points, read their blood pressure, vote for them or
 * confirm their own volunteer hours "as the person served"; nothing slowed guessing down and nothing was recorded.
 * <p>
 * Tried here against the real distribution, as an attacker would: a register number typed as fast as a card reader
 * types it, and sent straight to the card reader's server method from the page; a card's old QR code after staff
 * issued a new card; a made-up QR payload; a burst of guessed cards; and afterwards the audit log and the kiosk's
 * files, which must record the sign-ins and unknown cards but hold no card token.
 * <p>
 * The tests run in this order: the burst pauses card reading at the kiosk's screen for a while, and the last test reads
 * what all the others left behind.
 */
@ExtendWith(KioskServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackCardIT {

    /** What the console of a browser showing the kiosk can call: the card reader's own server method. */
    static final String CONSOLE_CARD_READ = "document.querySelector('#kiosk-layout').$server.cardRead(arguments[0])";

    static final String VICTIM_NAME = "攻击测试居民";
    static final String VICTIM_CARD = "50000001";

    /** Every card token the tests used, looked for in the audit log, karaf.log and the kiosk's data folder. */
    private static final List<String> TOKENS_USED = new ArrayList<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    @Order(1)
    void aReissuedCardsOldQrCodeIsRefused() {
        try (KioskBrowser staff = new KioskBrowser(); KioskBrowser kiosk = new KioskBrowser()) {
            staff.signInStaff("staff", "staff2026");
            staff.open("residents/edit").find("#resident-form");
            staff.type("#resident-form-name", VICTIM_NAME);
            staff.type("#resident-form-card", VICTIM_CARD);
            staff.click("#resident-save");
            staff.find("#residents-search");
            staff.type("#residents-search", VICTIM_CARD);
            // the list's edit button names the resident in its label (its grid cell holds nothing else)
            String id = staff.find("[id^=resident-edit-][aria-label*='" + VICTIM_NAME + "']").getAttribute("id")
                    .substring("resident-edit-".length());

            String first = issueCard(staff, id);
            kiosk.open("").find("#tap-card-hint");
            kiosk.tapCard("KIOSK-CARD:" + first);
            kiosk.waitForText("#session-name", VICTIM_NAME);
            kiosk.click("#logout");
            kiosk.find("#tap-card-hint");

            String second = issueCard(staff, id);
            assertNotEquals(first, second, "a new card has a new token");

            // someone who photographed the old card's QR code
            kiosk.tapCard("KIOSK-CARD:" + first);
            assertRefused(kiosk, "the old card's QR code after a new card was issued");
            kiosk.tapCard(first);
            assertRefused(kiosk, "the old card after a new card was issued");

            kiosk.tapCard("KIOSK-CARD:" + second);
            kiosk.waitForText("#session-name", VICTIM_NAME);
        }
    }

    @Test
    @Order(2)
    void aRegisterNumberTypedAsACardReaderTypesItDoesNotSignIn() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#tap-card-hint");
            browser.tapCard("10000003");
            assertRefused(browser, "李秀英's register number typed as a card reader types it");
        }
    }

    @Test
    @Order(3)
    void aRegisterNumberSentFromTheConsoleDoesNotSignIn() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#tap-card-hint");
            browser.script(CONSOLE_CARD_READ, "10000003");
            assertRefused(browser, "李秀英's register number sent to $server.cardRead from the console");
        }
    }

    @Test
    @Order(4)
    void aForgedQrPayloadIsRefused() {
        String madeUp = randomToken();
        TOKENS_USED.add(madeUp);
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#tap-card-hint");
            browser.tapCard("KIOSK-CARD:10000004");
            assertRefused(browser, "a QR payload carrying 王志强's register number");
        }
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#tap-card-hint");
            browser.script(CONSOLE_CARD_READ, "KIOSK-CARD:" + madeUp);
            assertRefused(browser, "a QR payload with a made-up token");
        }
    }

    @Test
    @Order(5)
    void aBurstOfUnknownCardsIsThrottled() {
        try (KioskBrowser staff = new KioskBrowser(); KioskBrowser attacker = new KioskBrowser()) {
            staff.signInStaff("admin", "admin2026");
            int unknownBefore = count(auditCsv(staff, "identity.card.unknown"), "identity.card.unknown");

            attacker.open("").find("#tap-card-hint");
            // a bounded burst: 40 guesses at 50 a second, as a script in the console would send them
            List<String> guesses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                guesses.add("KIOSK-CARD:" + randomToken());
            }
            attacker.script("const layout = document.querySelector('#kiosk-layout');"
                    + "const read = guess => layout.$server.cardRead(guess);"
                    + "const guesses = arguments[0];"
                    + "return new Promise(done => { let i = 0; const t = setInterval(() => {"
                    + "  if (i >= guesses.length) { clearInterval(t); done(); return; }"
                    + "  read(guesses[i++]); }, 20); });", guesses);
            attacker.find("#card-paused");
            assertFalse(attacker.present("#session-name"));

            // while the pause lasts, even a real card is not looked up at this place
            attacker.tapCard(DemoCards.token(1));
            attacker.find("#card-paused");
            KioskServer.sleep(1500);
            assertFalse(attacker.present("#session-name"), "card reading is paused at this place");

            String csv = auditCsv(staff, "identity.card");
            int looked = count(csv, "identity.card.unknown") - unknownBefore;
            assertTrue(looked <= 5, "at most 5 unknown cards looked up before the pause, was " + looked);
            assertTrue(count(csv, "identity.card.throttled") >= 1, "the pause is recorded:\n" + csv);

            // the pause ends by itself: the next resident signs in (the pause after a first burst is 30 s)
            attacker.waitUntil(d -> {
                attacker.tapCard(DemoCards.token(1));
                KioskServer.sleep(2000);
                return attacker.present("#session-name");
            }, Duration.ofSeconds(150));
            assertEquals(DemoCards.NAMES.get(0), attacker.text("#session-name"));
        }
    }

    @Test
    @Order(6)
    void theAuditRecordsSignInsAndUnknownCardsButNoTokenIsStoredOrLogged() throws IOException {
        String csv;
        try (KioskBrowser staff = new KioskBrowser()) {
            staff.signInStaff("admin", "admin2026");
            csv = auditCsv(staff, "identity.card");
        }
        assertTrue(csv.contains("identity.card.signin"), "card sign-ins are recorded:\n" + csv);
        assertTrue(csv.contains("identity.card.unknown"), "unknown cards are recorded:\n" + csv);

        List<String> secrets = new ArrayList<>(TOKENS_USED);
        secrets.add(DemoCards.token(1));
        String karafLog = Files.readString(KioskServer.Running.home().resolve("data/log/karaf.log"),
                StandardCharsets.UTF_8);
        for (String token : secrets) {
            assertFalse(csv.contains(token), "a card token in the audit log");
            assertFalse(csv.contains(sha256(token)), "a card token's hash in the audit log");
            assertFalse(karafLog.contains(token), "a card token in karaf.log");
        }
        // the random tokens issued or guessed here are nowhere in the kiosk's data, the database's files and its
        // transaction log included (data/cache and data/cds hold code: the bundles and their class archive)
        Path data = KioskServer.Running.home().resolve("data");
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(data.resolve("cache")) && !f.startsWith(data.resolve("cds"))).toList()) {
                // Derby keeps VARCHAR as (modified) UTF-8: digits are the same bytes as ASCII
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String token : TOKENS_USED) {
                    assertFalse(bytes.contains(token), "card token found in " + file);
                }
            }
        }
    }

    /** Staff issue a new card on the resident's screen; returns the token it showed once (digits only). */
    private static String issueCard(KioskBrowser staff, String residentId) {
        staff.open("residents/edit/" + residentId).find("#resident-card-issue");
        staff.click("#resident-card-issue");
        staff.click("#resident-card-confirm-yes");
        String shown = staff.text("#resident-card-token");
        // drawn, not just present: an SVG element with a size on the screen
        assertEquals(Boolean.TRUE, staff.script("const svg = document.querySelector('#resident-card-qr svg');"
                + "return svg instanceof SVGSVGElement && svg.getBoundingClientRect().width > 100;"),
                "the new card is also shown as a QR code");
        staff.click("#resident-card-done");
        staff.gone("#resident-card-token");
        String token = shown.replaceAll("[^0-9]", "");
        assertTrue(token.length() >= 20, "at least 64 bits of digits: " + shown.length() + " characters shown");
        TOKENS_USED.add(token);
        return token;
    }

    /** Nobody is signed in after the read, and the screen said so. */
    private static void assertRefused(KioskBrowser browser, String what) {
        browser.waitUntil(d -> browser.present("#session-name") || browser.present("#card-unknown")
                || browser.present("#card-paused"), Duration.ofSeconds(10));
        KioskServer.sleep(500);
        assertFalse(browser.present("#session-name"), what + " signed someone in");
    }

    /** The audit entries whose action starts with the prefix, as staff export them (CSV). */
    static String auditCsv(KioskBrowser staff, String actionPrefix) {
        staff.open("audit").find("#audit-action");
        String before = staff.find("#audit-export").getAttribute("href");
        staff.type("#audit-action", actionPrefix);
        staff.click("#audit-apply");
        staff.waitUntil(d -> !before.equals(staff.find("#audit-export").getAttribute("href")), Duration.ofSeconds(10));
        return (String) staff.script("return fetch(document.querySelector('#audit-export').href)"
                + ".then(r => r.text())");
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            n++;
        }
        return n;
    }

    /** A well-formed card token nobody holds: 20 random digits and the Luhn check digit. */
    static String randomToken() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            body.append(RANDOM.nextInt(10));
        }
        return body.append(DemoCards.luhn(body)).toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
