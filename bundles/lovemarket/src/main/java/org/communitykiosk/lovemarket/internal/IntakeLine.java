package org.communitykiosk.lovemarket.internal;

/** Donated units of one catalogue item. */
record IntakeLine(long itemId, int quantity) {
}
