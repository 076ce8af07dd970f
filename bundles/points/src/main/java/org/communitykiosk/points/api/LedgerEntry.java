package org.communitykiosk.points.api;

import java.time.Instant;

/**
 * One line of an account's statement: a posting of a transfer, seen from that account.
 *
 * @param postingId posting id (newest first in a statement)
 * @param transferId the transfer the posting belongs to
 * @param at when it was booked
 * @param kind why
 * @param account the account of the statement
 * @param counterAccount the other side of the transfer
 * @param amount signed: positive for points received, negative for points given
 * @param reason the transfer's reason, may be null
 */
public record LedgerEntry(long postingId, long transferId, Instant at, TransferKind kind, Account account,
        Account counterAccount, long amount, String reason) {
}
