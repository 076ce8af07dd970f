package org.communitykiosk.admin.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.communitykiosk.api.Actor;
import org.junit.jupiter.api.Test;

class AuditExportTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> HEADER = List.of("时间", "终端", "操作人类型", "操作人编号", "操作", "对象", "说明");
    private static final Map<Actor.Kind, String> KINDS = Map.of(Actor.Kind.STAFF, "工作人员", Actor.Kind.RESIDENT,
            "居民", Actor.Kind.KIOSK, "终端", Actor.Kind.SYSTEM, "系统");

    private final FakeAuditLog log = new FakeAuditLog();

    @Test
    void aFileExcelOpensAsUtf8WithOneEscapedLinePerEntryNewestFirst() throws IOException {
        log.add(Instant.parse("2024-03-01T01:02:03Z"), Actor.staff("admin"), "bulletin.notice.publish", "notice:1",
                "标题,含逗号");
        log.add(Instant.parse("2024-03-02T23:59:59Z"), Actor.resident(7), "points.spend", "order:3", "=1+1");

        byte[] file = export(AuditFilter.NONE, null);

        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(file, 3));
        String text = new String(file, StandardCharsets.UTF_8).substring(1);
        assertEquals("时间,终端,操作人类型,操作人编号,操作,对象,说明\r\n"
                + "2024-03-03 07:59:59,kiosk-1,居民,7,points.spend,order:3,'=1+1\r\n"
                + "2024-03-01 09:02:03,kiosk-1,工作人员,admin,bulletin.notice.publish,notice:1,\"标题,含逗号\"\r\n",
                text);
    }

    @Test
    void theFilterAndTheMomentItWasAppliedAreKept() throws IOException {
        Instant applied = Instant.parse("2024-03-05T00:00:00Z");
        log.add(Instant.parse("2024-03-01T01:00:00Z"), Actor.staff("admin"), "resident.create", "resident:1", null);
        log.add(Instant.parse("2024-03-01T02:00:00Z"), Actor.staff("zhang"), "resident.create", "resident:2", null);
        log.add(Instant.parse("2024-03-01T03:00:00Z"), Actor.staff("admin"), "bulletin.notice.post", "notice:1", null);
        log.add(Instant.parse("2024-03-06T03:00:00Z"), Actor.staff("admin"), "resident.update", "resident:1", null);

        String text = new String(export(new AuditFilter(LocalDate.of(2024, 3, 1), null, "admin", "resident."),
                applied), StandardCharsets.UTF_8);

        assertEquals(2, text.split("\r\n").length, text);
        assertTrue(text.contains("resident:1"));
        assertTrue(log.queries.stream().allMatch(q -> applied.equals(q.until())));
    }

    @Test
    void aLargeLogIsReadInBatchesTheLogAnswers() throws IOException {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 2500; i++) {
            log.add(start.plusSeconds(i), Actor.system("demo"), "demo.entry", "n:" + i, null);
        }
        String text = new String(export(AuditFilter.NONE, null), StandardCharsets.UTF_8);

        String[] lines = text.split("\r\n");
        assertEquals(2501, lines.length);
        assertTrue(lines[1].endsWith("n:2499,"), lines[1]);
        assertTrue(lines[2500].endsWith("n:0,"), lines[2500]);
        assertEquals(List.of(0, 1000, 2000), log.queries.stream().map(q -> q.offset()).toList());
        assertTrue(log.queries.stream().allMatch(q -> q.limit() <= AuditExport.BATCH));
    }

    @Test
    void anEmptyLogGivesTheHeaderOnly() throws IOException {
        String text = new String(export(AuditFilter.NONE, null), StandardCharsets.UTF_8);
        assertEquals(Csv.BOM + "时间,终端,操作人类型,操作人编号,操作,对象,说明\r\n", text);
        assertEquals(1, log.queries.size());
    }

    @Test
    void timesAreLocalToTheCommunity() {
        assertEquals("2024-03-01 08:00:00", AuditExport.time(Instant.parse("2024-03-01T00:00:00Z"), SHANGHAI));
        assertEquals("", AuditExport.time(null, SHANGHAI));
    }

    @Test
    void theExportsAuditDetailNamesTheFilterOnly() {
        assertEquals("rows=3", AuditView.describe(AuditFilter.NONE, 3));
        assertEquals("rows=0 from=2024-03-01 to=2024-03-02 actor=admin action=resident.", AuditView.describe(
                new AuditFilter(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2), "admin", "resident."), 0));
    }

    private byte[] export(AuditFilter filter, Instant asOf) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AuditExport(log, filter, SHANGHAI, asOf, HEADER, KINDS).write(out);
        return out.toByteArray();
    }
}
