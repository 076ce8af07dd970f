package org.communitykiosk.deliberation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.core.internal.Settings;
import org.communitykiosk.core.internal.audit.JdbcAuditLog;
import org.communitykiosk.core.internal.store.JdbcSchemaMigrations;
import org.communitykiosk.core.internal.store.JdbcTransactions;
import org.communitykiosk.core.testing.DerbyFiles;
import org.communitykiosk.deliberation.internal.Council.ChainEntry;
import org.communitykiosk.deliberation.internal.Council.Eligibility;
import org.communitykiosk.deliberation.internal.Council.MajorityRule;
import org.communitykiosk.deliberation.internal.Council.MeetingDraft;
import org.communitykiosk.deliberation.internal.Council.MotionDraft;
import org.communitykiosk.deliberation.internal.Council.PollKind;
import org.communitykiosk.deliberation.internal.Council.PollResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} during voting: a separate JVM casts ballots through {@link JdbcCouncil#cast} into a file Derby from
 * several threads and prints each receipt only after {@code cast} returned (what the booth shows the voter); the test
 * kills it with {@link Process#destroyForcibly()} (SIGKILL) while ballots are in flight, opens the database again here
 * (Derby recovers from its log) and checks that no acknowledged ballot was lost and nothing was half written.
 */
class BallotCrashTest {

    private static final int VOTERS = 600;
    /** Acknowledgements to see before the kill: well under {@link #VOTERS}, so ballots are in flight. */
    private static final int KILL_AFTER = 120;

    private Path dir;
    private Process child;

    @AfterEach
    void cleanUp() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (dir != null) {
            DerbyFiles.shutdown(dir.resolve("db"));
            DerbyFiles.deleteTree(dir);
        }
    }

    @Test
    void killingTheVotingProcessLosesNoAcknowledgedBallotAndLeavesNothingHalfWritten() throws Exception {
        dir = Files.createTempDirectory("ballot-crash");
        // surefire hands its JVM a manifest-only jar; it names the real class path in this property
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath, Voter.class.getName(), dir.toString(),
                String.valueOf(VOTERS));
        builder.redirectError(dir.resolve("child.err").toFile());
        // stdout into a file, not a pipe: destroyForcibly closes our end of a pipe, and lines the child wrote just
        // before it died would be lost to the test; in a file every acknowledgement printed is there to check
        Path stdout = dir.resolve("child.out");
        builder.redirectOutput(stdout.toFile());
        child = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (acks(stdout) < KILL_AFTER && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20); // polling a file the child appends to; the kill comes as soon as enough are there
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no Derby shutdown
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));

        // receipt -> stored choices, and voter ids, of every ballot the child acknowledged
        Map<String, String> acknowledged = new HashMap<>();
        List<Long> ackVoters = new ArrayList<>();
        long pollId = -1;
        boolean finished = false;
        String written = Files.readString(stdout, StandardCharsets.UTF_8);
        // a last line without its newline was cut by the kill: never a whole acknowledgement (the voter saw nothing)
        written = written.substring(0, written.lastIndexOf('\n') + 1);
        for (String line : written.lines().toList()) {
            String[] f = line.split(" ");
            if (f[0].equals("POLL")) {
                pollId = Long.parseLong(f[1]);
            } else if (f[0].equals("ACK")) {
                ackVoters.add(Long.parseLong(f[1]));
                acknowledged.put(f[2], f.length > 3 ? f[3] : "");
            } else {
                finished = true; // DONE, or FAILED with the first failure
                assertEquals("DONE", line);
            }
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertTrue(pollId > 0, "the child opened a poll: " + Files.readString(dir.resolve("child.err")));
        assertFalse(finished, "killed while voting, not after");
        assertTrue(acknowledged.size() >= KILL_AFTER, "acknowledged " + acknowledged.size());

        // the kiosk restarts: same code, same database, after Derby's recovery
        EmbeddedDataSource dataSource = DerbyFiles.dataSource(dir.resolve("db"));
        Clock clock = Clock.systemUTC();
        JdbcTransactions transactions = new JdbcTransactions(dataSource);
        JdbcSchemaMigrations migrations = new JdbcSchemaMigrations(transactions, clock);
        JdbcAuditLog audit = new JdbcAuditLog(transactions, migrations, Settings.defaults(), clock);
        PollEvents events = new PollEvents();
        try {
            JdbcCouncil council = new JdbcCouncil(transactions, migrations, audit, clock, events, 1);
            Map<String, String> stored = new HashMap<>();
            int register;
            int distinctVoters;
            int counted;
            List<Long> registered = new ArrayList<>();
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT receipt, choices FROM deliberation_ballot WHERE poll_id = ?")) {
                    ps.setLong(1, pollId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            assertEquals(null, stored.put(rs.getString(1), rs.getString(2)), "receipt twice");
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT resident_id FROM deliberation_voter_register WHERE poll_id = ?")) {
                    ps.setLong(1, pollId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            registered.add(rs.getLong(1));
                        }
                    }
                }
                register = registered.size();
                distinctVoters = (int) registered.stream().distinct().count();
                counted = single(c, "SELECT SUM(ballots) FROM deliberation_poll_counter WHERE poll_id = ?", pollId);
            }

            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                assertEquals(ack.getValue(), stored.get(ack.getKey()), "acknowledged ballot " + ack.getKey());
            }
            assertTrue(registered.containsAll(ackVoters), "every acknowledged voter is in the register");
            assertEquals(stored.size(), register, "a ballot for every register row and no other");
            assertEquals(register, distinctVoters, "no voter twice");
            assertEquals(register, counted, "the counter rows agree with the ballots");
            assertTrue(register < VOTERS, "the kill came before the last ballot: " + register);

            // and the vote closes normally: every ballot in the box counts, the chain covers exactly them
            council.closePoll(pollId, Actor.staff("chair"));
            PollResult result = council.result(pollId);
            assertEquals(register, result.ballots());
            List<ChainEntry> chain = council.chain(pollId);
            assertTrue(VoteRules.verify(chain));
            Map<String, String> published = new HashMap<>();
            chain.forEach(e -> published.put(e.receipt(), e.choices()));
            assertEquals(stored, published);
        } finally {
            events.stop();
        }
    }

    private static long acks(Path stdout) throws java.io.IOException {
        try (var lines = Files.lines(stdout, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.startsWith("ACK ")).count();
        } catch (java.io.UncheckedIOException e) {
            return 0; // a line half written as we read it
        }
    }

    private static int single(Connection c, String sql, long pollId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, pollId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * The voting kiosks, in their own JVM: {@code POLL <id>} once the poll is open, then {@code ACK <voter> <receipt>
     * <choices>} for each ballot after {@link JdbcCouncil#cast} returned, {@code DONE} at the end (never reached when
     * killed in time).
     */
    public static final class Voter {

        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            int voters = Integer.parseInt(args[1]);
            System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
            PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                    StandardCharsets.UTF_8);
            Clock clock = Clock.systemUTC();
            JdbcTransactions transactions = new JdbcTransactions(DerbyFiles.dataSource(dir.resolve("db")));
            JdbcSchemaMigrations migrations = new JdbcSchemaMigrations(transactions, clock);
            JdbcAuditLog audit = new JdbcAuditLog(transactions, migrations, Settings.defaults(), clock);
            JdbcCouncil council = new JdbcCouncil(transactions, migrations, audit, clock, new PollEvents(), 1);
            Actor chair = Actor.staff("chair");
            long meetingId = council.createMeeting(new MeetingDraft("crash", Instant.now(), "room", Eligibility.ALL,
                    null, 1), chair).id();
            List<Resident> residents = new ArrayList<>();
            for (long id = 1; id <= voters; id++) {
                Resident resident = new Resident(id, "voter" + id, String.valueOf(40000000 + id), null, "1", "1-101",
                        "H" + id, null, false);
                residents.add(resident);
                council.checkIn(meetingId, resident, chair);
            }
            long pollId = council.addMotion(meetingId, new MotionDraft("crash motion", PollKind.UP_TO_K,
                    List.of("A", "B", "C"), 2, true, MajorityRule.CAST), chair).poll().id();
            Council.Poll poll = council.openPoll(pollId, chair);
            synchronized (out) {
                out.println("POLL " + pollId);
                out.flush();
            }
            ExecutorService kiosks = Executors.newFixedThreadPool(8);
            CountDownLatch done = new CountDownLatch(residents.size());
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            for (Resident voter : residents) {
                kiosks.submit(() -> {
                    try {
                        // blank, one or two choices: the stored forms differ, so a changed ballot would show
                        List<Integer> choices = switch ((int) (voter.id() % 4)) {
                            case 0 -> List.of();
                            case 1 -> List.of(0);
                            case 2 -> List.of(1, 2);
                            default -> List.of(2);
                        };
                        Council.Receipt receipt = council.cast(pollId, voter, choices);
                        String stored = VoteRules.choices(poll, choices);
                        synchronized (out) {
                            out.println("ACK " + voter.id() + " " + receipt.code() + " " + stored);
                            out.flush();
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
            kiosks.shutdown();
            synchronized (out) {
                out.println(failures.isEmpty() ? "DONE" : "FAILED " + failures.get(0));
                out.flush();
            }
            System.exit(0);
        }
    }
}
