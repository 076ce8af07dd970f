package org.communitykiosk.lovemarket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The draw itself: fair over many seeds, the priority quota kept, the same seed the same result. */
class LotteryDrawTest {

    private static final int DRAWS = 20_000;

    private static List<Long> requesters(int n) {
        // ids not in order, as requests arrive
        List<Long> ids = new ArrayList<>(LongStream.rangeClosed(1, n).map(i -> i * 7 + 100).boxed().toList());
        java.util.Collections.reverse(ids);
        return ids;
    }

    private static Map<Long, Integer> wins(List<Long> requesters, Set<Long> priority, int units, int quota) {
        Map<Long, Integer> wins = new HashMap<>();
        for (long seed = 1; seed <= DRAWS; seed++) {
            for (LotteryDraw.Drawn d : LotteryDraw.draw(requesters, priority, units, quota, seed, r -> true)) {
                assertEquals(LotteryDraw.Outcome.WON, d.outcome());
                wins.merge(d.residentId(), 1, Integer::sum);
            }
        }
        return wins;
    }

    @Test
    void everyRequesterWinsWithFrequencyUnitsOverRequests() {
        List<Long> requesters = requesters(12);
        Map<Long, Integer> wins = wins(requesters, Set.of(), 3, 0);
        double expected = 3.0 / 12;
        // binomial standard deviation over 20000 draws is about 0.003; 0.015 is five of them
        for (long r : requesters) {
            double frequency = wins.getOrDefault(r, 0) / (double) DRAWS;
            assertEquals(expected, frequency, 0.015, "resident " + r);
        }
        assertEquals(3 * DRAWS, wins.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void thePriorityQuotaGoesToFlaggedHouseholdsFirstAndTheRestIsFairAmongEveryoneElse() {
        List<Long> requesters = requesters(20);
        Set<Long> flagged = Set.of(requesters.get(0), requesters.get(5), requesters.get(9));
        int units = 5;
        int quota = 2;
        for (long seed = 1; seed <= 2_000; seed++) {
            List<LotteryDraw.Drawn> drawn = LotteryDraw.draw(requesters, flagged, units, quota, seed, r -> true);
            assertEquals(units, drawn.size());
            assertTrue(drawn.get(0).priority() && drawn.get(1).priority(), "the quota is drawn first");
            assertTrue(flagged.containsAll(drawn.subList(0, 2).stream().map(LotteryDraw.Drawn::residentId).toList()));
            assertTrue(drawn.subList(2, units).stream().noneMatch(LotteryDraw.Drawn::priority));
            assertEquals(units, new HashSet<>(drawn.stream().map(LotteryDraw.Drawn::residentId).toList()).size(),
                    "nobody wins twice");
        }
        Map<Long, Integer> wins = wins(requesters, flagged, units, quota);
        // flagged: 2 of 3 through the quota, then the third among the 18 left for 3 units
        double flaggedExpected = 2.0 / 3 + (1.0 / 3) * (3.0 / 18);
        double otherExpected = (17.0 / 18) * 3 / 17;
        for (long r : requesters) {
            double frequency = wins.getOrDefault(r, 0) / (double) DRAWS;
            assertEquals(flagged.contains(r) ? flaggedExpected : otherExpected, frequency, 0.015, "resident " + r);
        }
    }

    @Test
    void aQuotaLargerThanTheFlaggedRequestersLeavesTheRestToEveryone() {
        List<Long> requesters = requesters(6);
        List<LotteryDraw.Drawn> drawn = LotteryDraw.draw(requesters, Set.of(requesters.get(2)), 4, 3, 42, r -> true);
        assertEquals(4, drawn.size());
        assertEquals(requesters.get(2), drawn.get(0).residentId());
        assertEquals(1, drawn.stream().filter(LotteryDraw.Drawn::priority).count());
    }

    @Test
    void theSameSeedGivesTheSameDrawWhateverTheOrderOfRequests() {
        List<Long> requesters = requesters(30);
        List<Long> shuffled = new ArrayList<>(requesters);
        java.util.Collections.shuffle(shuffled, new java.util.Random(1));
        Set<Long> flagged = Set.of(requesters.get(3), requesters.get(4));
        List<LotteryDraw.Drawn> first = LotteryDraw.draw(requesters, flagged, 6, 1, 987654321L, r -> true);
        assertEquals(first, LotteryDraw.draw(shuffled, flagged, 6, 1, 987654321L, r -> true));
        assertNotEquals(first, LotteryDraw.draw(requesters, flagged, 6, 1, 987654322L, r -> true));
    }

    @Test
    void aWinnerWhoCannotPayIsSkippedAndTheNextOneDrawnGetsTheUnit() {
        List<Long> requesters = requesters(10);
        List<LotteryDraw.Drawn> all = LotteryDraw.draw(requesters, Set.of(), 10, 0, 5, r -> true);
        long broke = all.get(0).residentId();
        List<LotteryDraw.Drawn> drawn = LotteryDraw.draw(requesters, Set.of(), 3, 0, 5, r -> r != broke);
        assertEquals(4, drawn.size());
        assertEquals(LotteryDraw.Outcome.SKIPPED, drawn.get(0).outcome());
        assertEquals(List.of(all.get(1).residentId(), all.get(2).residentId(), all.get(3).residentId()),
                drawn.subList(1, 4).stream().map(LotteryDraw.Drawn::residentId).toList());
    }
}
