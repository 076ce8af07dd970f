package org.communitykiosk.lovemarket.internal;

/**
 * One line of a redemption as the resident confirmed it.
 *
 * @param price the unit price the resident saw; the redemption is refused if the item's price is no longer this
 */
record OrderRequest(long itemId, int quantity, long price) {
}
