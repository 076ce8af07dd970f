package org.communitykiosk.lovemarket.internal;

import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.Actor;

/**
 * The love market (爱心超市): catalogue, baskets, redemptions paid through the points ledger, intake and stock. Every
 * write is one transaction with its audit entry; refusals are {@link org.communitykiosk.api.InvalidInputException}s
 * with {@code lovemarket.problem.*} keys and write nothing.
 */
interface LoveMarket {

    List<Item> items(boolean activeOnly);

    Optional<Item> item(long id);

    /** Categories of active items, by name. */
    List<String> categories();

    Item createItem(ItemDraft draft, Actor by);

    Item editItem(long id, ItemDraft draft, Actor by);

    /** Stores the item's photo (replacing any), after {@link PhotoRules#check} found it really is an image. */
    void setPhoto(long itemId, byte[] bytes, Actor by);

    Optional<Photo> photo(long itemId);

    /** Ids of the items that have a photo, each with the photo's MIME type. */
    java.util.Map<Long, String> photographed();

    /** Records donated goods: stock goes up, one intake with its lines. @return the intake id */
    long intake(String donor, List<IntakeLine> lines, Actor by);

    /**
     * {@link #intake(String, List, Actor)} with an optional points reward for the donor (a resident), booked through
     * the ledger in the intake's own transaction (key {@code lovemarket:donation:<intake id>}).
     *
     * @param reward {@code null} for none
     */
    long intake(String donor, List<IntakeLine> lines, DonorReward reward, Actor by);

    /** Changes a stock by hand ({@code delta} may be negative, never below zero). */
    Item adjust(long itemId, int delta, AdjustReason reason, Actor by);

    List<BasketLine> basket(long residentId);

    /** Adds units of an item at its current price. */
    void addToBasket(long residentId, long itemId, int quantity);

    /** Sets a line's quantity; 0 removes it. */
    void setQuantity(long residentId, long itemId, int quantity);

    /** The resident accepts the current prices of the basket's items. */
    void acceptPrices(long residentId);

    /**
     * Redeems the lines in one transaction: stock, per-resident limits, the ledger spend, the order with its pickup
     * code. A repeat with the same {@code orderKey} returns the first order.
     */
    Order redeem(long residentId, List<OrderRequest> lines, String orderKey, Actor by);

    /** {@link #redeem} of the resident's basket at the prices seen; the basket is emptied with it. */
    Order redeemBasket(long residentId, String orderKey, Actor by);

    /**
     * One unit already taken off the shelf (a lottery's reserved units) becomes the resident's order: the order with
     * its pickup code and the ledger spend, no stock change; the unit counts against the item's per-resident limit
     * like a unit from the shelf. Refused with {@code lovemarket.problem.notEnoughPoints} or
     * {@code lovemarket.problem.limitReached.*}, writing nothing, even inside the caller's transaction.
     */
    Order redeemReserved(long residentId, long itemId, long price, String orderKey, Actor by);

    /** Whether the resident has already taken the item's per-resident limit in the current period. */
    boolean limitReached(long residentId, long itemId);

    Optional<Order> order(long id);

    List<Order> openOrders();

    Optional<Order> openOrderByPickupCode(String code);

    Order handOver(long orderId, Actor by);

    /** Cancels an open order: the points are refunded through the ledger and the stock restored, together. */
    Order cancel(long orderId, Actor by);
}
