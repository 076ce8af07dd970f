package org.communitykiosk.bulletin.internal;

import static org.communitykiosk.bulletin.internal.FakeContext.find;
import static org.communitykiosk.bulletin.internal.FakeContext.get;
import static org.communitykiosk.bulletin.internal.FakeContext.ids;
import static org.communitykiosk.bulletin.internal.JdbcNoticeBoardTest.draft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;

/** The screens built as the shell builds them, against the real store, without a browser. */
class ScreensTest {

    private static final Actor WANG = Actor.staff("wang");

    private final TestDatabase db = new TestDatabase();
    private final JdbcNoticeBoard board =
            new JdbcNoticeBoard(db.transactions(), db.migrations(), db.auditLog(), db.clock());
    private final LocalDate today = LocalDate.now(db.clock());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void boardListsCurrentNoticesAsCardsThatOpenTheNotice() {
        Notice plain = board.post(draft("plain", "b", null, false), WANG);
        Notice pinned = board.post(draft("pinned", "b", null, true), WANG);
        Notice hidden = board.post(draft("hidden", "b", null, false), WANG);
        board.setPublished(hidden.id(), false, WANG);

        FakeContext context = FakeContext.passerBy();
        BoardView view = new BoardView(context, board, today);

        assertEquals("bulletin-board", view.getId().orElseThrow());
        assertEquals(List.of("notice-" + pinned.id(), "notice-" + plain.id()), ids(view, "notice-"));
        assertTrue(text(get(view, "notice-" + pinned.id())).startsWith("Pinned"), "pinned said in words");
        assertTrue(find(view, "bulletin-manage-link").isEmpty(), "no staff link for passers-by");

        Component card = get(view, "notice-" + plain.id());
        ComponentUtil.fireEvent(card, new ClickEvent<>(card));
        assertEquals(List.of("notice/" + plain.id()), context.navigations);
    }

    @Test
    void emptyBoardSaysSo() {
        BoardView view = new BoardView(FakeContext.staff(), board, today);
        assertTrue(text(view).contains("There are no notices at the moment."));
        assertTrue(find(view, "bulletin-manage-link").isPresent());
    }

    @Test
    void noticeShowsMarkupAsTextWithLineBreaksKept() {
        Notice notice = board.post(draft("<b>Haircuts</b>", "<script>alert(1)</script>\nsecond line", null, false), WANG);

        NoticeView view = new NoticeView(FakeContext.passerBy(Long.toString(notice.id())), board, today);

        Component title = get(view, "notice-title");
        Component body = get(view, "notice-body");
        assertEquals("<b>Haircuts</b>", title.getElement().getText());
        assertEquals("<script>alert(1)</script>\nsecond line", body.getElement().getText());
        assertEquals(1, body.getElement().getChildCount());
        assertTrue(body.getElement().getChild(0).isTextNode(), "one text node, no elements parsed from the text");
        assertEquals("pre-line", body.getElement().getStyle().get("white-space"));
    }

    @Test
    void passersByCannotOpenUnpublishedExpiredOrUnknownNotices() {
        Notice unpublished = board.post(draft("t", "b", null, false), WANG);
        board.setPublished(unpublished.id(), false, WANG);
        Notice expired = board.post(draft("t", "b", today, false), WANG);
        LocalDate tomorrow = today.plusDays(1);

        for (String segment : List.of(Long.toString(unpublished.id()), "999", "abc")) {
            assertTrue(find(new NoticeView(FakeContext.passerBy(segment), board, today), "notice-missing").isPresent());
        }
        assertTrue(find(new NoticeView(FakeContext.passerBy(Long.toString(expired.id())), board, tomorrow),
                "notice-missing").isPresent());
        NoticeView staffView = new NoticeView(FakeContext.staff(Long.toString(unpublished.id())), board, today);
        assertTrue(find(staffView, "notice-title").isPresent());
        assertTrue(text(staffView).contains("Unpublished"));
    }

