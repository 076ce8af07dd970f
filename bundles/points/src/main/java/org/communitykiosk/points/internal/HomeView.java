package org.communitykiosk.points.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.Ledger;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The resident's points page: balance, hours this year and overall, milestones reached, and one button per task. The
 * figures are read again each time the screen is built, never kept after logout.
 */
final class HomeView extends VerticalLayout {

    /** Hours of service that earn a milestone (荣誉). */
    static final List<Integer> MILESTONES = List.of(100, 500, 1000);

    HomeView(ViewContext context, Ledger ledger, ServiceHours hours, LocalDate today) {
        setId("points-home");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.heading(context.text("points.home.heading")));

        Optional<Resident> signedIn = context.session().resident();
        if (signedIn.isEmpty()) {
            add(Screens.paragraph("points-no-resident", context.text("points.home.noResident")));
        }
        signedIn.ifPresent(resident -> {
            long balance = ledger.balance(Account.resident(resident.id()));
            ServiceHours.Totals totals = hours.totals(resident.id(), today.getYear());

            Paragraph figure = new Paragraph(context.text("points.home.balance", balance));
            figure.setId("points-balance");
            Screens.textSize(figure, Screens.FIGURE_SIZE);
            figure.getStyle().set("font-weight", "700").set("margin", "0");
            add(figure,
                    Screens.paragraph("points-hours-year",
                            context.text("points.home.hoursYear", today.getYear(),
                                    Screens.hours(totals.minutesThisYear()))),
                    Screens.paragraph("points-hours-total",
                            context.text("points.home.hoursTotal", Screens.hours(totals.minutesOverall()))));
            add(milestones(context, totals.minutesOverall()));

            Checkbox optOut = new Checkbox(context.text("points.home.boardOptOut"));
            optOut.setId("points-board-optout");
            optOut.setValue(hours.boardOptOut(resident.id()));
            Screens.textSize(optOut, Screens.TEXT_SIZE);
            optOut.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    hours.setBoardOptOut(resident.id(), change.getValue(), context.session().actor());
                    context.notify(context.text(change.getValue() ? "points.home.optedOut" : "points.home.optedIn"));
                }
            });

            FlexLayout buttons = new FlexLayout(
                    Screens.primaryButton("points-log-link", context.text("points.home.log"),
                            () -> context.navigate(PointsPlugin.LOG)),
                    Screens.bigButton("points-statement-link", context.text("points.home.statement"),
                            () -> context.navigate(PointsPlugin.STATEMENT)),
                    Screens.bigButton("points-transfer-link", context.text("points.home.transfer"),
                            () -> context.navigate(PointsPlugin.TRANSFER)),
                    Screens.bigButton("points-needs-link", context.text("points.home.needs"),
                            () -> context.navigate(PointsPlugin.NEEDS)));
            buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            buttons.getStyle().set("gap", "16px");
            add(buttons, optOut);
        });

        FlexLayout more = new FlexLayout(Screens.bigButton("points-board-link", context.text("points.home.board"),
                () -> context.navigate(PointsPlugin.BOARD)));
        if (context.session().permits(Audience.STAFF)) {
            more.add(Screens.bigButton("points-queue-link", context.text("points.home.queue"),
                    () -> context.navigate(PointsPlugin.QUEUE)),
                    Screens.bigButton("points-report-link", context.text("points.home.report"),
                            () -> context.navigate(PointsPlugin.REPORT)));
        }
        more.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        more.getStyle().set("gap", "16px");
        add(more);
    }

    /** Reached milestones in words; the next one as a goal. */
    private static Div milestones(ViewContext context, long minutes) {
        Div box = new Div();
        box.setId("points-milestones");
        long hours = minutes / 60;
        for (int milestone : MILESTONES) {
            if (hours >= milestone) {
                var label = Screens.label(context.text("points.home.milestone", milestone));
                label.setId("points-milestone-" + milestone);
                box.add(label);
            }
        }
        MILESTONES.stream().filter(m -> hours < m).findFirst().ifPresent(next -> box
                .add(Screens.paragraph(null, context.text("points.home.nextMilestone", next, next - hours))));
        return box;
    }
}
