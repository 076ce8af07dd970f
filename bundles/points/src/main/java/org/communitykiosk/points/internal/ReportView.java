package org.communitykiosk.points.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.StreamResource;

/**
 * Staff report: confirmed hours and points per month and category of one year, with a CSV download. The year is the
 * first path segment ({@code report/2025}), this year without one.
 */
final class ReportView extends VerticalLayout {

    ReportView(ViewContext context, ServiceHours hours, LocalDate today) {
        setId("points-report");
        setMaxWidth(Screens.CONTENT_WIDTH);
        int year = year(context, today);
        add(Screens.backButton("points-report-back", context.text("points.back"),
                () -> context.navigate(PointsPlugin.HOME)),
                Screens.heading(context.text("points.report.heading", year)));
        FlexLayout years = new FlexLayout(
                Screens.bigButton("points-report-prev", context.text("points.report.year", year - 1),
                        () -> context.navigate(PointsPlugin.REPORT + "/" + (year - 1))),
                Screens.bigButton("points-report-next", context.text("points.report.year", year + 1),
                        () -> context.navigate(PointsPlugin.REPORT + "/" + (year + 1))));
        years.getStyle().set("gap", "16px");
        add(years);

        List<ReportRow> rows = hours.report(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        if (rows.isEmpty()) {
            add(Screens.paragraph("points-report-empty", context.text("points.report.empty")));
        }
        for (ReportRow row : rows) {
            Div line = new Div(Screens.paragraph(null, context.text("points.report.row", row.month().toString(),
                    Screens.category(context, row.category()), row.entries(), Screens.hours(row.minutes()),
                    row.points(), row.poolPoints())));
            line.setId("points-report-" + row.month() + "-" + row.category());
            Screens.card(line);
            add(line);
        }
        long minutes = rows.stream().mapToLong(ReportRow::minutes).sum();
        long points = rows.stream().mapToLong(ReportRow::points).sum();
        add(Screens.paragraph("points-report-total", context.text("points.report.total", Screens.hours(minutes),
                points)));

        List<OrganisationRow> byOrganisation = hours.reportByOrganisation(LocalDate.of(year, 1, 1),
                LocalDate.of(year + 1, 1, 1));
        add(Screens.heading(context.text("points.report.organisations")));
        if (byOrganisation.isEmpty()) {
            add(Screens.paragraph("points-report-org-empty", context.text("points.report.empty")));
        }
        for (OrganisationRow row : byOrganisation) {
            Div line = new Div(Screens.paragraph(null, context.text("points.report.orgRow",
                    Screens.organisation(context, row.organisation()), row.entries(), Screens.hours(row.minutes()),
                    row.points(), row.poolPoints())));
            line.setId("points-report-org-" + (row.organisation() == null ? "none" : row.organisation()));
            Screens.card(line);
            add(line);
        }

        add(csvDownload("points-report-csv", "points-" + year + ".csv", ReportRow.csv(rows),
                context.text("points.report.csv")));
        add(csvDownload("points-report-org-csv", "points-organisations-" + year + ".csv",
                OrganisationRow.csv(byOrganisation, id -> Screens.organisation(context, id)),
                context.text("points.report.orgCsv")));
    }

    private static Anchor csvDownload(String id, String fileName, String csv, String text) {
        Anchor download = new Anchor(new StreamResource(fileName,
                () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))), text);
        download.setId(id);
        download.getElement().setAttribute("download", true);
        Screens.textSize(download, Screens.TITLE_SIZE);
        return download;
    }

    private static int year(ViewContext context, LocalDate today) {
        if (!context.pathSegments().isEmpty()) {
            try {
                int year = Integer.parseInt(context.pathSegments().get(0));
                if (year >= 2000 && year <= 2100) {
                    return year;
                }
            } catch (NumberFormatException e) {
                // fall through to this year
            }
        }
        return today.getYear();
    }
}