    @Test
    void manageListsEveryNoticeWithItsStateInWordsAndToggles() {
        Notice notice = board.post(draft("t", "b", today, true), WANG);
        FakeContext context = FakeContext.staff();
        ManageView view = new ManageView(context, board, today.plusDays(1));

        String row = text(get(view, "notice-row-" + notice.id()));
        assertTrue(row.contains("Published") && row.contains("Expired") && row.contains("Pinned"), row);

        ((Button) get(view, "notice-toggle-" + notice.id())).click();

        assertFalse(board.byId(notice.id()).orElseThrow().published());
        assertTrue(text(get(view, "notice-row-" + notice.id())).contains("Unpublished"), "list refreshed");
        assertEquals("Publish again", text(get(view, "notice-toggle-" + notice.id())));
        assertEquals(List.of("Unpublished: t"), context.notifications);

        ((Button) get(view, "notice-edit-" + notice.id())).click();
        ((Button) get(view, "notice-new")).click();
        assertEquals(List.of("edit/" + notice.id(), "edit"), context.navigations);
    }

    @Test
    void formShowsEveryProblemNextToItsFieldAndWritesNothing() {
        FakeContext context = FakeContext.staff();
        NoticeForm form = new NoticeForm(context, board, today);
        value(form, "notice-form-title", "  ");
        value(form, "notice-form-body", "");
        value(form, "notice-form-expires", today.minusDays(1));

        ((Button) get(form, "notice-save")).click();

        assertEquals("Please enter a title.", error(form, "notice-form-title"));
        assertEquals("Please enter the text.", error(form, "notice-form-body"));
        assertEquals("The last day cannot be before today.", error(form, "notice-form-expires"));
        assertEquals(List.of(), board.all());
        assertEquals(List.of(), db.auditLog().find(AuditQuery.latest(10)));
        assertEquals(List.of(), context.navigations);
    }

    @Test
    void formPostsANewNotice() {
        FakeContext context = FakeContext.staff();
        NoticeForm form = new NoticeForm(context, board, today);
        value(form, "notice-form-title", "Lift maintenance");
        value(form, "notice-form-body", "Building 3, Monday.\nUse the stairs.");
        value(form, "notice-form-pinned", true);

        ((Button) get(form, "notice-save")).click();

        Notice posted = board.all().get(0);
        assertEquals(new NoticeDraft("Lift maintenance", "Building 3, Monday.\nUse the stairs.", null, true),
                new NoticeDraft(posted.title(), posted.body(), posted.expiresOn(), posted.pinned()));
        assertEquals("staff:wang", posted.createdBy());
        assertEquals(List.of("manage"), context.navigations);
        assertEquals(List.of("Saved: Lift maintenance"), context.notifications);
    }

    @Test
    void formEditsAnExistingNotice() {
        Notice notice = board.post(draft("Old", "old text", null, false), WANG);
        NoticeForm form = new NoticeForm(FakeContext.staff(Long.toString(notice.id())), board, today);
        assertEquals("Old", ((HasValue<?, ?>) get(form, "notice-form-title")).getValue());

        value(form, "notice-form-title", "New");
        ((Button) get(form, "notice-save")).click();

        assertEquals("New", board.byId(notice.id()).orElseThrow().title());
        assertEquals(1, board.all().size());
    }

    @Test
    void formForAnUnknownNoticeSaysSo() {
        NoticeForm form = new NoticeForm(FakeContext.staff("77"), board, today);
        assertTrue(find(form, "notice-missing").isPresent());
        assertTrue(find(form, "notice-save").isEmpty());
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private static <T> void value(Component root, String id, T value) {
        ((HasValue<?, T>) get(root, id)).setValue(value);
    }

    private static String error(Component root, String id) {
        HasValidation field = (HasValidation) get(root, id);
        assertTrue(field.isInvalid(), id + " marked invalid");
        return field.getErrorMessage();
    }
}
