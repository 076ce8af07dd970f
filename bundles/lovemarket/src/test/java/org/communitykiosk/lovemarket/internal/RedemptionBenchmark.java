package org.communitykiosk.lovemarket.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.core.internal.Settings;
import org.communitykiosk.core.internal.audit.JdbcAuditLog;
import org.communitykiosk.core.internal.resident.JdbcResidentDirectory;
import org.communitykiosk.core.internal.store.JdbcSchemaMigrations;
import org.communitykiosk.core.internal.store.JdbcTransactions;
import org.communitykiosk.core.testing.ConnectionPool;
import org.communitykiosk.core.testing.DerbyFiles;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.TransferKind;
import org.communitykiosk.points.internal.JdbcLedger;

/**
 * Love-market redemptions per second from 8 concurrent kiosks on a FILE-based embedded Derby with full durability
 * (every commit forced to disk), through the real store and the real points ledger: each redemption is one
 * transaction (stock UPDATE, order, line, ledger spend with its postings and balances, two audit rows). Then the
 * last-units race: 8 kiosks, 50 residents, 10 units. Afterwards it checks that nothing was oversold (per item, units
 * sold = stock taken, stock never negative) and that the ledger agrees with the orders (the love market's balance is
 * the sum of the order totals, every resident's balance is what was earned minus what was redeemed, all balances sum
 * to zero), and exits with status 1 if not. Not a unit test (its name does not end in Test); for example:
 *
 * <pre>{@code
 * cd bundles/lovemarket && mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.communitykiosk.lovemarket.internal.RedemptionBenchmark [seconds, default 10] [dir, default a temp dir]
 * }</pre>
 */
public final class RedemptionBenchmark {

    private static final int KIOSKS = 8;
    private static final int RESIDENTS = 200;
    private static final int ITEMS = 10;
    private static final int UNITS_PER_ITEM = 10_000;
    private static final long EARNED = 10_000_000;

