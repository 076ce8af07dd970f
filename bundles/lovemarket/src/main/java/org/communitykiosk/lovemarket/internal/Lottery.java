package org.communitykiosk.lovemarket.internal;

import java.time.Instant;

/**
 * Units of a scarce item given by lot among the residents who asked within a window, instead of first come first
 * served. The units leave the shelf when the lottery is set up, so the shop cannot sell them meanwhile.
 *
 * @param priorityUnits units drawn first among flagged households in difficulty
 * @param price points each winner pays, fixed when the lottery is set up
 * @param seed the seed of the draw, published with the results so that anyone can repeat it; 0 before the draw
 * @param commitment {@link #commitment(long)} of the seed, chosen and published when the lottery is set up (null for a
 *        lottery set up before seeds were committed)
 */
record Lottery(long id, long itemId, String itemName, int units, int priorityUnits, long price, Instant opensAt,
        Instant closesAt, State state, long seed, Instant drawnAt, int requests, String commitment) {

    /** SHA-256 of the seed's decimal digits, in hex: what anyone computes from the revealed seed to check it. */
    static String commitment(long seed) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Long.toString(seed).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

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
