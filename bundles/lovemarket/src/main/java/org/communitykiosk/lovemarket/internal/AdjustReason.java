package org.communitykiosk.lovemarket.internal;

/** Why staff changed a stock by hand. */
enum AdjustReason { BROKEN, EXPIRED, LOST, COUNTED }
