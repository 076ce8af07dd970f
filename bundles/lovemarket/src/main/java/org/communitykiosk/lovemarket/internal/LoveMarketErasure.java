package org.communitykiosk.lovemarket.internal;

import java.util.Set;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.erasure.ResidentErasure;
import org.communitykiosk.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The love market's part in erasing residents: their basket, orders, quotas, swap-board entries (with photos and
 * interest) and interest in others' entries, lottery requests and results. Goods they donated and sales at the
 * charity market stay in the market's books, without the resident (the stock and the takings are the centre's); the
 * points that went with them are the points plugin's part.
 */
@Component(property = ResidentErasure.OWNER + "=lovemarket")
public final class LoveMarketErasure implements ResidentErasure {

    private final Transactions transactions;

    @Activate
    public LoveMarketErasure(@Reference(name = "transactions") Transactions transactions,
            // these migrate the tables this erases from
            @Reference(name = "market") LoveMarket market, @Reference(name = "swaps") JdbcSwapBoard swaps,
            @Reference(name = "charity") JdbcCharityMarket charity, @Reference(name = "lottery") JdbcLottery lottery) {
        this.transactions = transactions;
    }

    @Override
    public int eraseResidents(Set<Long> residentIds, Actor by) {
        String own = " IN (SELECT s.id FROM lovemarket_swap s WHERE s.owner_id = ?)";
        return transactions.required(c -> ResidentErasure.eachResident(c, residentIds,
                "DELETE FROM lovemarket_lottery_result WHERE resident_id = ?",
                "DELETE FROM lovemarket_lottery_request WHERE resident_id = ?",
                "DELETE FROM lovemarket_order_line WHERE order_id IN"
                        + " (SELECT o.id FROM lovemarket_order o WHERE o.resident_id = ?)",
                "DELETE FROM lovemarket_order WHERE resident_id = ?",
                "DELETE FROM lovemarket_basket WHERE resident_id = ?",
                "DELETE FROM lovemarket_quota WHERE resident_id = ?",
                "UPDATE lovemarket_intake SET reward_resident_id = NULL WHERE reward_resident_id = ?",
                "UPDATE lovemarket_market_sale SET resident_id = NULL WHERE resident_id = ?",
                "DELETE FROM lovemarket_swap_interest WHERE resident_id = ?",
                "DELETE FROM lovemarket_swap_photo_chunk WHERE entry_id" + own,
                "DELETE FROM lovemarket_swap_photo WHERE entry_id" + own,
                "DELETE FROM lovemarket_swap_interest WHERE entry_id" + own,
                "DELETE FROM lovemarket_swap WHERE owner_id = ?"));
    }
}
