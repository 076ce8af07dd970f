package org.communitykiosk.lovemarket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.resident.Resident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SwapBoardTest {

    private final Fixture f = new Fixture();
    private final JdbcSwapBoard swaps = new JdbcSwapBoard(f.db.transactions(), f.db.migrations(), f.db.auditLog(),
            f.db.clock(), config(7));
    private final Resident zhang = f.resident("张桂兰", "10000001");
    private final Resident li = f.resident("李建国", "10000002");
    private final Resident wang = f.resident("王秀英", "10000003");

    static SwapConfig config(int days) {
        return new SwapConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SwapConfig.class;
            }

            @Override
            public int entryDays() {
                return days;
            }
        };
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static SwapEntry entry(long owner, SwapEntry.Kind kind, String title, String category) {
        return new SwapEntry(0, owner, kind, title, category, "", SwapEntry.State.OPEN, 0, null, Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void matchingNeedsOppositeKindsSameCategoryAndAWordInCommon() {
        SwapEntry have = entry(1, SwapEntry.Kind.HAVE, "儿童自行车 九成新", "儿童用品");
        assertTrue(SwapRules.matches(have, entry(2, SwapEntry.Kind.WANT, "想要一辆自行车", "儿童用品")));
        assertFalse(SwapRules.matches(have, entry(2, SwapEntry.Kind.WANT, "想要一辆自行车", "家具")), "category");
        assertFalse(SwapRules.matches(have, entry(2, SwapEntry.Kind.HAVE, "自行车", "儿童用品")), "both HAVE");
        assertFalse(SwapRules.matches(have, entry(1, SwapEntry.Kind.WANT, "自行车", "儿童用品")), "own entry");
        assertFalse(SwapRules.matches(have, entry(2, SwapEntry.Kind.WANT, "书架", "儿童用品")), "no word");
        assertTrue(SwapRules.matches(entry(1, SwapEntry.Kind.HAVE, "Kids Bike", "toys"),
                entry(2, SwapEntry.Kind.WANT, "a bike please", "Toys")));
    }

    @Test
    void postAskPromiseAndCloseWithTheCode() {
        SwapEntry bike = swaps.post(zhang.id(), SwapEntry.Kind.HAVE, "儿童自行车", "儿童用品", "九成新",
                Actor.resident(zhang.id()));
        SwapEntry want = swaps.post(li.id(), SwapEntry.Kind.WANT, "自行车", "儿童用品", "", Actor.resident(li.id()));
        assertEquals(List.of(want.id()), swaps.matches(bike).stream().map(SwapEntry::id).toList());

        swaps.askFor(bike.id(), li.id(), Actor.resident(li.id()));
        swaps.askFor(bike.id(), li.id(), Actor.resident(li.id()));
        swaps.askFor(bike.id(), wang.id(), Actor.resident(wang.id()));
        assertEquals(List.of(li.id(), wang.id()), swaps.interested(bike.id()));
        assertThrows(InvalidInputException.class, () -> swaps.askFor(bike.id(), zhang.id(), Actor.system("t")));

        SwapEntry promised = swaps.promise(bike.id(), zhang.id(), li.id(), Actor.resident(zhang.id()));
        assertEquals(SwapEntry.State.PROMISED, promised.state());
        assertEquals("lovemarket.problem.swapNotOpen", assertThrows(InvalidInputException.class,
                () -> swaps.promise(bike.id(), zhang.id(), wang.id(), Actor.resident(zhang.id()))).problems().get(0)
                .key());
        assertThrows(InvalidInputException.class,
                () -> swaps.close(bike.id(), li.id(), "wrong", Actor.resident(li.id())));
        assertThrows(InvalidInputException.class,
                () -> swaps.close(bike.id(), wang.id(), promised.pickupCode(), Actor.resident(wang.id())));
        assertEquals(SwapEntry.State.DONE,
                swaps.close(bike.id(), li.id(), promised.pickupCode(), Actor.resident(li.id())).state());
        assertFalse(swaps.board().stream().anyMatch(e -> e.id() == bike.id()));
    }

    @Test
    void entriesExpireAndCanBeReposted() {
        SwapEntry chair = swaps.post(zhang.id(), SwapEntry.Kind.HAVE, "椅子", "家具", "", Actor.resident(zhang.id()));
        f.db.clock().advance(Duration.ofDays(8));
        assertEquals(List.of(), swaps.board());
        assertThrows(InvalidInputException.class, () -> swaps.askFor(chair.id(), li.id(), Actor.resident(li.id())));
        swaps.repost(chair.id(), zhang.id(), Actor.resident(zhang.id()));
        assertEquals(1, swaps.board().size());
        assertThrows(InvalidInputException.class, () -> swaps.repost(chair.id(), li.id(), Actor.resident(li.id())));
        assertThrows(InvalidInputException.class,
                () -> swaps.post(zhang.id(), SwapEntry.Kind.HAVE, " ", "", "", Actor.resident(zhang.id())));
    }
}
