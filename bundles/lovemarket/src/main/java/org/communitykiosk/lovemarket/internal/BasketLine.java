package org.communitykiosk.lovemarket.internal;

/**
 * A line of a resident's basket as it is now.
 *
 * @param priceSeen the price the resident saw when adding the item (what the redemption checks against)
 */
record BasketLine(Item item, int quantity, long priceSeen) {

    boolean priceChanged() {
        return item.price() != priceSeen;
    }

    long total() {
        return priceSeen * quantity;
    }

    OrderRequest line() {
        return new OrderRequest(item.id(), quantity, priceSeen);
    }
}
