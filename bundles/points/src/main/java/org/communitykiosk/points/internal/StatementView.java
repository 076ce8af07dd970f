package org.communitykiosk.points.internal;

import java.util.List;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.Ledger;
import org.communitykiosk.points.api.LedgerEntry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The resident's statement, newest first, ten lines a page, with big previous/next buttons. */
final class StatementView extends VerticalLayout {

    private final ViewContext context;
    private final Ledger ledger;
    private final ResidentDirectory residents;
    private final Account account;
    private final VerticalLayout lines = new VerticalLayout();
    private final Paragraph pageLabel = Screens.paragraph("points-statement-page", "");
    private final Button prev;
    private final Button next;
    private int page;

    StatementView(ViewContext context, Ledger ledger, ResidentDirectory residents) {
        this.context = context;
        this.ledger = ledger;
        this.residents = residents;
        setId("points-statement");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.backButton("points-statement-back", context.text("points.back"),
                () -> context.navigate(PointsPlugin.HOME)), Screens.heading(context.text("points.statement.heading")));
        Resident resident = context.session().resident().orElse(null);
        prev = Screens.bigButton("points-statement-prev", context.text("points.statement.prev"), () -> show(page - 1));
        next = Screens.bigButton("points-statement-next", context.text("points.statement.next"), () -> show(page + 1));
        if (resident == null) {
            this.account = null;
            add(Screens.paragraph("points-no-resident", context.text("points.home.noResident")));
            return;
        }
        this.account = Account.resident(resident.id());
        add(Screens.paragraph("points-statement-balance",
                context.text("points.home.balance", ledger.balance(account))));
        lines.setPadding(false);
        FlexLayout paging = new FlexLayout(prev, pageLabel, next);
        paging.getStyle().set("gap", "16px").set("align-items", "center");
        add(lines, paging);
        show(0);
    }

    private void show(int wanted) {
        int size = ledger.statementSize(account);
        int pages = Math.max(1, (size + Screens.PAGE_SIZE - 1) / Screens.PAGE_SIZE);
        page = Math.max(0, Math.min(wanted, pages - 1));
        lines.removeAll();
        List<LedgerEntry> entries = ledger.statement(account, page * Screens.PAGE_SIZE, Screens.PAGE_SIZE);
        if (entries.isEmpty()) {
            lines.add(Screens.paragraph("points-statement-empty", context.text("points.statement.empty")));
        }
        entries.forEach(entry -> lines.add(line(entry)));
        pageLabel.setText(context.text("points.statement.page", page + 1, pages));
        prev.setEnabled(page > 0);
        next.setEnabled(page < pages - 1);
    }

    private Div line(LedgerEntry entry) {
        Span amount = new Span(context.text(entry.amount() > 0 ? "points.statement.in" : "points.statement.out",
                Math.abs(entry.amount())));
        Screens.textSize(amount, Screens.TITLE_SIZE);
        amount.getStyle().set("font-weight", "700");
        Paragraph what = Screens.paragraph(null, context.text("points.statement.line",
                Screens.date(context, entry.at()), Screens.kind(context, entry.kind()),
                Screens.account(context, residents, entry.counterAccount())));
        what.getStyle().set("margin", "0");
        Div line = new Div(amount, what);
        line.setId("points-line-" + entry.postingId());
        Screens.card(line);
        return line;
    }
}
