package org.communitykiosk.core.internal.resident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.communitykiosk.api.Problem;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.core.internal.MessageKeys;

/**
 * What a resident record must satisfy, without the database (uniqueness is checked by the directory in the write
 * transaction). Every problem is collected, so staff fix a form or a file in one go.
 */
final class ResidentRules {

    static final int NAME_MAX = 50;
    static final int BUILDING_MAX = 20;
    static final int UNIT_MAX = 20;
    static final int HOUSEHOLD_MAX = 30;
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    static final Pattern CARD = Pattern.compile("\\d{6,20}");
    /** Mainland China mobile numbers. */
    static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");
    static final Pattern PIN = Pattern.compile("\\d{4,6}");

    private ResidentRules() {
    }

    /** The trimmed values, and every problem with them. */
    record Checked(ResidentValues values, List<Problem> problems) {
    }

    static Checked check(ResidentDraft draft, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        ResidentValues values = new ResidentValues(trim(draft.name()), trim(draft.cardNumber()),
                trim(draft.phone()), trim(draft.building()), trim(draft.unit()), trim(draft.household()),
                draft.birthDate(), trim(draft.pin()));

        if (values.name() == null) {
            problems.add(Problem.of("name", MessageKeys.NAME_REQUIRED));
        } else if (values.name().length() > NAME_MAX) {
            problems.add(Problem.of("name", MessageKeys.NAME_TOO_LONG, NAME_MAX));
        }
        if (values.cardNumber() == null) {
            problems.add(Problem.of("cardNumber", MessageKeys.CARD_REQUIRED));
        } else if (!CARD.matcher(values.cardNumber()).matches()) {
            problems.add(Problem.of("cardNumber", MessageKeys.CARD_INVALID));
        }
        if (values.phone() != null && !PHONE.matcher(values.phone()).matches()) {
            problems.add(Problem.of("phone", MessageKeys.PHONE_INVALID));
        }
        maxLength(problems, "building", values.building(), BUILDING_MAX, MessageKeys.BUILDING_TOO_LONG);
        maxLength(problems, "unit", values.unit(), UNIT_MAX, MessageKeys.UNIT_TOO_LONG);
        maxLength(problems, "household", values.household(), HOUSEHOLD_MAX, MessageKeys.HOUSEHOLD_TOO_LONG);
        if (values.birthDate() != null) {
            if (values.birthDate().isAfter(today)) {
                problems.add(Problem.of("birthDate", MessageKeys.BIRTH_DATE_FUTURE));
            } else if (values.birthDate().isBefore(EARLIEST_BIRTH)) {
                problems.add(Problem.of("birthDate", MessageKeys.BIRTH_DATE_TOO_EARLY));
            }
        }
        if (values.pin() != null && !PIN.matcher(values.pin()).matches()) {
            problems.add(Problem.of("pin", MessageKeys.PIN_INVALID));
        } else if (values.pin() != null && TrivialPins.trivial(values.pin(), values.phone(), values.cardNumber(),
                values.birthDate())) {
            problems.add(Problem.of("pin", MessageKeys.PIN_TRIVIAL));
        }
        return new Checked(values, problems);
    }

    /** Whether the card number is well formed, so that looking it up is worth a query. */
    static boolean validCard(String cardNumber) {
        return cardNumber != null && CARD.matcher(cardNumber).matches();
    }

    static boolean validPhone(String phone) {
        return phone != null && PHONE.matcher(phone).matches();
    }

    private static void maxLength(List<Problem> problems, String field, String value, int max, String key) {
        // String.length() counts UTF-16 units as Derby's VARCHAR does; the stricter of the two databases
        if (value != null && value.length() > max) {
            problems.add(Problem.of(field, key, max));
        }
    }

    static String trim(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
