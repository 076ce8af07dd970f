package org.communitykiosk.admin.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.audit.AuditQuery;

/**
 * The audit entries of a filter as a CSV file, newest first, read from the log page by page. Holds only values taken
 * while the screen was shown (texts already translated), because the file is written by a download request outside
 * the screen's session lock.
 *
 * @param header column titles in the staff member's language
 * @param kinds actor kinds in the staff member's language
 */
record AuditExport(AuditLog log, AuditFilter filter, ZoneId zone, Instant asOf, List<String> header,
        Map<Actor.Kind, String> kinds) {

    /** The log answers at most this many entries per query. */
    static final int BATCH = 1000;
    /** A bigger export is a job for the database, not for a kiosk screen. */
    static final int MAX_ROWS = 100_000;

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    AuditExport {
        header = List.copyOf(header);
        kinds = Map.copyOf(kinds);
    }

    /** Writes the file; returns how many entries it holds. */
    int write(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(Csv.BOM);
        writer.write(Csv.line(header));
        int written = 0;
        while (written < MAX_ROWS) {
            int limit = Math.min(BATCH, MAX_ROWS - written);
            AuditQuery query = filter.query(zone, asOf, written, limit);
            List<AuditEntry> batch = log.find(query);
            for (AuditEntry entry : batch) {
                writer.write(Csv.line(row(entry)));
            }
            written += batch.size();
            if (batch.size() < limit) {
                break;
            }
        }
        writer.flush();
        return written;
    }

    List<String> row(AuditEntry entry) {
        Actor actor = entry.actor();
        return java.util.Arrays.asList(time(entry.at(), zone), entry.kioskId(),
                actor == null ? null : kinds.getOrDefault(actor.kind(), actor.kind().name()),
                actor == null ? null : actor.id(), entry.action(), entry.subject(), entry.detail());
    }

    /** A moment as local date and time in the community's zone. */
    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }
}
