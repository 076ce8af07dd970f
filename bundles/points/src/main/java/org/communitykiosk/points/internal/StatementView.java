package org.communitykiosk.points.internal;

import java.time.LocalDate;
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

/**
 * The resident's statement, newest first, ten lines a page, with big previous/next buttons; with a printer, a big
 * print button that renders the whole statement as a large-type PDF and shows it in the shell's printout dialog, which
 * prints it and is gone at sign-out. A kiosk without a Chinese font says so in words here.
 */
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

    StatementView(ViewContext context, Ledger ledger, ServiceHours hours, ResidentDirectory residents,
            LocalDate today, Object printer) {
        // the printer is typed Object here: Vaadin reflects on screen classes, and the print API is optional
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
        if (printer != null) {
            add(printing(context, resident, () -> StatementPrintout.pdf(printer, context, ledger, hours, residents,
                    resident, today)));
        }
    }

    /** The print button: the PDF in the shell's printout dialog (never a tab of its own), or a message in words. */
    private static VerticalLayout printing(ViewContext context, Resident resident,
            java.util.function.Supplier<byte[]> render) {
        VerticalLayout area = new VerticalLayout();
        area.setPadding(false);
        Paragraph error = Screens.error("points-statement-print-error");
        Button print = Screens.primaryButton("points-statement-print", context.text("points.statement.print"), () -> {
            error.setVisible(false);
            byte[] pdf;
            try {
                pdf = render.get();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(StatementView.class)
                        .warn("statement printout failed for resident {}: {}", resident.id(), e.toString());
                Screens.showError(error, context.text("points.statement.printError"));
                return;
            }
            context.showPrintout("statement.pdf", pdf);
        });
        area.add(print, error);
        return area;
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
