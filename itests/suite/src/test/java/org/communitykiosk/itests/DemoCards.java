package org.communitykiosk.itests;

import java.util.List;

/**
 * The demo community's cards, as the README publishes them: each demo resident's card token (a card reader types it,
 * a QR code carries {@code KIOSK-CARD:<token>}). Their register numbers, 10000001 to 10000005, sign nobody in.
 */
final class DemoCards {

    /** The demo residents in register order: 10000001 张桂兰 ... 10000005 陈美华. */
    static final List<String> NAMES = List.of("张桂兰", "李建国", "李秀英", "王志强", "陈美华");

    private static final List<String> TOKENS = List.of("100000010000000000007", "100000020000000000005",
            "100000030000000000003", "100000040000000000001", "100000050000000000008");

    private DemoCards() {
    }

    /** The card token of demo resident n (1 to 5, register number 1000000n). */
    static String token(int n) {
        return TOKENS.get(n - 1);
    }

    /** The Luhn check digit of the digits (ISO/IEC 7812), which a card token ends with. */
    static char luhn(CharSequence body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
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
}
