package org.communitykiosk.lovemarket.internal;

/** Points the community gives a resident for donated goods, checked by {@link MarketRules#checkDonor}. */
record DonorReward(long residentId, long points) {
}
