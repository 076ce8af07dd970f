package org.communitykiosk.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.communitykiosk.api.audit.AuditQuery;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void daysAreWholeDaysInTheCommunitysZoneWithTheLastDayIncluded() {
        AuditFilter filter = new AuditFilter(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 8), null, null);
        AuditQuery query = filter.query(SHANGHAI, null, 0, 25);
        assertEquals(Instant.parse("2024-02-29T16:00:00Z"), query.from());
        assertEquals(Instant.parse("2024-03-08T16:00:00Z"), query.until());
        assertEquals(0, query.offset());
        assertEquals(25, query.limit());
    }

    @Test
    void theListIsAsOfTheMomentTheFilterWasApplied() {
        Instant applied = Instant.parse("2024-03-05T02:00:00Z");
        AuditFilter open = new AuditFilter(LocalDate.of(2024, 3, 1), null, null, null);
        assertEquals(applied, open.query(SHANGHAI, applied, 25, 26).until());
        AuditFilter endsLater = new AuditFilter(null, LocalDate.of(2024, 3, 8), null, null);
        assertEquals(applied, endsLater.query(SHANGHAI, applied, 0, 26).until());
        AuditFilter endedBefore = new AuditFilter(null, LocalDate.of(2024, 3, 2), null, null);
        assertEquals(Instant.parse("2024-03-02T16:00:00Z"), endedBefore.query(SHANGHAI, applied, 0, 26).until());
    }

    @Test
    void blankTextsDoNotFilterAndTextIsTrimmed() {
        AuditFilter filter = new AuditFilter(null, null, "  ", " bulletin. ");
        assertNull(filter.actorId());
        assertEquals("bulletin.", filter.actionPrefix());
        AuditQuery query = filter.query(SHANGHAI, null, 50, 26);
        assertNull(query.from());
        assertNull(query.until());
        assertNull(query.actorId());
        assertEquals("bulletin.", query.actionPrefix());
        assertEquals(50, query.offset());
        assertEquals("admin", new AuditFilter(null, null, " admin", null).actorId());
    }

    @Test
    void aStartAfterTheEndIsRefused() {
        assertTrue(new AuditFilter(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1), null, null).valid());
        assertTrue(new AuditFilter(LocalDate.of(2024, 3, 1), null, null, null).valid());
        assertTrue(AuditFilter.NONE.valid());
        assertFalse(new AuditFilter(LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 1), null, null).valid());
    }
}
