package org.communitykiosk.points.internal;

import org.communitykiosk.api.Actor;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.Transfer;
import org.communitykiosk.points.api.TransferKind;

/**
 * The ledger as this plugin's own services use it: any movement between any two accounts, including issuing earned
 * points from {@link Account#ISSUED}. Not exported: other plugins get {@link org.communitykiosk.points.api.Ledger}.
 */
public interface LedgerBook {

    /**
     * Books a transfer (two postings summing to zero, balance rows updated race-safely) in the caller's transaction.
     *
     * @param reverses the transfer this one reverses, or 0
     * @param idempotencyKey unique key; a repeat returns the first transfer; may be null for no idempotency
     */
    Transfer book(TransferKind kind, Account from, Account to, long points, String reason, long reverses,
            String idempotencyKey, Actor actor);

    /** Resident accounts with a positive balance. */
    java.util.List<Account> residentAccountsInCredit();

    /**
     * Expires what the account holds beyond the points it received since {@code creditedSince}: its unused older
     * points go to {@link Account#EXPIRY}. The account's balance row is locked first, so a spend at the same moment
     * is settled before or after, never half.
     *
     * @return the expiry transfer, or empty when nothing was old enough
     */
    java.util.Optional<Transfer> expireUnused(Account account, java.time.Instant creditedSince, String idempotencyKey,
            Actor actor);
}
