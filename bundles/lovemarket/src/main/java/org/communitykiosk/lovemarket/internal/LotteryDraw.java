package org.communitykiosk.lovemarket.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The drawing of lots for a scarce item, a pure function of its inputs so that anyone holding the seed can repeat
 * it: requesters are sorted by resident id, then shuffled with {@link Random} (whose algorithm the Java
 * specification fixes) seeded with the recorded seed. Households in difficulty are drawn first, up to the priority
 * quota; then everyone not yet drawn (the remaining flagged requesters too) for the rest of the units. A drawn
 * requester who cannot be awarded (not enough points) is skipped and the next one drawn gets the unit.
 */
final class LotteryDraw {

    enum Outcome { WON, SKIPPED }

    /** One requester drawn, in drawing order ({@code rank} 1, 2, ...). */
    record Drawn(long residentId, int rank, boolean priority, Outcome outcome) {
    }

    private LotteryDraw() {
    }

    /**
     * @param requesters resident ids, each once
     * @param prioritized the requesters of flagged households
     * @param award tries to give one unit to a resident; {@code false} when it could not (the resident is skipped)
     */
    static List<Drawn> draw(List<Long> requesters, Set<Long> prioritized, int units, int priorityUnits, long seed,
            LongPredicate award) {
        Random random = new Random(seed);
        List<Long> everyone = new ArrayList<>(requesters);
        Collections.sort(everyone);
        List<Long> flagged = new ArrayList<>(everyone.stream().filter(prioritized::contains).toList());
        Collections.shuffle(flagged, random);

        List<Drawn> drawn = new ArrayList<>();
        int won = 0;
        for (long resident : flagged) {
            if (won >= Math.min(priorityUnits, units)) {
                break;
            }
            boolean ok = award.test(resident);
            drawn.add(new Drawn(resident, drawn.size() + 1, true, ok ? Outcome.WON : Outcome.SKIPPED));
            won += ok ? 1 : 0;
        }
        List<Long> rest = new ArrayList<>(everyone);
        rest.removeAll(drawn.stream().map(Drawn::residentId).toList());
        Collections.shuffle(rest, random);
        for (long resident : rest) {
            if (won >= units) {
                break;
            }
            boolean ok = award.test(resident);
            drawn.add(new Drawn(resident, drawn.size() + 1, false, ok ? Outcome.WON : Outcome.SKIPPED));
            won += ok ? 1 : 0;
        }
        return drawn;
    }
}
