package org.communitykiosk.points.internal;

import java.time.YearMonth;
import java.util.List;

/**
 * Confirmed service of one category in one month, for staff reports.
 *
 * @param points credited to volunteers
 * @param poolPoints credited to the community pool beyond yearly caps
 */
record ReportRow(YearMonth month, String category, int entries, long minutes, long points, long poolPoints) {

    static final String CSV_HEADER = "month,category,entries,hours,points,pool_points";

    /** RFC 4180 CSV, UTF-8 with BOM so that spreadsheet programs read Chinese correctly. */
    static String csv(List<ReportRow> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(CSV_HEADER).append("\r\n");
        for (ReportRow row : rows) {
            csv.append(row.month()).append(',').append(field(row.category())).append(',').append(row.entries())
                    .append(',').append(Screens.hours(row.minutes())).append(',').append(row.points()).append(',')
                    .append(row.poolPoints()).append("\r\n");
        }
        return csv.toString();
    }

    /** Quotes a field when it needs it; a leading formula character is neutralised (CSV injection). */
    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
