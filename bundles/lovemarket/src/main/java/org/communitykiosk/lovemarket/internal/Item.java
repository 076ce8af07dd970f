package org.communitykiosk.lovemarket.internal;

/**
 * A kind of goods in the catalogue.
 *
 * @param price points for one unit
 * @param stock units on the shelf (never negative)
 * @param limitQuantity units one resident may take per {@code limitPeriod}; 0 for no limit
 * @param lowStock staff are warned when the stock is at or below this; 0 for no warning
 */
record Item(long id, String name, String category, long price, int stock, int limitQuantity, LimitPeriod limitPeriod,
        boolean active, int lowStock) {

    boolean lowOnStock() {
        return lowStock > 0 && stock <= lowStock;
    }

    boolean limited() {
        return limitQuantity > 0;
    }
}
