package org.communitykiosk.lovemarket.internal;

import java.time.Instant;

/**
 * A swap-board entry: a resident HAS something to give away or WANTS something.
 *
 * @param promisedTo the resident the owner promised the item to, or 0
 * @param pickupCode the code that closes a promised swap, or null
 */
record SwapEntry(long id, long ownerId, Kind kind, String title, String category, String description, State state,
        long promisedTo, String pickupCode, Instant postedAt, Instant expiresAt) {

    enum Kind { HAVE, WANT }

    enum State { OPEN, PROMISED, DONE, WITHDRAWN }

    boolean expiredAt(Instant now) {
        return state == State.OPEN && !now.isBefore(expiresAt);
    }
}
