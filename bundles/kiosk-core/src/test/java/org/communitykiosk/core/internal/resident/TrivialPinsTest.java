package org.communitykiosk.core.internal.resident;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrivialPinsTest {

    private static boolean trivial(String pin) {
        return TrivialPins.trivial(pin, null, null, null);
    }

    @Test
    void repeatedDigitsAndGroups() {
        for (String pin : List.of("0000", "1111", "99999", "777777", "1212", "121212", "123123", "1010", "909090",
                "112112")) {
            assertTrue(trivial(pin), pin);
        }
    }

    @Test
    void runsUpAndDownAlsoAcrossNineAndZero() {
        for (String pin : List.of("1234", "0123", "3456", "123456", "456789", "4321", "9876", "654321", "7890",
                "8901", "0987", "2109", "34567")) {
            assertTrue(trivial(pin), pin);
        }
    }

    @Test
    void wellKnownPins() {
        for (String pin : List.of("2580", "1314", "5201", "520520", "147258", "168168", "1004", "2000", "112233")) {
            assertTrue(trivial(pin), pin);
        }
    }

    @Test
    void whatSomeoneWhoKnowsTheResidentWouldTry() {
        LocalDate born = LocalDate.of(1946, 3, 12);
        for (String pin : List.of("1946", "0312", "1203", "460312", "031246", "120346", "194603")) {
            assertTrue(TrivialPins.trivial(pin, null, null, born), pin);
        }
        assertTrue(TrivialPins.trivial("0001", "13800000001", null, null), "the end of the phone number");
        assertTrue(TrivialPins.trivial("000001", "13800000001", null, null));
        assertTrue(TrivialPins.trivial("1380", "13800000001", null, null), "its start");
        assertTrue(TrivialPins.trivial("0003", null, "10000003", null), "the end of the card number");
        assertFalse(TrivialPins.trivial("3947", "13800000001", "10000001", born));
    }

    @Test
    void ordinaryPinsAreFine() {
        for (String pin : List.of("3947", "6283", "8051", "4790", "385912", "27184", "1235", "9024", "1221")) {
            assertFalse(trivial(pin), pin);
        }
    }
}
