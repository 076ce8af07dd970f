package org.communitykiosk.points.api;

import java.util.List;

import org.communitykiosk.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The points ledger (志愿积分): double entry, integer points, no negative balances (except {@link Account#ISSUED}).
 * <p>
 * Every write joins the caller's transaction ({@link org.communitykiosk.api.store.Transactions#required}), so a
 * love-market redemption and its stock change commit or fail together; called outside a transaction, each write is
 * its own. A refused write ({@link org.communitykiosk.api.InvalidInputException}) has written nothing, even inside
 * the caller's transaction (the ledger rolls back to a savepoint of its own before it throws), and the caller's
 * transaction may go on. Each write is audited ({@code points.spend}, {@code points.refund}, ... on
 * {@code transfer:<id>}).
 * <p>
 * Idempotency: a write with a key already used returns the transfer booked the first time and books nothing more
 * (two kiosks or a double tap with the same key: one transfer). Keys are unique across the whole ledger: prefix them
 * with your plugin id, for example {@code lovemarket:order:17}. At most 100 characters.
 * <p>
 * Problem keys (translations in the points bundle's {@code i18n/messages_*.properties}; a calling plugin shows its
 * own text for them): {@value #INSUFFICIENT} (args: balance, points), {@value #POINTS_POSITIVE},
 * {@value #UNKNOWN_TRANSFER} (arg: id), {@value #ALREADY_REFUNDED} (arg: id), {@value #NOT_REFUNDABLE} (arg: id),
 * {@value #NOT_HOUSEHOLD}, {@value #KEY_REUSED} (arg: key), {@value #KEY_REQUIRED}, {@value #SAME_ACCOUNT}.
 */
@ProviderType
public interface Ledger {

    String INSUFFICIENT = "points.problem.insufficient";
    String POINTS_POSITIVE = "points.problem.pointsPositive";
    String UNKNOWN_TRANSFER = "points.problem.unknownTransfer";
    String ALREADY_REFUNDED = "points.problem.alreadyRefunded";
    String NOT_REFUNDABLE = "points.problem.notRefundable";
    String NOT_HOUSEHOLD = "points.problem.notHousehold";
    String KEY_REUSED = "points.problem.keyReused";
    String KEY_REQUIRED = "points.problem.keyRequired";
    String SAME_ACCOUNT = "points.problem.sameAccount";

    /** The sum of the account's postings (0 for an account never used). */
    long balance(Account account);

    /** The account's postings, newest first, one page. */
    List<LedgerEntry> statement(Account account, int offset, int limit);

    /** Number of postings of the account, for paging. */
    int statementSize(Account account);

    /** One transfer. */
    java.util.Optional<Transfer> transfer(long id);

    /** Can the resident pay the points now? */
    Quote quote(long residentId, long points);

    /**
     * The resident pays points to a counter account (for example {@link Account#LOVE_MARKET}).
     *
     * @param reason short text without personal data, for example an order id
     * @throws org.communitykiosk.api.InvalidInputException {@value #INSUFFICIENT} when the balance is too low (also
     *         when another kiosk spent the last points a moment earlier), {@value #POINTS_POSITIVE},
     *         {@value #KEY_REUSED} when the key was used for a different transfer; nothing is written
     */
    Transfer spend(long residentId, long points, Account counterAccount, String reason, String idempotencyKey,
            Actor actor);

    /**
     * Books the reversing entry of a transfer (its points go back from {@code to} to {@code from}). A transfer is
     * reversed at most once; a refund cannot be refunded.
     */
    Transfer refund(long transferId, String idempotencyKey, Actor actor);

    /** The resident gives points to a member of the same household ({@value #NOT_HOUSEHOLD} otherwise). */
    Transfer transferToHousehold(long fromResidentId, long toResidentId, long points, String idempotencyKey,
            Actor actor);

    /** The resident gives points to {@link Account#COMMUNITY_POOL}. */
    Transfer donate(long residentId, long points, String idempotencyKey, Actor actor);

    /**
     * The community thanks a resident with points for something other than service hours, for example goods donated
     * to the love market: {@link Account#ISSUED} to the resident, kind {@link TransferKind#REWARD}. Staff decide it,
     * so the actor is normally staff.
     *
     * @param reason short text without personal data, for example a donation id
     * @since 1.1
     */
    Transfer reward(long residentId, long points, String reason, String idempotencyKey, Actor actor);
}
