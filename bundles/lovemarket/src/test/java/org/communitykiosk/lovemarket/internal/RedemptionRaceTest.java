package org.communitykiosk.lovemarket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.points.api.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fifty residents at eight kiosks redeem the same item with ten units left, all at once: exactly ten succeed, the
 * stock never goes below zero, every successful order has exactly one ledger spend and the failed ones none.
 */
class RedemptionRaceTest {

    private static final int RESIDENTS = 50;
    private static final int UNITS = 10;
    private static final int KIOSKS = 8;
    private static final long PRICE = 10;
    private static final long EARNED = 100;

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void fiftyRedemptionsRaceForTenUnits() throws Exception {
        Item rice = f.item("大米", PRICE, UNITS, 0, LimitPeriod.MONTH);
        List<Resident> residents = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            Resident r = f.resident("居民" + i, Long.toString(20000000 + i));
            f.earn(r, EARNED);
            residents.add(r);
        }

        ExecutorService kiosks = Executors.newFixedThreadPool(KIOSKS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (Resident r : residents) {
            outcomes.add(kiosks.submit(() -> {
                start.await();
                try {
                    f.market.redeem(r.id(), List.of(new OrderRequest(rice.id(), 1, PRICE)), "race-" + r.id(),
                            Actor.resident(r.id()));
                    return "ok";
                } catch (InvalidInputException refused) {
                    return refused.problems().get(0).key();
                }
            }));
        }
        // a watcher reads the stock while the kiosks race
        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicInteger lowest = new AtomicInteger(UNITS);
        Thread watcher = new Thread(() -> {
            while (racing.get()) {
                try {
                    lowest.accumulateAndGet((int) scalar("SELECT stock FROM lovemarket_item WHERE id = " + rice.id()),
                            Math::min);
                } catch (SQLException e) {
                    // a lock wait while a kiosk holds the row: try again
                }
            }
        });
        watcher.start();
        long began = System.nanoTime();
        start.countDown();
        Map<String, Integer> tally = new TreeMap<>();
        for (Future<String> outcome : outcomes) {
            tally.merge(outcome.get(120, TimeUnit.SECONDS), 1, Integer::sum);
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        racing.set(false);
        watcher.join();
        kiosks.shutdown();
        System.out.println("race: " + tally + " in " + millis + " ms");

        assertEquals(Map.of("ok", UNITS, "lovemarket.problem.outOfStock", RESIDENTS - UNITS), tally);
        assertEquals(0, f.market.item(rice.id()).orElseThrow().stock());
        assertTrue(lowest.get() >= 0);
        assertEquals(UNITS, scalar("SELECT COUNT(*) FROM lovemarket_order"));
        // one spend per order, booked under the order's key, and none for the refused
        assertEquals(UNITS, scalar("SELECT COUNT(*) FROM points_transfer WHERE kind = 'SPEND'"));
        assertEquals(UNITS, scalar("SELECT COUNT(*) FROM lovemarket_order o JOIN points_transfer t"
                + " ON t.id = o.transfer_id WHERE t.idempotency_key = 'lovemarket:order:' || o.order_key"
                + " AND t.points = o.total AND t.from_account = 'resident:' || CAST(o.resident_id AS CHAR(20))"));
        assertEquals(UNITS * PRICE, f.ledger.balance(Account.LOVE_MARKET));
        long paid = 0;
        for (Resident r : residents) {
            long balance = f.balance(r);
            assertTrue(balance == EARNED || balance == EARNED - PRICE, "balance " + balance);
            paid += EARNED - balance;
        }
        assertEquals(UNITS * PRICE, paid);
        assertEquals(0, scalar("SELECT SUM(amount) FROM points_posting"));
    }

    /** One resident at two kiosks, limit one per month, both confirm at once: exactly one order. */
    @Test
    void theSameResidentAtTwoKiosksGetsTheLimitOnce() throws Exception {
        Item oil = f.item("食用油", PRICE, UNITS, 1, LimitPeriod.MONTH);
        Resident zhang = f.resident("张桂兰", "10000001");
        f.earn(zhang, EARNED);
        for (int round = 0; round < 5; round++) {
            ExecutorService kiosks = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (String kiosk : List.of("kiosk-1", "kiosk-2")) {
                String key = kiosk + "-" + round;
                outcomes.add(kiosks.submit(() -> {
                    start.await();
                    try {
                        f.market.redeem(zhang.id(), List.of(new OrderRequest(oil.id(), 1, PRICE)), key,
                                Actor.resident(zhang.id()));
                        return "ok";
                    } catch (InvalidInputException refused) {
                        return refused.problems().get(0).key();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            kiosks.shutdown();
            results.sort(null);
            assertEquals(round == 0 ? List.of("lovemarket.problem.limitReached.month", "ok")
                    : List.of("lovemarket.problem.limitReached.month", "lovemarket.problem.limitReached.month"),
                    results);
        }
        assertEquals(EARNED - PRICE, f.balance(zhang));
        assertEquals(UNITS - 1, f.market.item(oil.id()).orElseThrow().stock());
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = f.db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
