package org.communitykiosk.lovemarket.internal;

import java.time.LocalDate;

/** The monthly charity market (爱心集市): market days, their stalls, and what each stall raised. */
final class CharityMarket {

    private CharityMarket() {
    }

    record Day(long id, LocalDate date, String place) {
    }

    /**
     * A stall run by a resident organisation.
     *
     * @param beneficiary where the money goes, shown on the public board
     */
    record Stall(long id, long dayId, String name, String sells, String beneficiary) {
    }

    enum Kind { CASH, POINTS }

    /**
     * What a stall raised.
     *
     * @param cashCents cash in fen (分), yuan × 100
     */
    record Raised(Stall stall, long cashCents, long points, int sales) {
    }

    /** Yuan for display: 1250 → "12.50". */
    static String yuan(long cents) {
        return String.format("%d.%02d", cents / 100, cents % 100);
    }
}
