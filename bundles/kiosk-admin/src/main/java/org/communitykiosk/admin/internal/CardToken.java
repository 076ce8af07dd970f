package org.communitykiosk.admin.internal;

/** What a card reader or QR scanner typed, as a card number for a form or a search. */
final class CardToken {

    /** Payload prefix of resident QR codes (see {@code Identification}). */
    static final String QR_PREFIX = "KIOSK-CARD:";

    private CardToken() {
    }

    static String cardNumber(String token) {
        if (token == null) {
            return "";
        }
        String text = token.strip();
        return text.regionMatches(true, 0, QR_PREFIX, 0, QR_PREFIX.length())
                ? text.substring(QR_PREFIX.length()).strip()
                : text;
    }
}
