package org.communitykiosk.points.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.core.testing.TestDatabase;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.Ledger;
import org.communitykiosk.points.api.Transfer;
import org.communitykiosk.points.api.TransferKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random concurrent earnings, spends, household transfers, donations and refunds from 8 threads on a
 * few accounts (so they collide), then: every balance row equals the sum of its postings, no balance is negative
 * (except the issuing account), every transfer has exactly two postings summing to zero, and the whole ledger sums
 * to zero.
 */
class LedgerInvariantTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS = 3000;

    private final TestDatabase db = new TestDatabase();
    private final JdbcLedger ledger = LedgerTest.ledger(db);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void randomConcurrentMovementsKeepTheBooksBalanced() throws Exception {
        List<Resident> residents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            residents.add(LedgerTest.resident(db, "R" + i, "1000010" + i, i < 3 ? "H1" : "H2"));
        }
        ConcurrentLinkedQueue<Long> refundable = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger booked = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                start.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int n; (n = next.getAndIncrement()) < OPERATIONS;) {
                    Resident r = residents.get(random.nextInt(residents.size()));
                    Resident other = residents.get(random.nextInt(residents.size()));
                    long points = 1 + random.nextInt(20);
                    String key = "op:" + n;
                    Actor actor = Actor.resident(r.id());
                    try {
                        Transfer done = switch (random.nextInt(6)) {
                            case 0, 1 -> ledger.book(TransferKind.EARN, Account.ISSUED, Account.resident(r.id()),
                                    points, null, 0, key, Actor.system("test"));
                            case 2 -> ledger.spend(r.id(), points, Account.LOVE_MARKET, null, key, actor);
                            case 3 -> ledger.transferToHousehold(r.id(), other.id(), points, key, actor);
                            case 4 -> ledger.donate(r.id(), points, key, actor);
                            default -> {
                                Long id = refundable.poll();
                                yield id == null ? null : ledger.refund(id, key, actor);
                            }
                        };
                        if (done != null) {
                            booked.incrementAndGet();
                            if (done.kind() != TransferKind.REFUND && random.nextInt(3) == 0) {
                                refundable.add(done.id());
                            }
                            // a repeat with the same key books nothing more
                            if (random.nextInt(20) == 0 && done.kind() == TransferKind.SPEND) {
                                assertEquals(done, ledger.spend(r.id(), points, Account.LOVE_MARKET, null, key, actor));
                            }
                        }
                    } catch (InvalidInputException expected) {
                        // insufficient balance, other household, already refunded: refused, nothing written
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertTrue(booked.get() > OPERATIONS / 3, "booked " + booked + ", refused " + refused);
        try (Connection c = db.dataSource().getConnection()) {
            Map<String, Long> sums = map(c, "SELECT account, SUM(amount) FROM points_posting GROUP BY account");
            // a community account's balance is its row plus its parts (credits spread over rows, refunds fold them)
            Map<String, Long> balances = map(c, "SELECT account, SUM(balance) FROM (SELECT account, balance FROM"
                    + " points_account UNION ALL SELECT account, balance FROM points_account_part) b GROUP BY account");
            assertEquals(sums, balances, "every balance equals the sum of its postings");
            assertTrue(map(c, "SELECT account, COUNT(*) FROM points_account_part GROUP BY account")
                    .get(Account.LOVE_MARKET.id()) > 1, "spends were spread over parts");
            for (String account : sums.keySet()) {
                assertEquals(sums.get(account), ledger.balance(new Account(account)), account);
            }
            balances.forEach((account, balance) -> assertTrue(balance >= 0 || account.equals(Account.ISSUED.id()),
                    account + " is negative: " + balance));
            assertEquals(Map.of(), map(c, "SELECT account, balance FROM points_account WHERE balance < 0 AND account <>"
                    + " 'issued' UNION ALL SELECT account, balance FROM points_account_part WHERE balance < 0"
                    + " AND account <> 'issued'"), "no negative balance row");
            assertEquals(0L, balances.values().stream().mapToLong(Long::longValue).sum(), "the ledger sums to zero");
            assertEquals(Map.of(), map(c, "SELECT t.id, SUM(p.amount) FROM points_transfer t JOIN points_posting p"
                    + " ON p.transfer_id = t.id GROUP BY t.id HAVING SUM(p.amount) <> 0 OR COUNT(*) <> 2"
                    + " OR MAX(p.amount) <> MAX(t.points)"), "each transfer: two postings summing to zero");
            assertEquals(Map.of(), map(c, "SELECT t.id, COUNT(p.id) FROM points_transfer t LEFT JOIN points_posting p"
                    + " ON p.transfer_id = t.id GROUP BY t.id HAVING COUNT(p.id) <> 2"), "no transfer without postings");
            assertEquals(booked.get(), map(c, "SELECT 'n', COUNT(*) FROM points_transfer").get("n"));
        }
        for (Resident r : residents) {
            assertEquals(ledger.balance(Account.resident(r.id())),
                    ledger.statement(Account.resident(r.id()), 0, 100_000).stream().mapToLong(e -> e.amount()).sum());
        }
        assertTrue(ledger.balance(Account.ISSUED) < 0);
        assertEquals(Ledger.class, ledger.getClass().getInterfaces()[0]);
    }

    private static Map<String, Long> map(Connection c, String sql) throws SQLException {
        Map<String, Long> map = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                map.put(rs.getString(1), rs.getLong(2));
            }
        }
        return map;
    }
}
