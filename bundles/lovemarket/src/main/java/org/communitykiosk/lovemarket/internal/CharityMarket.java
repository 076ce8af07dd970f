package org.communitykiosk.lovemarket.internal;

import java.time.Instant;
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

    /**
     * A sale as recorded, or the reversing entry that corrects one (never an update of the sale itself).
     *
     * @param amount fen for cash, points for points; negative in a reversing entry
     * @param buyerId the buyer paying points, or 0
     * @param reverses the sale this entry corrects, or 0 for a sale
     * @param reason why staff corrected the sale (on a reversing entry), else null
     * @param corrected whether a reversing entry for this sale exists
     */
    record Sale(long id, long stallId, String stallName, Kind kind, long amount, long buyerId, Instant soldAt,
            long reverses, String reason, boolean corrected) {

        boolean isCorrection() {
            return reverses != 0;
        }
    }

    /** Yuan for display: 1250 → "12.50", -1250 → "-12.50". */
    static String yuan(long cents) {
        return (cents < 0 ? "-" : "") + String.format("%d.%02d", Math.abs(cents) / 100, Math.abs(cents) % 100);
    }
}
