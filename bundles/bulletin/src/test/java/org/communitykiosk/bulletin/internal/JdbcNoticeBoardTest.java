package org.communitykiosk.bulletin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdbcNoticeBoardTest {

    private static final Actor WANG = Actor.staff("wang");
    private static final Actor LI = Actor.staff("li");

    private final TestDatabase db = new TestDatabase();
    private final JdbcNoticeBoard board = newBoard();
    /** 2 June 2025 in Shanghai, where the test clock starts. */
    private final LocalDate today = LocalDate.now(db.clock());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void postedNoticeReadsBackAsWritten() {
        Notice posted = board.post(draft("停水通知", "6月3日 9:00–12:00 停水。\n请提前储水。", today.plusDays(1), true), WANG);

        assertEquals(posted, board.byId(posted.id()).orElseThrow());
        assertEquals("停水通知", posted.title());
        assertEquals("6月3日 9:00–12:00 停水。\n请提前储水。", posted.body());
        assertEquals(today.plusDays(1), posted.expiresOn());
        assertTrue(posted.pinned());
        assertTrue(posted.published());
        assertEquals(db.clock().instant(), posted.createdAt());
        assertEquals(posted.createdAt(), posted.updatedAt());
        assertEquals("staff:wang", posted.createdBy());
        assertEquals(List.of(posted), board.current(today));
    }

    @Test
    void refusedDraftWritesNothing() {
        assertThrows(InvalidInputException.class, () -> board.post(draft("", "body", null, false), WANG));
        assertThrows(InvalidInputException.class, () -> board.post(draft("title", "body", today.minusDays(1), false), WANG));
        assertEquals(List.of(), board.all());

        Notice notice = board.post(draft("原标题", "原内容", null, false), WANG);
        assertThrows(InvalidInputException.class, () -> board.edit(notice.id(), draft("新标题", "", null, true), LI));
        assertEquals(notice, board.byId(notice.id()).orElseThrow());
        assertEquals(List.of("bulletin.notice.post"), actions());
    }

    @Test
    void boardShowsPinnedFirstThenNewestFirst() {
        Notice oldPinned = board.post(draft("old pinned", "b", null, true), WANG);
        db.clock().advance(Duration.ofHours(1));
        Notice older = board.post(draft("older", "b", null, false), WANG);
        db.clock().advance(Duration.ofHours(1));
        Notice newer = board.post(draft("newer", "b", null, false), WANG);
        db.clock().advance(Duration.ofHours(1));
        Notice newPinned = board.post(draft("new pinned", "b", null, true), WANG);

        List<Long> expected = List.of(newPinned.id(), oldPinned.id(), newer.id(), older.id());
        assertEquals(expected, ids(board.current(today)));
        assertEquals(expected, ids(board.all()));
    }

    @Test
    void expiredNoticeLeavesTheBoardButStaffStillSeeIt() {
        Notice lastDayToday = board.post(draft("today only", "b", today, false), WANG);
        Notice open = board.post(draft("no end", "b", null, false), WANG);

        assertEquals(List.of(open.id(), lastDayToday.id()), ids(board.current(today)));
        assertEquals(List.of(open.id()), ids(board.current(today.plusDays(1))));
        assertEquals(List.of(open.id(), lastDayToday.id()), ids(board.all()));
        assertTrue(lastDayToday.expiredOn(today.plusDays(1)));
    }

    @Test
    void unpublishAndPublishAgainAreAudited() {
        Notice notice = board.post(draft("t", "b", null, false), WANG);
        db.clock().advance(Duration.ofMinutes(5));

        Notice unpublished = board.setPublished(notice.id(), false, LI);
        assertFalse(unpublished.published());
        assertEquals("staff:li", unpublished.updatedBy());
        assertEquals(db.clock().instant(), unpublished.updatedAt());
        assertEquals(List.of(), board.current(today));
        assertEquals(List.of(unpublished), board.all());

        Notice again = board.setPublished(notice.id(), true, WANG);
        assertTrue(again.published());
        assertEquals(List.of(again), board.current(today));

        List<AuditEntry> audit = db.auditLog().find(new AuditQuery(null, null, null, "bulletin.", 0, 10));
        assertEquals(List.of("bulletin.notice.publish", "bulletin.notice.unpublish", "bulletin.notice.post"),
                audit.stream().map(AuditEntry::action).toList());
        assertTrue(audit.stream().allMatch(e -> e.subject().equals("notice:" + notice.id())));
        assertEquals(List.of(WANG, LI, WANG), audit.stream().map(AuditEntry::actor).toList());
    }

    @Test
    void repeatedPublishStateChangesAndRecordsNothing() {
        Notice notice = board.post(draft("t", "b", null, false), WANG);
        db.clock().advance(Duration.ofMinutes(5));

        assertEquals(notice, board.setPublished(notice.id(), true, LI));
        board.setPublished(notice.id(), false, LI);
        board.setPublished(notice.id(), false, LI);
        assertEquals(List.of("bulletin.notice.unpublish", "bulletin.notice.post"), actions());
    }

    @Test
    void editKeepsThePublishedStateAndIsAudited() {
        Notice notice = board.post(draft("t", "b", null, false), WANG);
        board.setPublished(notice.id(), false, WANG);
        db.clock().advance(Duration.ofMinutes(5));

        Notice edited = board.edit(notice.id(), draft(" 新标题 ", "新内容", today.plusDays(7), true), LI);
        assertEquals(new Notice(notice.id(), "新标题", "新内容", true, false, today.plusDays(7), notice.createdAt(),
                db.clock().instant(), "staff:wang", "staff:li"), edited);
        assertEquals("bulletin.notice.edit", actions().get(0));
    }

    @Test
    void unknownNoticeIsRefused() {
        assertEquals(List.of("bulletin.problem.notFound"), keys(assertThrows(InvalidInputException.class,
                () -> board.edit(42, draft("t", "b", null, false), WANG))));
        assertEquals(List.of("bulletin.problem.notFound"), keys(assertThrows(InvalidInputException.class,
                () -> board.setPublished(42, false, WANG))));
        assertTrue(board.byId(42).isEmpty());
        assertEquals(List.of(), actions());
    }

    @Test
    void htmlIsStoredVerbatim() {
        String title = "<b>免费</b> & \"理发\"";
        String body = "<script>alert('x')</script>\n<img src=x onerror=alert(1)>";
        Notice notice = board.post(draft(title, body, null, false), WANG);

        Notice read = board.byId(notice.id()).orElseThrow();
        assertEquals(title, read.title());
        assertEquals(body, read.body());
    }

    @Test
    void longestTextsFitTheColumns() {
        Notice notice = board.post(draft("题".repeat(80), "文".repeat(2000), null, false), WANG);
        assertEquals(2000, board.byId(notice.id()).orElseThrow().body().length());
    }

    @Test
    void migrationIsIdempotent() throws SQLException {
        Notice notice = board.post(draft("t", "b", null, false), WANG);

        JdbcNoticeBoard again = newBoard();

        assertEquals(List.of(notice), again.all());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM kiosk_schema_version WHERE owner = 'bulletin'")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertFalse(rs.next());
        }
        assertEquals(1, db.migrations().migrate(JdbcNoticeBoard.OWNER, JdbcNoticeBoard.MIGRATIONS));
    }

    private JdbcNoticeBoard newBoard() {
        return new JdbcNoticeBoard(db.transactions(), db.migrations(), db.auditLog(), db.clock());
    }

    private List<String> actions() {
        return db.auditLog().find(new AuditQuery(null, null, null, "bulletin.", 0, 100)).stream()
                .map(AuditEntry::action).toList();
    }

    static NoticeDraft draft(String title, String body, LocalDate expiresOn, boolean pinned) {
        return new NoticeDraft(title, body, expiresOn, pinned);
    }

    private static List<Long> ids(List<Notice> notices) {
        return notices.stream().map(Notice::id).toList();
    }

    private static List<String> keys(InvalidInputException refused) {
        return refused.problems().stream().map(p -> p.key()).toList();
    }
}
