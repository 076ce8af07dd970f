package org.communitykiosk.lovemarket.internal;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.core.testing.TestDatabase;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.TransferKind;
import org.communitykiosk.points.internal.JdbcLedger;

/**
 * The love market on a fresh in-memory database with the real points ledger (the points bundle's
 * {@code JdbcLedger}, built by hand as in the kiosk): nothing of the ledger is faked.
 */
final class Fixture implements AutoCloseable {

    static final Actor STAFF = Actor.staff("wang");

    final TestDatabase db = new TestDatabase();
    final JdbcLedger ledger = new JdbcLedger(db.transactions(), db.migrations(), db.auditLog(), db.clock(),
            db.residents());
    final JdbcLoveMarket market = new JdbcLoveMarket(db.transactions(), db.migrations(), db.auditLog(), db.clock(),
            ledger);
    final JdbcLottery lottery = new JdbcLottery(db.transactions(), db.migrations(), db.auditLog(), db.clock(), market);

    Resident resident(String name, String card) {
        return db.residents().create(new ResidentDraft(name, card, null, "1", "1-101", "H" + card, null, null),
                STAFF);
    }

    /** Points earned for service hours (the points bundle's own booking). */
    void earn(Resident resident, long points) {
        ledger.book(TransferKind.EARN, Account.ISSUED, Account.resident(resident.id()), points, "hours", 0, null,
                Actor.system("test"));
    }

    long balance(Resident resident) {
        return ledger.balance(Account.resident(resident.id()));
    }

    Item item(String name, long price, int stock, int limit, LimitPeriod period) {
        Item item = market.createItem(new ItemDraft(name, "日用品", price, limit, period, true, 2), STAFF);
        if (stock > 0) {
            market.intake("爱心企业", java.util.List.of(new IntakeLine(item.id(), stock)), STAFF);
        }
        return market.item(item.id()).orElseThrow();
    }

    @Override
    public void close() {
        db.close();
    }
}
