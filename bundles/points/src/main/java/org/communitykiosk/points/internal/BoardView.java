package org.communitykiosk.points.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The public monthly volunteer board (志愿之星): this month's ten volunteers with the most confirmed hours, names masked
 * (张**), without those who opted out on their points page.
 */
final class BoardView extends VerticalLayout {

    static final int BOARD_SIZE = 10;

    BoardView(ViewContext context, ServiceHours hours, LocalDate today) {
        setId("points-board");
        setMaxWidth(Screens.CONTENT_WIDTH);
        YearMonth month = YearMonth.from(today);
        String monthName = DateTimeFormatter.ofPattern(context.text("points.board.monthPattern"), context.locale())
                .format(month);
        add(Screens.heading(context.text("points.board.heading", monthName)));
        if (context.session().resident().isPresent()) {
            add(Screens.backButton("points-board-back", context.text("points.back"),
                    () -> context.navigate(PointsPlugin.HOME)));
        }
        List<BoardLine> board = hours.board(month, BOARD_SIZE);
        if (board.isEmpty()) {
            add(Screens.paragraph("points-board-empty", context.text("points.board.empty")));
        }
        for (BoardLine line : board) {
            Span rank = new Span(context.text("points.board.rank", line.rank()));
            rank.getStyle().set("font-weight", "700");
            Span text = new Span(context.text("points.board.line", line.maskedName(), Screens.hours(line.minutes())));
            Div row = new Div(rank, text);
            row.setId("points-board-" + line.rank());
            Screens.card(row);
            Screens.textSize(row, Screens.TITLE_SIZE);
            row.getStyle().set("flex-direction", "row").set("gap", "24px");
            add(row);
        }
    }
}
