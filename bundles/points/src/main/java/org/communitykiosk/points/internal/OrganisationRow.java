package org.communitykiosk.points.internal;

import java.util.List;

/**
 * Confirmed service run by one resident organisation (or by none: {@code organisation} null), for staff reports.
 *
 * @param poolPoints credited to the community pool beyond yearly caps
 */
record OrganisationRow(String organisation, int entries, long minutes, long points, long poolPoints) {

    static final String CSV_HEADER = "organisation,entries,hours,points,pool_points";

    /** RFC 4180 CSV, UTF-8 with BOM; organisations by their shown names. */
    static String csv(List<OrganisationRow> rows, java.util.function.Function<String, String> name) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(CSV_HEADER).append("\r\n");
        for (OrganisationRow row : rows) {
            csv.append(ReportRow.field(name.apply(row.organisation()))).append(',').append(row.entries()).append(',')
                    .append(Screens.hours(row.minutes())).append(',').append(row.points()).append(',')
                    .append(row.poolPoints()).append("\r\n");
        }
        return csv.toString();
    }
}
