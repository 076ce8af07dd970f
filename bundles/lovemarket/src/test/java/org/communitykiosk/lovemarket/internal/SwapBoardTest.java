package org.communitykiosk.lovemarket.internal;

import static org.communitykiosk.lovemarket.internal.FakeContext.find;
import static org.communitykiosk.lovemarket.internal.FakeContext.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.Resident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.select.Select;

/** The swap board: matching, ask, promise, close, expiry, and the photos staff add to entries. */
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

    private int auditEntries() {
        return f.db.auditLog().find(AuditQuery.latest(1000)).size();
    }

    @Test
    void staffAddAPhotoToAnEntryAndItIsReadBackExactly() throws IOException {
        SwapEntry bike = swaps.post(zhang.id(), SwapEntry.Kind.HAVE, "儿童自行车", "儿童用品", "九成新",
                Actor.resident(zhang.id()));
        SwapEntry chair = swaps.post(li.id(), SwapEntry.Kind.HAVE, "椅子", "家具", "", Actor.resident(li.id()));
        // large enough for several Base64 chunks
        byte[] png = PhotoTest.image("png", 120, 90);
        swaps.setPhoto(bike.id(), png, Fixture.STAFF);
        assertEquals("image/png", swaps.photo(bike.id()).orElseThrow().mimeType());
        assertArrayEquals(png, swaps.photo(bike.id()).orElseThrow().bytes());
        byte[] jpeg = PhotoTest.image("jpg", 40, 30);
        swaps.setPhoto(bike.id(), jpeg, Fixture.STAFF);
        assertArrayEquals(jpeg, swaps.photo(bike.id()).orElseThrow().bytes(), "a new photo replaces the old one");
        assertEquals(Map.of(bike.id(), "image/jpeg"), swaps.photographed());
        assertTrue(swaps.photo(chair.id()).isEmpty());
        AuditEntry audited = f.db.auditLog().find(new AuditQuery(null, null, null, "lovemarket.swap.photo", 0, 1))
                .get(0);
        assertEquals("swap:" + bike.id(), audited.subject());
        assertEquals("image/jpeg, " + jpeg.length + " bytes", audited.detail());
    }

    @Test
    void whatIsNotAPhotoIsRefusedInWordsAndChangesNothing() throws IOException {
        SwapEntry bike = swaps.post(zhang.id(), SwapEntry.Kind.HAVE, "儿童自行车", "儿童用品", "",
                Actor.resident(zhang.id()));
        byte[] good = PhotoTest.image("png", 20, 20);
        swaps.setPhoto(bike.id(), good, Fixture.STAFF);
        int audit = auditEntries();
        byte[] document = "%PDF-1.4 a document called bike.jpg".getBytes(StandardCharsets.US_ASCII);
        assertEquals("lovemarket.problem.photoNotImage", assertThrows(InvalidInputException.class,
                () -> swaps.setPhoto(bike.id(), document, Fixture.STAFF)).problems().get(0).key());
        byte[] huge = new byte[PhotoRules.UPLOAD.maxBytes() + 1];
        System.arraycopy(good, 0, huge, 0, good.length);
        assertEquals("lovemarket.problem.photoTooBig", assertThrows(InvalidInputException.class,
                () -> swaps.setPhoto(bike.id(), huge, Fixture.STAFF)).problems().get(0).key());
        assertEquals("lovemarket.problem.swapNotFound", assertThrows(InvalidInputException.class,
                () -> swaps.setPhoto(9999, good, Fixture.STAFF)).problems().get(0).key());
        assertArrayEquals(good, swaps.photo(bike.id()).orElseThrow().bytes(), "the old photo stays");
        assertEquals(Map.of(bike.id(), "image/png"), swaps.photographed());
        assertEquals(audit, auditEntries());
    }

    @Test
    @SuppressWarnings("unchecked")
    void staffUploadOnTheSwapScreenAndNeighboursSeeThePhotoOnTheBoard() throws IOException {
        // photos are StreamResources of the UI that shows them, as in the shell (held: Vaadin keeps it weakly)
        UI ui = new UI();
        UI.setCurrent(ui);
        try {
            SwapEntry bike = swaps.post(zhang.id(), SwapEntry.Kind.HAVE, "儿童自行车", "儿童用品", "",
                    Actor.resident(zhang.id()));
            SwapEntry chair = swaps.post(zhang.id(), SwapEntry.Kind.HAVE, "椅子", "家具", "",
                    Actor.resident(zhang.id()));
            FakeContext staff = FakeContext.staff();
            SwapView view = new SwapView(staff, swaps, f.db.residents(), f.db.clock());
            assertTrue(find(view, "lm-swap-form").isEmpty(), "staff do not post");
            view.uploadPhoto(PhotoTest.image("png", 30, 30));
            assertEquals("Please choose the entry.", ((HasText) get(view, "lm-swap-photo-error")).getText());
            Select<SwapEntry> entry = (Select<SwapEntry>) get(view, "lm-swap-photo-entry");
            entry.setValue(entry.getListDataView().getItems().filter(e -> e.id() == bike.id()).findFirst()
                    .orElseThrow());
            view.uploadPhoto("not an image".getBytes(StandardCharsets.UTF_8));
            assertEquals("This file is not a photo: use a JPEG, PNG or GIF picture. Nothing was changed.",
                    ((HasText) get(view, "lm-swap-photo-error")).getText());
            assertTrue(swaps.photographed().isEmpty());
            view.uploadPhoto(PhotoTest.image("png", 30, 30));
            assertEquals(Map.of(bike.id(), "image/png"), swaps.photographed());
            assertTrue(staff.notifications.contains("Photo saved for 儿童自行车"), staff.notifications.toString());
            assertTrue(find(view, "lm-swap-photo-" + bike.id()).isPresent(), "staff see it on the board at once");

            SwapView neighbour = new SwapView(FakeContext.resident(li), swaps, f.db.residents(), f.db.clock());
            assertEquals("儿童自行车", ((Image) get(neighbour, "lm-swap-photo-" + bike.id())).getAlt().orElseThrow());
            assertTrue(find(neighbour, "lm-swap-entry-" + chair.id()).isPresent());
            assertTrue(find(neighbour, "lm-swap-photo-" + chair.id()).isEmpty(), "no photo: a text-only entry");
            SwapView owner = new SwapView(FakeContext.resident(zhang), swaps, f.db.residents(), f.db.clock());
            assertTrue(find(owner, "lm-swap-photo-" + bike.id()).isPresent(), "the owner sees it on their entry");
        } finally {
            UI.setCurrent(null);
        }
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
