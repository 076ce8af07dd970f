package org.communitykiosk.points.api;

/**
 * Whether a resident can pay: a snapshot, so {@link Ledger#spend} still checks again when it books.
 *
 * @param balance the resident's balance now
 * @param points what would be paid
 */
public record Quote(long balance, long points) {

    public boolean sufficient() {
        return points > 0 && balance >= points;
    }

    /** What is missing (0 when sufficient). */
    public long shortfall() {
        return Math.max(0, points - balance);
    }
}
