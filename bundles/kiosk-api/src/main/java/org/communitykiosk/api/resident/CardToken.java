package org.communitykiosk.api.resident;

import java.util.Optional;

/**
 * What a resident card or QR code carries to sign its holder in: {@value #LENGTH} decimal digits, {@value #RANDOM_DIGITS}
 * drawn at random by the kiosk (10<sup>20</sup> values, over 66 bits) and a Luhn check digit (ISO/IEC 7812, as on
 * bank cards) against a misread or mistyped digit. Digits only, so that a keyboard-wedge card reader types it as it
 * typed card numbers; a QR code carries {@value #QR_PREFIX}{@code <token>}. A token is a secret: the register number
 * ({@link Resident#cardNumber()}, printed on the card) identifies a resident but signs nobody in, and no register
 * number (6 to 20 digits) is ever a well-formed token.
 * <p>
 * The kiosk keeps only a hash of each token; staff see a new token once, when they issue the card. Never log or
 * audit a token: {@link #toString()} does not show it.
 *
 * @param digits the {@value #LENGTH} digits, the last one the check digit
 */
public record CardToken(String digits) {

    /** Digits in a token: {@value #RANDOM_DIGITS} random ones and the check digit. */
    public static final int LENGTH = 21;
    public static final int RANDOM_DIGITS = LENGTH - 1;
    /** What a resident QR code's payload starts with, before the token. */
    public static final String QR_PREFIX = "KIOSK-CARD:";

    /** @throws IllegalArgumentException unless {@code digits} are {@value #LENGTH} digits with a right check digit */
    public CardToken {
        if (!wellFormed(digits)) {
            throw new IllegalArgumentException("not a card token");
        }
    }

    /**
     * What a card reader or QR scanner typed, as a token: surrounding white space and the QR prefix (in any case) are
     * dropped; spaces between the digits (as staff may copy a token shown in groups) are ignored. Empty for anything
     * else, a register number or a token with a wrong check digit among them.
     */
    public static Optional<CardToken> parse(String typed) {
        if (typed == null || typed.length() > 2 * LENGTH + QR_PREFIX.length()) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (text.regionMatches(true, 0, QR_PREFIX, 0, QR_PREFIX.length())) {
            text = text.substring(QR_PREFIX.length()).strip();
        }
        text = text.replace(" ", "");
        return wellFormed(text) ? Optional.of(new CardToken(text)) : Optional.empty();
    }

    /** The token of {@value #RANDOM_DIGITS} digits ({@code body}) followed by their check digit. */
    public static CardToken withCheckDigit(String body) {
        if (body == null || body.length() != RANDOM_DIGITS || !allDigits(body)) {
            throw new IllegalArgumentException("a card token's body is " + RANDOM_DIGITS + " digits");
        }
        return new CardToken(body + checkDigit(body));
    }

    /** The Luhn check digit of the digits. */
    public static char checkDigit(CharSequence body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            // from the right: the digit next to the check digit is doubled, then every second one
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** The QR code's payload: {@value #QR_PREFIX} and the digits. */
    public String qrPayload() {
        return QR_PREFIX + digits;
    }

    /** The digits in groups of four (the last group five), for staff to read out or type: {@code 1234 5678 ...}. */
    public String grouped() {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0 && i < LENGTH - 1) {
                grouped.append(' ');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.toString();
    }

    /** Never the digits: a token that ends up in a log or an exception message must not give the card away. */
    @Override
    public String toString() {
        return "CardToken[hidden]";
    }

    private static boolean wellFormed(String digits) {
        return digits != null && digits.length() == LENGTH && allDigits(digits)
                && checkDigit(digits.subSequence(0, RANDOM_DIGITS)) == digits.charAt(RANDOM_DIGITS);
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
