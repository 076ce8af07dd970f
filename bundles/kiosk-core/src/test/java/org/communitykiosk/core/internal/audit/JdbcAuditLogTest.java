package org.communitykiosk.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdbcAuditLogTest {

    private final TestDatabase db = new TestDatabase();
    private final AuditLog audit = db.auditLog();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void recordsAndFindsNewestFirst() {
        Instant start = db.clock().instant();
        audit.record(Actor.staff("wang"), "bulletin.notice.publish", "notice:1", "title changed");
        db.clock().advance(Duration.ofMinutes(1));
        audit.record(Actor.resident(7), "points.redeem", "redemption:3", null);
        db.clock().advance(Duration.ofMinutes(1));
        audit.record(Actor.system("demo"), "resident.create", "resident:1", null);

        List<AuditEntry> all = audit.find(AuditQuery.latest(10));
        assertEquals(List.of("resident.create", "points.redeem", "bulletin.notice.publish"),
                all.stream().map(AuditEntry::action).toList());
        AuditEntry first = all.get(2);
        assertEquals(start, first.at());
        assertEquals("kiosk-1", first.kioskId());
        assertEquals(Actor.staff("wang"), first.actor());
        assertEquals("notice:1", first.subject());
        assertEquals("title changed", first.detail());
        assertEquals(new Actor(Actor.Kind.RESIDENT, "7"), all.get(1).actor());
    }

    @Test
    void filtersAndPages() {
        Instant start = db.clock().instant();
        for (int i = 0; i < 5; i++) {
            audit.record(Actor.staff(i % 2 == 0 ? "wang" : "li"), i % 2 == 0 ? "bulletin.post" : "points.post",
                    "n:" + i, null);
            db.clock().advance(Duration.ofMinutes(1));
        }
        assertEquals(List.of("n:4", "n:2", "n:0"), subjects(new AuditQuery(null, null, "wang", null, 0, 10)));
        assertEquals(List.of("n:3", "n:1"), subjects(new AuditQuery(null, null, null, "points.", 0, 10)));
        assertEquals(List.of(), subjects(new AuditQuery(null, null, null, "points%", 0, 10)));
        assertEquals(List.of("n:2", "n:1"), subjects(new AuditQuery(start.plus(Duration.ofMinutes(1)),
                start.plus(Duration.ofMinutes(3)), null, null, 0, 10)));
        assertEquals(List.of("n:3", "n:2"), subjects(new AuditQuery(null, null, null, null, 1, 2)));
        assertEquals(5, subjects(new AuditQuery(null, null, null, null, 0, 0)).size());
    }

    @Test
    void joinsTheCallersTransaction() {
        assertThrows(IllegalStateException.class, () -> db.transactions().required(c -> {
            audit.record(Actor.staff("wang"), "bulletin.post", "n:1", null);
            throw new IllegalStateException("the write failed");
        }));
        assertTrue(audit.find(AuditQuery.latest(10)).isEmpty());
    }

    @Test
    void longDetailIsTruncated() {
        audit.record(Actor.staff("wang"), "bulletin.post", "n:1", "x".repeat(600));
        assertEquals(500, audit.find(AuditQuery.latest(1)).get(0).detail().length());
    }

    private List<String> subjects(AuditQuery query) {
        return audit.find(query).stream().map(AuditEntry::subject).toList();
    }
}
