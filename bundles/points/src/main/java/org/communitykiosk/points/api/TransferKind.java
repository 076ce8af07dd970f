package org.communitykiosk.points.api;

/** Why points moved. */
public enum TransferKind {
    /** Confirmed service hours: {@link Account#ISSUED} to a resident (or to the pool beyond the yearly cap). */
    EARN,
    /** A resident paid for goods or a service: resident to a counter account such as {@link Account#LOVE_MARKET}. */
    SPEND,
    /** A resident gave points to a member of the same household. */
    TRANSFER,
    /** A resident gave points to {@link Account#COMMUNITY_POOL}. */
    DONATE,
    /** Unused points expired: resident to {@link Account#EXPIRY}. */
    EXPIRE,
    /** A reversing entry: the opposite of an earlier transfer. */
    REFUND,
    /** The community thanked a resident with points, for example for donated goods: {@link Account#ISSUED} to them. */
    REWARD
}
