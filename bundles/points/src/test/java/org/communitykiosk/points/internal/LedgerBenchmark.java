package org.communitykiosk.points.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.communitykiosk.api.Actor;
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

/**
 * Durable ledger postings per second on a FILE-based embedded Derby (full durability: every commit is forced to
 * disk), with 1 and with 8 concurrent writers, printed next to the machine's fsync rate measured in the same run and
 * directory, so that the figure reads as a fraction of the physical limit. Not a unit test (its name does not end in
 * Test); the lead runs it, for example:
 *
 * <pre>{@code
 * cd bundles/points && mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.communitykiosk.points.internal.LedgerBenchmark [seconds per run, default 10] [dir, default a temp dir]
 * }</pre>
 *
 * Each operation is one transaction of the real ledger code (1 transfer row, 2 balance-row updates, 2 posting rows,
 * 1 audit row, committed), over a small fixed connection pool as pax-jdbc gives the kiosk. Two workloads: spends of
 * 1 point to the love market, where all writers credit the same love-market account, as at a real kiosk (its credits
 * are spread over the account's part rows, see {@link JdbcLedger}); and household transfers, where each writer moves
 * points between its own two residents, so nothing but the tables' indexes is shared. The JVM first runs both
 * workloads unmeasured, and each run first does its work unmeasured for as long as it measures.
 */
public final class LedgerBenchmark {

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = args.length > 1 ? Files.createDirectories(Path.of(args[1]))
                : Files.createTempDirectory("points-bench");
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        if ("test".equalsIgnoreCase(System.getProperty("derby.system.durability"))) {
            throw new IllegalStateException("derby.system.durability=test relaxes durability; unset it");
        }
        System.out.printf("points ledger benchmark, %d s per run, in %s (java %s, %d cpus)%n", seconds, dir,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        double fsync = fsyncRate(dir, Math.max(2, seconds / 2));
        System.out.printf("fsync (FileChannel.force, 512-byte appends): %.0f /s%n", fsync);

        // a kiosk's JVM has been running the ledger for hours: both workloads once, unmeasured, so that the JIT has
        // compiled Derby's paths before any figure is taken (measured first otherwise, a workload came out 1.5-2x
        // slower than the same workload measured second)
        for (boolean hotRow : new boolean[] { true, false }) {
            Path db = dir.resolve("derby-warm-up" + (hotRow ? "-spend" : "-household"));
            run(db, 8, seconds, hotRow);
            DerbyFiles.shutdown(db);
        }
        for (boolean hotRow : new boolean[] { true, false }) {
            System.out.println(hotRow ? "spend to the love market (every writer credits the same account):"
                    : "household transfers (each writer its own two residents, no shared balance row):");
            for (int writers : new int[] { 1, 8 }) {
                Path db = dir.resolve("derby-" + writers + (hotRow ? "-spend" : "-household"));
                double transfers = run(db, writers, seconds, hotRow);
                System.out.printf("  %d writer(s): %.0f durable transfers/s = %.0f postings/s; %.2f of the fsync"
                        + " rate%n", writers, transfers, 2 * transfers, transfers / fsync);
                DerbyFiles.shutdown(db);
            }
        }
        DerbyFiles.deleteTree(dir);
    }

    static double fsyncRate(Path dir, int seconds) throws IOException {
        Path file = dir.resolve("fsync.bin");
        long count = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(512);
            while (System.nanoTime() < end) {
                block.clear();
                channel.write(block);
                channel.force(false);
                count++;
            }
        }
        double rate = count / ((System.nanoTime() - start) / 1e9);
        Files.delete(file);
        return rate;
    }

    static double run(Path path, int writers, int seconds, boolean hotRow) throws Exception {
        EmbeddedDataSource dataSource = DerbyFiles.create(path);
        Clock clock = Clock.systemUTC();
        Settings settings = Settings.defaults();
        ConnectionPool connections = new ConnectionPool(dataSource, writers + 2);
        Transactions transactions = new JdbcTransactions(connections);
        JdbcSchemaMigrations migrations = new JdbcSchemaMigrations(transactions, clock);
        JdbcAuditLog audit = new JdbcAuditLog(transactions, migrations, settings, clock);
        JdbcResidentDirectory residents = new JdbcResidentDirectory(transactions, migrations, audit, clock);
        JdbcLedger ledger = new JdbcLedger(transactions, migrations, audit, clock, residents);

        List<Resident> payers = new ArrayList<>();
        List<Resident> partners = new ArrayList<>();
        long card = 20_000_000L;
        for (int i = 0; i < writers; i++) {
            for (List<Resident> list : List.of(payers, partners)) {
                Resident r = residents.create(new ResidentDraft("Bench " + i, Long.toString(card++), null, "1",
                        "1-101", "B" + i, null, null), Actor.system("bench"));
                ledger.book(TransferKind.EARN, Account.ISSUED, Account.resident(r.id()), 100_000_000L, null, 0,
                        null, Actor.system("bench"));
                list.add(r);
            }
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Resident payer = payers.get(w);
            int writer = w;
            futures.add(pool.submit(() -> {
                go.await();
                Actor actor = Actor.resident(payer.id());
                Resident partner = partners.get(writer);
                for (long n = 0; !stop.get(); n++) {
                    String key = "bench:" + writer + ":" + n;
                    if (hotRow) {
                        ledger.spend(payer.id(), 1, Account.LOVE_MARKET, null, key, actor);
                    } else if (n % 2 == 0) {
                        ledger.transferToHousehold(payer.id(), partner.id(), 1, key, actor);
                    } else {
                        ledger.transferToHousehold(partner.id(), payer.id(), 1, key, actor);
                    }
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        // the same workload first, unmeasured: Derby generates its statement classes anew for each database, and a
        // fresh database's first seconds are not what a kiosk that runs for weeks sees
        Thread.sleep(seconds * 1000L);
        long before = done.get();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long after = done.get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        connections.closeAll();
        return (after - before) / elapsed;
    }
}
