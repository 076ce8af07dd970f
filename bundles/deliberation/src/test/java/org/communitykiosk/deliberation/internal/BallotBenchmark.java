package org.communitykiosk.deliberation.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.core.internal.Settings;
import org.communitykiosk.core.internal.audit.JdbcAuditLog;
import org.communitykiosk.core.internal.store.JdbcSchemaMigrations;
import org.communitykiosk.core.internal.store.JdbcTransactions;
import org.communitykiosk.core.testing.DerbyFiles;
import org.communitykiosk.deliberation.internal.Council.Eligibility;
import org.communitykiosk.deliberation.internal.Council.MajorityRule;
import org.communitykiosk.deliberation.internal.Council.MeetingDraft;
import org.communitykiosk.deliberation.internal.Council.MotionDraft;
import org.communitykiosk.deliberation.internal.Council.PollKind;
import org.communitykiosk.deliberation.internal.Council.PollResult;

/**
 * Load driver, not a unit test: 1,000 voters cast one ballot each into one poll from many concurrent "kiosks", through
 * {@link JdbcCouncil#cast} exactly as the booth screen calls it, on a file-based Derby (durable commits) in a temporary
 * directory. Each voter is checked ({@link JdbcCouncil#checkVoter}, as on the card tap) and then casts. Prints
 * ballots per second (both calls), p50/p99 time to acknowledge (the cast: tap on a choice to "recorded"), and the time from the last acknowledgement to a
 * {@link PollEvents} listener (what the projector screen uses) seeing the final count, then the close (which seals the
 * poll) and a verification of the stored ballots against the seal. Fails (exit 1) when a ballot is lost or counted
 * twice, or the poll does not verify.
 *
 * <p>
 * Where the time goes at 50 kiosks (jstack samples of the kiosk threads during a run): with 16 counter rows picked at
 * random, about 70% of the samples waited for a Derby row lock on a counter row held by another ballot until its
 * commit; with 256 rows taken in turn such waits are about 2%, and the rest is the commit's durable log flush (about
 * 80%) and the audit entry's identity sequence (about 10%). On a shared 2-core machine the figures vary by a factor of
 * two from run to run: compare builds by alternating them.
 *
 * <pre>
 * mvn -f bundles/deliberation/pom.xml test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.communitykiosk.deliberation.internal.BallotBenchmark [voters] [kiosks]
 * </pre>
 */
public final class BallotBenchmark {

    private BallotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int voters = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int kiosks = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path dir = Files.createTempDirectory("ballot-bench");
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        EmbeddedDataSource dataSource = DerbyFiles.dataSource(dir.resolve("db"));

        Clock clock = Clock.systemUTC();
        JdbcTransactions transactions = new JdbcTransactions(dataSource);
        JdbcSchemaMigrations migrations = new JdbcSchemaMigrations(transactions, clock);
        JdbcAuditLog audit = new JdbcAuditLog(transactions, migrations, Settings.defaults(), clock);
        PollEvents events = new PollEvents();
        JdbcCouncil council = new JdbcCouncil(transactions, migrations, audit, clock, events, 1);

        Actor chair = Actor.staff("bench");
        long meetingId = council.createMeeting(new MeetingDraft("benchmark", Instant.now(), "room", Eligibility.ALL,
                null, 1), chair).id();
        List<Resident> residents = new ArrayList<>();
        for (long id = 1; id <= voters; id++) {
            Resident resident = new Resident(id, "voter" + id, String.valueOf(30000000 + id), null, "1", "1-101",
                    "H" + id, null, false);
            residents.add(resident);
            council.checkIn(meetingId, resident, chair);
        }
        long pollId = council.addMotion(meetingId, new MotionDraft("benchmark motion", PollKind.YES_NO_ABSTAIN,
                List.of(), 1, true, MajorityRule.CAST), chair).poll().id();
        council.openPoll(pollId, chair);

        // the projector: reads the count after every event, notes when it first shows every ballot
        AtomicLong sawAll = new AtomicLong();
        CountDownLatch allSeen = new CountDownLatch(1);
        events.subscribe(meetingId, () -> {
            int cast = council.status(meetingId).openPoll().map(Council.Poll::ballotsCast).orElse(-1);
            if (cast == voters && sawAll.compareAndSet(0, System.nanoTime())) {
                allSeen.countDown();
            }
        });

        ConcurrentLinkedQueue<Long> ackNanos = new ConcurrentLinkedQueue<>();
        AtomicLong lastAck = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(kiosks);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (Resident voter : residents) {
            done.add(pool.submit(() -> {
                start.await();
                council.checkVoter(pollId, voter); // the booth checks on the card tap, then shows the ballot
                long t0 = System.nanoTime(); // the voter taps a choice: from here to "your vote is recorded"
                council.cast(pollId, voter, List.of((int) (voter.id() % 3)));
                long t1 = System.nanoTime();
                ackNanos.add(t1 - t0);
                lastAck.accumulateAndGet(t1, Math::max);
                return null;
            }));
        }
        long begin = System.nanoTime();
        start.countDown();
        int failed = 0;
        for (Future<?> f : done) {
            try {
                f.get(10, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
                System.out.println("ballot failed: " + e.getCause());
            }
        }
        long end = System.nanoTime();
        pool.shutdown();
        boolean seen = allSeen.await(10, TimeUnit.SECONDS);

        long closing = System.nanoTime();
        council.closePoll(pollId, chair);
        long closed = System.nanoTime();
        Council.Verification verification = council.verify(pollId, chair);
        long verified = System.nanoTime();
        PollResult result = council.result(pollId);
        long[] acks = ackNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("voters %d, kiosks (threads) %d, file Derby in %s%n", voters, kiosks, dir);
        System.out.printf("acknowledged %d, failed %d, counted %d (votes %s), hash chain %s%n", acks.length, failed,
                result.ballots(), result.votes(), VoteRules.verify(council.chain(pollId)) ? "verifies" : "BROKEN");
        System.out.printf("ballots/s %.1f%n", acks.length / ((end - begin) / 1e9));
        System.out.printf("ack p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(acks, 50), percentile(acks, 99),
                acks.length == 0 ? 0 : acks[acks.length - 1] / 1e6);
        System.out.printf("close with its seal %.1f ms; verify against the seal %.1f ms (%s)%n", (closed - closing) / 1e6,
                (verified - closed) / 1e6, verification.intact() ? "intact" : "NOT INTACT");
        System.out.printf("last ballot to listener seeing %d: %s%n", voters,
                seen ? String.format("%.1f ms", Math.max(0, sawAll.get() - lastAck.get()) / 1e6) : "NOT SEEN");
        events.stop();
        DerbyFiles.shutdown(dir.resolve("db"));
        DerbyFiles.deleteTree(dir);
        boolean ok = failed == 0 && result.ballots() == voters && acks.length == voters && seen
                && verification.intact();
        System.out.println(ok ? "OK: every ballot counted exactly once" : "FAILED");
        System.exit(ok ? 0 : 1);
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
