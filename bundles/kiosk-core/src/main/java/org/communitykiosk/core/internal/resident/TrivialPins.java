package org.communitykiosk.core.internal.resident;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PINs that a guesser tries first, refused wherever a PIN is set (the staff form, a CSV import): one digit repeated
 * (1111), a run up or down (1234, 9876, also across 9 and 0: 7890), a short group repeated (1212, 123123), a few
 * well-known ones (keypad lines such as 2580, 1314 "一生一世", 5201 "我爱你"), and what someone who knows the
 * resident would try: parts of their birth date, the end of their phone or card number. A lockout gives a guesser 20
 * tries at most; these rules make those tries worth little.
 */
final class TrivialPins {

    /** Frequent PINs that the patterns below do not already catch. */
    private static final Set<String> WELL_KNOWN = Set.of(
            "1004", "2000", "2001", "1122", "1313", "6969", "2580", "0852", "1314", "5201", "1010", "1379",
            "7777", "520520", "131420", "147258", "258369", "159753", "168168", "112233", "111222", "521521",
            "5211314", "123321", "654456");

    private TrivialPins() {
    }

    /** Whether the PIN (digits only) is one a guesser tries early, for this resident. */
    static boolean trivial(String pin, String phone, String cardNumber, LocalDate birthDate) {
        return repeatsAGroup(pin) || run(pin, 1) || run(pin, -1) || WELL_KNOWN.contains(pin)
                || personal(pin, phone, cardNumber, birthDate);
    }

    /** 1111, 1212, 123123: the PIN is a group of one to three digits repeated. */
    private static boolean repeatsAGroup(String pin) {
        for (int group = 1; group <= pin.length() / 2; group++) {
            if (pin.length() % group == 0 && pin.equals(pin.substring(0, group).repeat(pin.length() / group))) {
                return true;
            }
        }
        return false;
    }

    /** Each digit one more ({@code step} 1) or one less (-1) than the one before, counting on from 9 to 0. */
    private static boolean run(String pin, int step) {
        for (int i = 1; i < pin.length(); i++) {
            if (Math.floorMod(pin.charAt(i) - pin.charAt(i - 1), 10) != Math.floorMod(step, 10)) {
                return false;
            }
        }
        return true;
    }

    private static boolean personal(String pin, String phone, String cardNumber, LocalDate birthDate) {
        List<String> guesses = new ArrayList<>();
        if (birthDate != null) {
            for (String pattern : List.of("yyyy", "MMdd", "ddMM", "yyMMdd", "MMddyy", "ddMMyy", "yyyyMM",
                    "MMyyyy")) {
                guesses.add(birthDate.format(DateTimeFormatter.ofPattern(pattern)));
            }
        }
        for (String number : new String[] { phone, cardNumber }) {
            if (number != null && number.length() >= pin.length()) {
                guesses.add(number.substring(number.length() - pin.length()));
                guesses.add(number.substring(0, pin.length()));
            }
        }
        return guesses.contains(pin);
    }
}
