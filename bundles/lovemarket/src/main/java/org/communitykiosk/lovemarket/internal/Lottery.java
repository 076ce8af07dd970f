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

    /** A result as stored: {@code orderId} 0 for a skipped requester. */
    record Result(long residentId, int rank, boolean priority, LotteryDraw.Outcome outcome, long orderId) {
    }
}
