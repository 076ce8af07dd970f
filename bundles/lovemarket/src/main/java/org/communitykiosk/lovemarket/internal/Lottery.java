package org.communitykiosk.lovemarket.internal;

import java.time.Instant;

/**
 * Units of a scarce item given by lot among the residents who asked within a window, instead of first come first
 * served. The units leave the shelf when the lottery is set up, so the shop cannot sell them meanwhile.
 *
 * @param priorityUnits units drawn first among flagged households in difficulty
 * @param price points each winner pays, fixed when the lottery is set up
 * @param seed the seed of the draw, recorded so that anyone can repeat it; 0 before the draw
 */
record Lottery(long id, long itemId, String itemName, int units, int priorityUnits, long price, Instant opensAt,
        Instant closesAt, State state, long seed, Instant drawnAt, int requests) {

    enum State { OPEN, DRAWN }

    boolean acceptsRequestsAt(Instant now) {
        return state == State.OPEN && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    /** Why a drawn requester got no unit. */
    enum SkipReason {
        /** The points could not be paid (not enough of them). */
        POINTS,
        /** The resident had taken the item's per-resident limit for the period by the time of the draw. */
        LIMIT
    }

    /** A result as stored: {@code orderId} 0 and a {@code skipReason} for a skipped requester, else null. */
    record Result(long residentId, int rank, boolean priority, LotteryDraw.Outcome outcome, long orderId,
            SkipReason skipReason) {
    }
}
