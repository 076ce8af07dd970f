package org.communitykiosk.lovemarket.internal;

import java.time.Clock;
import java.util.List;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.points.api.Ledger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The love market (爱心超市): residents redeem their service points for donated goods; staff hand them over, cancel
 * with a refund, record donations and keep the stock. Points move only through the points plugin's {@link Ledger}
 * (idempotency keys {@code lovemarket:order:<key>} and {@code lovemarket:refund:<key>}), inside the redemption's
 * own transaction.
 * <p>
 * Views, below {@code /lovemarket}:
 * <ul>
 * <li>{@code ""} (resident): the shelves, by category</li>
 * <li>{@code basket} (resident): the basket, balance, confirmation</li>
 * <li>{@code receipt/<order id>} (resident; only the resident's own orders, staff see all): the pickup code</li>
 * <li>{@code orders} (staff): open orders, hand over by pickup code, cancel with refund</li>
 * <li>{@code stock} (staff): items with low-stock warnings, the item form, intake, adjustments</li>
 * <li>{@code lottery} (staff): scarce items by lottery: set up, requests, the seeded draw, results</li>
 * <li>{@code notice} (public, no sign-in): the lottery results notice (公示), winners with masked names</li>
 * <li>{@code charity} (staff): the monthly charity market (爱心集市): market days, stalls, sales in cash or points
 * (points go to the ledger account {@code lovemarket-charity}), corrections of mistaken sales by reversing entries
 * (points refunded through the ledger, key {@code lovemarket:sale-refund:<sale key>})</li>
 * <li>{@code market} or {@code market/<day id>} (public, no sign-in): the charity market's board</li>
 * <li>{@code swap} (resident): the swap board (邻里交换): post HAVE/WANT, ask, promise, close with a code; staff
 * add a photo to an entry</li>
 * </ul>
 * Element ids, kept stable for browser tests:
 * <ul>
 * <li>shop: {@code lovemarket-shop}; {@code lm-basket-link} (text shows the units in the basket);
 * {@code lm-shop-sign-in} when no resident is signed in; category buttons {@code lm-category-all},
 * {@code lm-category-<n>} (n = 0, 1, ... in category name order); item cards {@code lm-item-<item id>} with
 * {@code lm-add-<item id>} and, when staff uploaded one, the photo {@code lm-photo-<item id>} (else a text-only card);
 * on the card of an item given by lot {@code lm-lottery-info-<item id>} and, for a resident while the window is
 * open, {@code lm-lottery-ask-<lottery id>} (after asking {@code lm-lottery-asked-<lottery id>}; instead, for a
 * resident who has already taken the item's per-resident limit, {@code lm-lottery-limit-<lottery id>});
 * {@code lm-notice-link}, {@code lm-market-link}; {@code lm-shop-empty}; {@code lm-shop-error}; staff: {@code lm-orders-link},
 * {@code lm-stock-link}</li>
 * <li>basket: {@code lovemarket-basket}; {@code lm-basket-back}; per line {@code lm-line-<item id>},
 * {@code lm-line-minus-<item id>}, {@code lm-line-plus-<item id>}, {@code lm-line-remove-<item id>}, a changed
 * price {@code lm-line-price-<item id>}; {@code lm-basket-total}, {@code lm-basket-balance},
 * {@code lm-basket-short} (not enough points); {@code lm-basket-empty}; {@code lm-basket-error}; when a price
 * changed {@code lm-basket-price-notice} and {@code lm-accept-prices} instead of {@code lm-confirm}</li>
 * <li>receipt: {@code lovemarket-receipt}; {@code lm-receipt-code} (the pickup code, 6 digits),
 * {@code lm-receipt-state}, {@code lm-receipt-lines}, {@code lm-receipt-total}, {@code lm-receipt-back};
 * {@code lm-receipt-missing}</li>
 * <li>orders: {@code lovemarket-orders}; {@code lm-orders-back}; {@code lm-pickup-code}, {@code lm-pickup-find},
 * the order found {@code lm-pickup-order}; {@code lm-orders-error}; open orders {@code lm-order-<order id>} with
 * {@code lm-handover-<order id>} and {@code lm-cancel-<order id>} (a first tap turns it into
 * {@code lm-cancel-confirm-<order id>}, the second cancels and refunds); {@code lm-orders-empty}. In the order
 * found by code the same button ids appear first.</li>
 * <li>stock: {@code lovemarket-stock}; {@code lm-stock-back}; rows {@code lm-stock-<item id>} with
 * {@code lm-low-<item id>} (low stock) and {@code lm-item-edit-<item id>}; {@code lm-stock-empty}; item form
 * {@code lm-item-form}: {@code lm-item-editing}, {@code lm-item-name}, {@code lm-item-category},
 * {@code lm-item-price}, {@code lm-item-limit}, {@code lm-item-period}, {@code lm-item-low}, {@code lm-item-active},
 * {@code lm-item-save}, {@code lm-item-clear}, {@code lm-item-error}; photo {@code lm-photo-form}:
 * {@code lm-photo-item}, {@code lm-photo-upload} (vaadin-upload, 2 MB, JPEG/PNG/GIF that really decode),
 * {@code lm-photo-error}; intake {@code lm-intake-form}:
 * {@code lm-intake-donor}, {@code lm-intake-card} (the donor's resident card, also filled by a card tap),
 * {@code lm-intake-points} (optional points reward, needs the card), {@code lm-intake-item}, {@code lm-intake-qty}, {@code lm-intake-save},
 * {@code lm-intake-error}; adjustment {@code lm-adjust-form}: {@code lm-adjust-item}, {@code lm-adjust-delta},
 * {@code lm-adjust-reason}, {@code lm-adjust-save}, {@code lm-adjust-error}; households in difficulty
 * {@code lm-flag-form}: {@code lm-flag-card}, {@code lm-flag-save}, {@code lm-flag-remove}, {@code lm-flag-error};
 * {@code lm-lottery-link}, {@code lm-charity-link}</li>
 * <li>lottery: {@code lovemarket-lottery}; {@code lm-lottery-back}; form {@code lm-lottery-form}:
 * {@code lm-lottery-item}, {@code lm-lottery-units}, {@code lm-lottery-priority}, {@code lm-lottery-opens},
 * {@code lm-lottery-closes} (date-time pickers), {@code lm-lottery-create}, {@code lm-lottery-error}; rows
 * {@code lm-lottery-<id>} with {@code lm-lottery-draw-<id>} and {@code lm-lottery-row-error-<id>} while open, the
 * results {@code lm-lottery-result-<id>} once drawn; {@code lm-lottery-empty}</li>
 * <li>notice: {@code lovemarket-notice}; per drawn lottery {@code lm-notice-<id>} with winners
 * {@code lm-notice-winner-<id>-<n>} (n = 1, 2, ... in drawing order); {@code lm-notice-empty}</li>
 * <li>charity: {@code lovemarket-charity}; {@code lm-market-back}, {@code lm-board-link}; day form
 * {@code lm-market-form}: {@code lm-market-date}, {@code lm-market-place}, {@code lm-market-create},
 * {@code lm-market-error}; the day worked on {@code lm-market-day} (newest first); stall form {@code lm-stall-form}:
 * {@code lm-stall-name}, {@code lm-stall-sells}, {@code lm-stall-beneficiary}, {@code lm-stall-add},
 * {@code lm-stall-error}; sale form {@code lm-sale-form}: {@code lm-sale-stall}, {@code lm-sale-kind} (cash or
 * points), {@code lm-sale-amount} (yuan such as 12.50, or points), {@code lm-sale-card} (the buyer's card for
 * points, also filled by a card tap), {@code lm-sale-save}, {@code lm-sale-error}; the day's sales {@code lm-sales}
 * (newest first, {@code lm-sales-empty}): rows {@code lm-sale-row-<sale id>} with {@code lm-sale-text-<sale id>} and
 * {@code lm-sale-correct-<sale id>} (or {@code lm-sale-corrected-<sale id>} once corrected); the correction dialog
 * {@code lm-correct-dialog}: {@code lm-correct-what}, {@code lm-correct-reason}, {@code lm-correct-error},
 * {@code lm-correct-confirm}, {@code lm-correct-cancel}</li>
 * <li>board: {@code lovemarket-board}; {@code lm-board-day}; per stall {@code lm-board-stall-<stall id>} with
 * {@code lm-board-raised-<stall id>} and {@code lm-board-beneficiary-<stall id>}; {@code lm-board-total};
 * {@code lm-board-empty} (no market day), {@code lm-board-no-stalls}</li>
 * <li>swap: {@code lovemarket-swap}; {@code lm-swap-back}; form {@code lm-swap-form}: {@code lm-swap-kind},
 * {@code lm-swap-title}, {@code lm-swap-category}, {@code lm-swap-description}, {@code lm-swap-post},
 * {@code lm-swap-error}; others' entries {@code lm-swap-entry-<id>} with {@code lm-swap-ask-<id>};
 * {@code lm-swap-empty}; own entries and those promised to me {@code lm-swap-mine-<id>} with
 * {@code lm-swap-matches-<id>}, {@code lm-swap-promise-<id>-<resident id>}, {@code lm-swap-repost-<id>} (expired),
 * the owner's {@code lm-swap-code-<id>}, the recipient's {@code lm-swap-code-input-<id>} and
 * {@code lm-swap-close-<id>}; {@code lm-swap-mine-empty}; on an entry with a photo {@code lm-swap-photo-<id>}. Staff
 * (no resident signed in): {@code lm-swap-photo-form} with {@code lm-swap-photo-entry},
 * {@code lm-swap-photo-upload} (vaadin-upload, as for item photos), {@code lm-swap-photo-error}, then the board's
 * entries {@code lm-swap-entry-<id>} without buttons</li>
 * </ul>
 */
@Component(service = KioskPlugin.class, property = KioskPlugin.PLUGIN_ID + "=" + LoveMarketPlugin.ID)
public final class LoveMarketPlugin implements KioskPlugin {

    static final String ID = "lovemarket";

    static final String SHOP = "";
    static final String BASKET = "basket";
    static final String RECEIPT = "receipt";
    static final String ORDERS = "orders";
    static final String STOCK = "stock";
    static final String SWAP = "swap";
    static final String LOTTERY = "lottery";
    static final String NOTICE = "notice";
    static final String CHARITY = "charity";
    static final String BOARD = "market";

    private final List<PluginView> views;

    @Activate
    public LoveMarketPlugin(@Reference(name = "market") LoveMarket market, @Reference(name = "ledger") Ledger ledger,
            @Reference(name = "residents") ResidentDirectory residents, @Reference(name = "swaps") JdbcSwapBoard swaps,
            @Reference(name = "clock") Clock clock, @Reference(name = "identification") Identification identification,
            @Reference(name = "lotteries") JdbcLottery lotteries, @Reference(name = "charity") JdbcCharityMarket charity) {
        this.views = List.of(
                new PluginView(SHOP, Audience.RESIDENT, context -> new ShopView(context, market, lotteries, clock)),
                new PluginView(BASKET, Audience.RESIDENT, context -> new BasketView(context, market, ledger)),
                new PluginView(RECEIPT, Audience.RESIDENT, context -> new ReceiptView(context, market)),
                new PluginView(ORDERS, Audience.STAFF, context -> new OrdersView(context, market, residents)),
                new PluginView(STOCK, Audience.STAFF, context -> new StockView(context, market, residents, identification,
                        lotteries)),
                new PluginView(LOTTERY, Audience.STAFF,
                        context -> new LotteryView(context, market, lotteries, residents, clock)),
                new PluginView(NOTICE, Audience.PUBLIC, context -> new NoticeView(context, lotteries, residents)),
                new PluginView(CHARITY, Audience.STAFF,
                        context -> new CharityView(context, charity, residents, identification, clock)),
                new PluginView(BOARD, Audience.PUBLIC, context -> new MarketBoardView(context, charity)),
                new PluginView(SWAP, Audience.RESIDENT, context -> new SwapView(context, swaps, residents, clock)));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "lovemarket.title";
    }

    @Override
    public String descriptionKey() {
        return "lovemarket.description";
    }

    @Override
    public String icon() {
        return "vaadin:gift";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Audience audience() {
        return Audience.RESIDENT;
    }

    @Override
    public List<PluginView> views() {
        return views;
    }
}
