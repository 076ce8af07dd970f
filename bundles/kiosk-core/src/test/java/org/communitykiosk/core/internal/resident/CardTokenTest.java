package org.communitykiosk.core.internal.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.communitykiosk.api.resident.CardToken;
import org.junit.jupiter.api.Test;

/** The card token's format (the API record), and the tokens the kiosk draws. */
class CardTokenTest {

    private static final String DEMO = "100000010000000000007";

    @Test
    void twentyOneDigitsEndingInTheLuhnCheckDigit() {
        // the Luhn check digit of the ISO/IEC 7812 example 7992739871 is 3
        assertEquals('3', CardToken.checkDigit("7992739871"));
        CardToken token = CardToken.parse(DEMO).orElseThrow();
        assertEquals(DEMO, token.digits());
        assertEquals(CardToken.withCheckDigit("10000001000000000000"), token);
        assertTrue(CardToken.RANDOM_DIGITS * Math.log(10) / Math.log(2) >= 66, "at least 66 random bits");
    }

    @Test
    void aReaderOrScannerTypesTheDigitsOrTheQrPayload() {
        CardToken token = CardToken.parse(DEMO).orElseThrow();
        assertEquals(token, CardToken.parse(" " + DEMO + "\r\n").orElseThrow());
        assertEquals(token, CardToken.parse("KIOSK-CARD:" + DEMO).orElseThrow());
        assertEquals(token, CardToken.parse("kiosk-card:" + DEMO).orElseThrow());
        assertEquals(token, CardToken.parse(token.grouped()).orElseThrow(), "as staff copy it from the screen");
        assertEquals("KIOSK-CARD:" + DEMO, token.qrPayload());
        assertEquals("1000 0001 0000 0000 00007", token.grouped());
    }

    @Test
    void everySingleDigitMisreadIsCaught() {
        for (int position = 0; position < CardToken.LENGTH; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit != DEMO.charAt(position)) {
                    String misread = DEMO.substring(0, position) + digit + DEMO.substring(position + 1);
                    assertTrue(CardToken.parse(misread).isEmpty(), misread);
                }
            }
        }
    }

    @Test
    void registerNumbersAndMalformedInputAreNoTokens() {
        for (String typed : new String[] { null, "", "10000001", "KIOSK-CARD:10000001", "12345678901234567890",
                DEMO + "0", DEMO.substring(1), "KIOSK-CARD:", "KIOSK-CARD:KIOSK-CARD:" + DEMO, "OTHER:" + DEMO,
                DEMO.replace('1', 'l'), "１００００００１００００００００００００７", DEMO + "\u0000",
                "9".repeat(100_000) }) {
            assertTrue(CardToken.parse(typed).isEmpty(), String.valueOf(typed));
        }
        assertThrows(IllegalArgumentException.class, () -> new CardToken("100000010000000000008"));
        assertThrows(IllegalArgumentException.class, () -> CardToken.withCheckDigit("1234"));
    }

    @Test
    void theTokenStaysOutOfLogs() {
        CardToken token = CardToken.parse(DEMO).orElseThrow();
        assertFalse(token.toString().contains("0000"), token.toString());
        assertFalse(String.valueOf(new org.communitykiosk.api.resident.ResidentCards.IssuedCard(
                new org.communitykiosk.api.resident.ResidentCards.Card(1, 2, java.time.Instant.EPOCH,
                        org.communitykiosk.api.Actor.staff("wang")), token)).contains(DEMO));
    }

    @Test
    void drawnTokensAreWellFormedAndDistinct() {
        try (org.communitykiosk.core.testing.TestDatabase db = new org.communitykiosk.core.testing.TestDatabase()) {
            JdbcResidentCards cards = new JdbcResidentCards(db.transactions(), db.auditLog(), db.clock(),
                    new SecureRandom());
            long resident = db.residents().create(new org.communitykiosk.api.resident.ResidentDraft("张三", "20000001",
                    null, null, null, null, null, null), org.communitykiosk.api.Actor.staff("wang")).id();
            Set<String> seen = new HashSet<>();
            int[] firstDigits = new int[10];
            for (int i = 0; i < 200; i++) {
                String digits = cards.issue(resident, org.communitykiosk.api.Actor.staff("wang")).token().digits();
                assertTrue(CardToken.parse(digits).isPresent());
                assertTrue(seen.add(digits), "a token drawn twice");
                firstDigits[digits.charAt(0) - '0']++;
            }
            for (int count : firstDigits) {
                assertNotEquals(0, count, "every digit comes first now and then: the draw is not skewed to a range");
            }
        }
    }
}
