package org.communitykiosk.bloodpressure.internal;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.communitykiosk.api.plugin.ViewContext;

/**
 * One resident's readings as CSV for a doctor: UTF-8 with a byte-order mark (so Excel shows the Chinese), every
 * cell quoted, and a cell that a spreadsheet would take for a formula ({@code = + - @}, tab, carriage return) led by
 * an apostrophe.
 */
final class ReadingsCsv {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private ReadingsCsv() {
    }

    static byte[] csv(ViewContext context, String residentName, List<Reading> readings) {
        StringBuilder out = new StringBuilder("\uFEFF");
        row(out, context.text("bloodpressure.export.resident"), context.text("bloodpressure.export.date"),
                context.text("bloodpressure.export.time"), context.text("bloodpressure.export.session"),
                context.text("bloodpressure.export.systolic"), context.text("bloodpressure.export.diastolic"),
                context.text("bloodpressure.export.pulse"), context.text("bloodpressure.export.category"),
                context.text("bloodpressure.export.source"));
        for (Reading r : readings) {
            var at = r.takenAt().atZone(context.zone());
            row(out, residentName, DATE.format(at), TIME.format(at), context.text(r.sessionTag().key()),
                    Integer.toString(r.systolic()), Integer.toString(r.diastolic()),
                    r.pulse() == null ? "" : r.pulse().toString(),
                    r.category() == null ? "" : context.text(r.category().key()),
                    context.text("bloodpressure.export.source." + r.source().name()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(safe(cells[i]).replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
