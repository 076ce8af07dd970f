package org.communitykiosk.bulletin.internal;

import static org.communitykiosk.bulletin.internal.JdbcNoticeBoardTest.draft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoNoticesTest {

    private final TestDatabase db = new TestDatabase();
    private final JdbcNoticeBoard board =
            new JdbcNoticeBoard(db.transactions(), db.migrations(), db.auditLog(), db.clock());
    private final LocalDate today = LocalDate.now(db.clock());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void emptyDemoBoardGetsThreeChineseNoticesOnePinned() {
        new DemoNotices(db.settings(), board, db.clock());

        List<Notice> notices = board.current(today);
        assertEquals(3, notices.size());
        assertEquals("每周二、周四上午免费测血压", notices.get(0).title());
        assertTrue(notices.get(0).pinned());
        assertEquals(1, notices.stream().filter(Notice::pinned).count());
        assertTrue(notices.stream().allMatch(n -> n.createdBy().equals("system:demo")));
    }

    @Test
    void englishKioskGetsEnglishDemoNotices() {
        new DemoNotices(settings(true, Locale.ENGLISH), board, db.clock());
        assertEquals("Free blood pressure checks on Tuesday and Thursday mornings", board.all().get(0).title());
    }

    @Test
    void nothingWhenTheBoardHasNoticesOrDemoDataIsOff() {
        new DemoNotices(settings(false, Locale.SIMPLIFIED_CHINESE), board, db.clock());
        assertEquals(List.of(), board.all());

        board.post(draft("real", "notice", null, false), Actor.staff("wang"));
        new DemoNotices(db.settings(), board, db.clock());
        assertEquals(1, board.all().size());
    }

    /** The test database's settings with demo data and language replaced. */
    private KioskSettings settings(boolean demoData, Locale locale) {
        KioskSettings base = db.settings();
        return (KioskSettings) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { KioskSettings.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "demoData" -> demoData;
                    case "defaultLocale" -> locale;
                    default -> method.invoke(base, args);
                });
    }
}
