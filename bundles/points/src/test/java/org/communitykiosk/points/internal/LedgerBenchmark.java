package org.communitykiosk.points.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

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
 * Each operation is one transaction of the real ledger code: a spend of 1 point from one of the writer's own
 * residents to the love market = 1 transfer row, 2 balance-row updates, 2 posting rows and 1 audit row, committed.
 * All writers credit the same love-market balance row, as at a real kiosk, so that row's lock is held through each
 * commit's log force: the 8-writer figure shows how far Derby's group commit gets past that hot row.
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

        for (int writers : new int[] { 1, 8 }) {
            Path db = dir.resolve("derby-" + writers);
            double transfers = run(db, writers, seconds);
            System.out.printf("%d writer(s): %.0f durable transfers/s = %.0f postings/s; %.2f of the fsync rate%n",
                    writers, transfers, 2 * transfers, transfers / fsync);
            shutdown(db);
        }
        deleteTree(dir);
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

    static double run(Path path, int writers, int seconds) throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(path.toString());
        dataSource.setCreateDatabase("create");
        try (Connection ignored = dataSource.getConnection()) {
            // created
        }
        Clock clock = Clock.systemUTC();
        Settings settings = Settings.defaults();
        Transactions transactions = new JdbcTransactions(dataSource);
        JdbcSchemaMigrations migrations = new JdbcSchemaMigrations(transactions, clock);
        JdbcAuditLog audit = new JdbcAuditLog(transactions, migrations, settings, clock);
        JdbcResidentDirectory residents = new JdbcResidentDirectory(transactions, migrations, audit, clock);
        JdbcLedger ledger = new JdbcLedger(transactions, migrations, audit, clock, residents);

        List<Resident> payers = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Resident r = residents.create(new ResidentDraft("Bench " + i, Long.toString(20_000_000L + i), null, "1",
                    "1-101", "B" + i, null, null), Actor.system("bench"));
            ledger.book(TransferKind.EARN, Account.ISSUED, Account.resident(r.id()), 100_000_000L, null, 0, null,
                    Actor.system("bench"));
            payers.add(r);
        }
        // warm-up: JIT and Derby's statement cache
        for (int i = 0; i < 200; i++) {
            ledger.spend(payers.get(0).id(), 1, Account.LOVE_MARKET, null, "warm:" + i, Actor.system("bench"));
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
                for (long n = 0; !stop.get(); n++) {
                    ledger.spend(payer.id(), 1, Account.LOVE_MARKET, null, "bench:" + writer + ":" + n, actor);
                    done.incrementAndGet();
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
        pool.shutdown();
        return done.get() / elapsed;
    }

    private static void shutdown(Path path) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(path.toString());
        ds.setShutdownDatabase("shutdown");
        try (Connection ignored = ds.getConnection()) {
            // not reached: Derby reports a shutdown as an exception
        } catch (SQLException e) {
            // 08006: database shut down
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
