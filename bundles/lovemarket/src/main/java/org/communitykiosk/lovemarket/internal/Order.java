package org.communitykiosk.lovemarket.internal;

import java.time.Instant;
import java.util.List;

/**
 * A redemption: points paid through the ledger ({@code transferId}), goods waiting at the counter until handed over.
 *
 * @param pickupCode short code the resident shows at the counter
 * @param refundTransferId the ledger transfer that refunded a cancelled order, or 0
 */
record Order(long id, long residentId, long total, long transferId, State state, String pickupCode, Instant createdAt,
        Instant closedAt, long refundTransferId, List<Line> lines) {

    enum State { OPEN, HANDED_OVER, CANCELLED }

    record Line(long itemId, String name, int quantity, long price) {
    }
}