    private RedemptionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = args.length > 1 ? Files.createDirectories(Path.of(args[1]))
                : Files.createTempDirectory("lovemarket-bench");
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        if ("test".equalsIgnoreCase(System.getProperty("derby.system.durability"))) {
            throw new IllegalStateException("derby.system.durability=test relaxes durability; unset it");
        }
        System.out.printf("love-market redemption benchmark, %d kiosks, %d s, in %s (java %s, %d cpus)%n", KIOSKS,
                seconds, dir, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        Path path = dir.resolve("derby");
        ConnectionPool pool = new ConnectionPool(DerbyFiles.create(path), KIOSKS + 2);
        Clock clock = Clock.systemDefaultZone();
        Transactions transactions = new JdbcTransactions(pool);
        JdbcSchemaMigrations migrations = new JdbcSchemaMigrations(transactions, clock);
        JdbcAuditLog audit = new JdbcAuditLog(transactions, migrations, Settings.defaults(), clock);
        JdbcResidentDirectory residents = new JdbcResidentDirectory(transactions, migrations, audit, clock);
        JdbcLedger ledger = new JdbcLedger(transactions, migrations, audit, clock, residents);
        JdbcLoveMarket market = new JdbcLoveMarket(transactions, migrations, audit, clock, ledger);
        Actor staff = Actor.staff("bench");

        List<Resident> people = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            Resident r = residents.create(new ResidentDraft("Bench " + i, Long.toString(30_000_000L + i), null, "1",
                    "1-101", "B" + i, null, null), Actor.system("bench"));
            ledger.book(TransferKind.EARN, Account.ISSUED, Account.resident(r.id()), EARNED, "bench", 0, null,
                    Actor.system("bench"));
            people.add(r);
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            Item item = market.createItem(new ItemDraft("物品" + i, "日用品", 1 + i, 0, LimitPeriod.MONTH, true, 0),
                    staff);
            market.intake("bench", List.of(new IntakeLine(item.id(), UNITS_PER_ITEM)), staff);
            items.add(market.item(item.id()).orElseThrow());
        }
        // warm-up: JIT and Derby's statement cache
        for (int i = 0; i < 100; i++) {
            Item item = items.get(i % ITEMS);
            market.redeem(people.get(i % RESIDENTS).id(), List.of(new OrderRequest(item.id(), 1, item.price())),
                    "warm:" + i, staff);
        }

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService kiosks = Executors.newFixedThreadPool(KIOSKS);
        List<Future<?>> futures = new ArrayList<>();
        for (int k = 0; k < KIOSKS; k++) {
            int kiosk = k;
            futures.add(kiosks.submit(() -> {
                go.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (long n = 0; !stop.get(); n++) {
                    Resident r = people.get(random.nextInt(RESIDENTS));
                    Item item = items.get(random.nextInt(ITEMS));
                    try {
                        market.redeem(r.id(), List.of(new OrderRequest(item.id(), 1 + random.nextInt(2),
                                item.price())), "bench:" + kiosk + ":" + n, Actor.resident(r.id()));
                        done.incrementAndGet();
                    } catch (InvalidInputException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Future<?> f : futures) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %d redemptions in %.1f s: %.0f durable redemptions/s (%d refused)%n", done.get(),
                elapsed, done.get() / elapsed, refused.get());

        // the last units: 50 residents at 8 kiosks for 10 units
        Item last = market.createItem(new ItemDraft("最后十件", "日用品", 7, 0, LimitPeriod.MONTH, true, 0), staff);
        market.intake("bench", List.of(new IntakeLine(last.id(), 10)), staff);
        CountDownLatch race = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Resident r = people.get(i);
            outcomes.add(kiosks.submit(() -> {
                race.await();
                try {
                    market.redeem(r.id(), List.of(new OrderRequest(last.id(), 1, 7)), "race:" + r.id(),
                            Actor.resident(r.id()));
                    return true;
                } catch (InvalidInputException e) {
                    return false;
                }
            }));
        }
        race.countDown();
        int won = 0;
        for (Future<Boolean> f : outcomes) {
            won += f.get() ? 1 : 0;
        }
        kiosks.shutdown();
        System.out.printf("  last units: 50 residents, 8 kiosks, 10 units: %d redeemed%n", won);

        List<String> failures = check(pool, ledger, people, won);
        System.out.println(failures.isEmpty()
                ? "  checks: no oversell (units sold = stock taken per item, no negative stock), ledger consistent"
                        + " (love market = sum of orders, each resident = earned - redeemed, balances sum to 0): OK"
                : "  checks FAILED: " + failures);
        pool.closeAll();
        DerbyFiles.shutdown(path);
        DerbyFiles.deleteTree(dir);
        if (!failures.isEmpty()) {
            System.exit(1);
        }
    }

    private static List<String> check(DataSource db, JdbcLedger ledger, List<Resident> people, int raceWon)
            throws SQLException {
        List<String> failures = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT i.id, i.stock, (SELECT COALESCE(SUM(m.delta), 0)"
                    + " FROM lovemarket_stock_move m WHERE m.item_id = i.id), (SELECT COALESCE(SUM(l.quantity), 0)"
                    + " FROM lovemarket_order_line l WHERE l.item_id = i.id) FROM lovemarket_item i");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long stock = rs.getLong(2);
                    long received = rs.getLong(3);
                    long sold = rs.getLong(4);
                    if (stock < 0 || stock != received - sold) {
                        failures.add("item " + rs.getLong(1) + ": stock " + stock + ", received " + received
                                + ", sold " + sold);
                    }
                }
            }
            if (raceWon != 10) {
                failures.add("last units: " + raceWon + " redeemed of 10");
            }
            long ordersTotal = scalar(c, "SELECT COALESCE(SUM(total), 0) FROM lovemarket_order WHERE state = 'OPEN'");
            long orderCount = scalar(c, "SELECT COUNT(*) FROM lovemarket_order");
            long paid = scalar(c, "SELECT COUNT(*) FROM lovemarket_order WHERE transfer_id IS NOT NULL");
            if (paid != orderCount) {
                failures.add((orderCount - paid) + " orders without a ledger spend");
            }
            if (ledger.balance(Account.LOVE_MARKET) != ordersTotal) {
                failures.add("love market balance " + ledger.balance(Account.LOVE_MARKET) + " != orders "
                        + ordersTotal);
            }
            long sum = ledger.balance(Account.ISSUED) + ledger.balance(Account.LOVE_MARKET);
            for (Resident r : people) {
                long balance = ledger.balance(Account.resident(r.id()));
                long spent;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT COALESCE(SUM(total), 0) FROM lovemarket_order WHERE resident_id = ?")) {
                    ps.setLong(1, r.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        spent = rs.getLong(1);
                    }
                }
                if (balance != EARNED - spent || balance < 0) {
                    failures.add("resident " + r.id() + ": balance " + balance + ", earned " + EARNED + ", spent "
                            + spent);
                }
                sum += balance;
            }
            if (sum != 0) {
                failures.add("balances sum to " + sum);
            }
        }
        return failures;
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
