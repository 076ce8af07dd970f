package org.communitykiosk.points.api;

import java.time.Instant;

/**
 * One movement of points: booked as two postings, {@code -points} on {@link #from()} and {@code +points} on
 * {@link #to()}, which sum to zero. Transfers and postings are never changed or deleted; a correction is a
 * {@link TransferKind#REFUND} that {@link #reverses()} an earlier transfer.
 *
 * @param id transfer id (what {@link Ledger#refund} takes)
 * @param at when it was booked
 * @param kind why
 * @param from debited account
 * @param to credited account
 * @param points always positive
 * @param reason short text from the caller (an order number, an activity id), never personal data; may be null
 * @param reverses the transfer this one reverses, or 0
 * @param actor who booked it ({@link org.communitykiosk.api.Actor#toString()})
 */
public record Transfer(long id, Instant at, TransferKind kind, Account from, Account to, long points, String reason,
        long reverses, String actor) {
}
