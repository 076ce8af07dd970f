package org.communitykiosk.points.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.Ledger;
import org.communitykiosk.points.api.LedgerEntry;
import org.communitykiosk.print.Printer;
import org.communitykiosk.print.Printout;

/**
 * The resident's statement on paper, large type: balance, hours this year and overall, every posting newest first.
 * A class of its own so the print API is loaded only when a resident asks for a printout (the import is optional).
 */
final class StatementPrintout {

    private StatementPrintout() {
    }

    /** The statement as PDF, by the printer (a {@link Printer}; typed Object for the callers, see the class). */
    static byte[] pdf(Object printer, ViewContext context, Ledger ledger, ServiceHours hours,
            ResidentDirectory residents, Resident resident, LocalDate today) {
        return ((Printer) printer).pdf(of(context, ledger, hours, residents, resident, today));
    }

    static Printout of(ViewContext context, Ledger ledger, ServiceHours hours, ResidentDirectory residents,
            Resident resident, LocalDate today) {
        Account account = Account.resident(resident.id());
        ServiceHours.Totals totals = hours.totals(resident.id(), today.getYear());
        List<Printout.Block> blocks = new ArrayList<>();
        blocks.add(new Printout.Text(context.text("points.home.balance", ledger.balance(account))));
        blocks.add(new Printout.Text(context.text("points.home.hoursYear", today.getYear(),
                Screens.hours(totals.minutesThisYear()))));
        blocks.add(new Printout.Text(context.text("points.home.hoursTotal", Screens.hours(totals.minutesOverall()))));
        blocks.add(new Printout.Heading(context.text("points.print.postings")));
        int size = ledger.statementSize(account);
        List<LedgerEntry> entries = size == 0 ? List.of() : ledger.statement(account, 0, size);
        if (entries.isEmpty()) {
            blocks.add(new Printout.Text(context.text("points.statement.empty")));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (LedgerEntry entry : entries) {
                rows.add(List.of(Screens.date(context, entry.at()), Screens.kind(context, entry.kind()),
                        Screens.account(context, residents, entry.counterAccount()),
                        context.text(entry.amount() > 0 ? "points.statement.in" : "points.statement.out",
                                Math.abs(entry.amount()))));
            }
            blocks.add(new Printout.Table(List.of(context.text("points.print.date"), context.text("points.print.what"),
                    context.text("points.print.with"), context.text("points.print.amount")), rows));
        }
        return new Printout(context.text("points.print.title", resident.name()),
                context.text("points.print.subtitle", Screens.date(context, today)), true, blocks);
    }
}
