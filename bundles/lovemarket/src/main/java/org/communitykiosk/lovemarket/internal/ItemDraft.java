package org.communitykiosk.lovemarket.internal;

/** Input for a new or edited catalogue item, checked by {@link MarketRules#check(ItemDraft)}. */
record ItemDraft(String name, String category, long price, int limitQuantity, LimitPeriod limitPeriod,
        boolean active, int lowStock) {
}
