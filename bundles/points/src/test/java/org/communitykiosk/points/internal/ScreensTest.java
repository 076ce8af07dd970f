package org.communitykiosk.points.internal;

import static org.communitykiosk.points.internal.FakeContext.find;
import static org.communitykiosk.points.internal.FakeContext.get;
import static org.communitykiosk.points.internal.FakeContext.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.PinAction;
import org.communitykiosk.api.plugin.PluginView;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.core.testing.TestDatabase;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.TransferKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;

/** The screens built as the shell builds them, against the real stores, without a browser. */
class ScreensTest {

    private static final Actor STAFF = Actor.staff("wang");

    private final TestDatabase db = new TestDatabase();
    private final JdbcLedger ledger = LedgerTest.ledger(db);
    private final JdbcServiceHours hours = ServiceHoursTest.hours(db, ledger, Map.of());
    private final Resident zhang = LedgerTest.resident(db, "张桂兰", "10000001", "H1");
    private final Resident li = LedgerTest.resident(db, "李建国", "10000002", "H1");
    private final LocalDate today = LocalDate.now(db.clock());

    // the CSV download link is registered with the UI that shows the screen, as in the shell
    // (held here: Vaadin keeps the current UI by a weak reference)
    private final com.vaadin.flow.component.UI ui = new com.vaadin.flow.component.UI();

    @org.junit.jupiter.api.BeforeEach
    void currentUi() {
        com.vaadin.flow.component.UI.setCurrent(ui);
    }

    @AfterEach
    void close() {
        com.vaadin.flow.component.UI.setCurrent(null);
        db.close();
    }

    private void earn(Resident r, long points) {
        ledger.book(TransferKind.EARN, Account.ISSUED, Account.resident(r.id()), points, null, 0, null, STAFF);
    }

    private HoursEntry confirmed(Resident r, LocalDate date, int hour, int minutes) {
        HoursEntry e = hours.log(new HoursDraft(r.id(), "other", date, LocalTime.of(hour, 0), minutes, null, null,
                null), STAFF);
        return hours.confirm(e.id(), STAFF);
    }

    @Test
    void pluginViewsAndAudiences() {
        PointsPlugin plugin = new PointsPlugin(ledger, hours, db.residents(), db.identification(), db.clock(),
                new JdbcNeeds(db.transactions(), db.migrations(), db.auditLog(), db.clock(), hours));
        assertEquals("points", plugin.id());
        assertEquals(Audience.RESIDENT, plugin.audience());
        Map<String, Audience> views = plugin.views().stream()
                .collect(Collectors.toMap(PluginView::path, PluginView::audience));
        assertEquals(Map.ofEntries(Map.entry("", Audience.RESIDENT), Map.entry("log", Audience.RESIDENT),
                Map.entry("statement", Audience.RESIDENT), Map.entry("transfer", Audience.RESIDENT),
                Map.entry("queue", Audience.STAFF), Map.entry("board", Audience.PUBLIC),
                Map.entry("report", Audience.STAFF), Map.entry("team", Audience.STAFF),
                Map.entry("needs", Audience.RESIDENT)), views);
        for (PluginView view : plugin.views()) {
            FakeContext context = view.audience() == Audience.STAFF ? FakeContext.staff() : FakeContext.resident(zhang);
            assertDoesNotThrow(view, context);
        }
    }

    private static void assertDoesNotThrow(PluginView view, FakeContext context) {
        try {
            assertNotNull(view.factory().create(context));
        } catch (Exception e) {
            throw new AssertionError(view.path(), e);
        }
    }

    @Test
    void homeShowsBalanceHoursAndMilestones() {
        confirmed(zhang, today, 0, 1440);
        for (int day = 1; day <= 5; day++) {
            confirmed(zhang, today.minusDays(day), 0, 1440);
        }
        HomeView view = new HomeView(FakeContext.resident(zhang), ledger, hours, today);
        assertEquals("Points: 480", text(get(view, "points-balance"))); // daily cap 80 x 6 days
        assertEquals("Hours of service in 2025: 144", text(get(view, "points-hours-year")));
        assertTrue(find(view, "points-milestone-100").isPresent());
        assertTrue(find(view, "points-milestone-500").isEmpty());
        assertTrue(text(get(view, "points-milestones")).contains("356 more hours to reach 500 hours."));
        assertTrue(find(view, "points-queue-link").isEmpty());
        assertTrue(find(new HomeView(FakeContext.staff(), ledger, hours, today), "points-queue-link").isPresent());
    }

    @Test
    void logFormRefusesBadInputNextToTheFieldAndWritesNothing() {
        FakeContext context = FakeContext.resident(zhang);
        LogView view = new LogView(context, hours, db.identification(), today);
        value(view, "points-log-category", "cleaning");
        value(view, "points-log-minutes", 0);
        ((Button) get(view, "points-log-submit")).click();
        assertEquals("The time must be more than 0 minutes.", error(view, "points-log-minutes"));
        assertEquals(List.of(), hours.pending(0, 10));
        assertTrue(((Button) get(view, "points-log-submit")).isEnabled());
    }

    @Test
    void logFormSubmitsForStaffOnceEvenOnADoubleTap() {
        FakeContext context = FakeContext.resident(zhang);
        LogView view = new LogView(context, hours, db.identification(), today);
        value(view, "points-log-category", "cleaning");
        value(view, "points-log-minutes", 90);
        Button submit = (Button) get(view, "points-log-submit");
        submit.click();
        assertTrue(find(view, "points-log-done").isPresent());
        submit.click();
        assertEquals(1, hours.pending(0, 10).size());
        assertEquals(HoursEntry.Status.PENDING, hours.pending(0, 10).get(0).status());
    }

    @Test
    void thePersonServedConfirmsByTappingTheirCard() {
        FakeContext context = FakeContext.resident(zhang);
        LogView view = new LogView(context, hours, db.identification(), today);
        value(view, "points-log-category", "elderly-care");
        value(view, "points-log-minutes", 60);
        ((Button) get(view, "points-log-by-card")).click();
        assertTrue(find(view, "points-log-tap").isPresent());

        context.cardHandler.cardTapped("99999999");
        assertEquals("This card is not known. Please tap again or ask staff for help.",
                text(get(view, "points-log-tap-error")));
        context.cardHandler.cardTapped(db.newCard(zhang.id())); // the volunteer's own card
        assertEquals("You cannot confirm your own service.", text(get(view, "points-log-tap-error")));
        assertEquals(List.of(), hours.entries(zhang.id(), 0, 10));

        // a card alone does not confirm in the name of the person served: their PIN is asked first
        String liCard = db.newCard(li.id());
        context.pinEntered = false;
        context.cardHandler.cardTapped(liCard);
        assertEquals(List.of(li.id() + ":" + PinAction.POINTS_CONFIRM_SERVED), context.pinsAsked);
        assertEquals(List.of(), hours.entries(zhang.id(), 0, 10), "nothing without the PIN");
        context.pinEntered = true;
        context.cardHandler.cardTapped(liCard);
        assertEquals("Confirmed: you earned 10 points.", text(get(view, "points-log-confirmed")));
        assertEquals(10, ledger.balance(Account.resident(zhang.id())));
        context.cardHandler.cardTapped(liCard);
        assertEquals(10, ledger.balance(Account.resident(zhang.id())));
    }

    @Test
    void statementIsNewestFirstInPagesOfTen() {
        earn(zhang, 100);
        for (int i = 1; i <= 11; i++) {
            ledger.donate(zhang.id(), 1, "d" + i, STAFF);
        }
        FakeContext context = FakeContext.resident(zhang);
        StatementView view = new StatementView(context, ledger, hours, db.residents(), today, null);
        List<String> lines = ids(view, "points-line-");
        assertEquals(10, lines.size());
        assertTrue(text(get(view, lines.get(0))).startsWith("-1 points"));
        assertTrue(text(get(view, lines.get(0))).contains("Community pool"));
        assertEquals("Page 1 of 2", text(get(view, "points-statement-page")));
        ((Button) get(view, "points-statement-next")).click();
        List<String> last = ids(view, "points-line-");
        assertEquals(2, last.size());
        assertTrue(text(get(view, last.get(1))).startsWith("+100 points"));
        assertTrue(text(get(view, last.get(1))).contains("Volunteer service"));
        assertFalse(((Button) get(view, "points-statement-next")).isEnabled());
    }

    @Test
    void statementPrintsAsALargeTypePdfWithEveryPostingNewestFirst() throws Exception {
        earn(zhang, 100);
        for (int i = 1; i <= 30; i++) {
            ledger.donate(zhang.id(), 1, "d" + i, STAFF);
        }
        confirmed(zhang, today, 8, 90);
        FakeContext context = FakeContext.resident(zhang);
        assertTrue(find(new StatementView(context, ledger, hours, db.residents(), today, null),
                "points-statement-print").isEmpty(), "no printer, no print button");

        org.communitykiosk.print.Printer printer = new org.communitykiosk.print.internal.PdfPrinter(
                List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"));
        StatementView view = new StatementView(context, ledger, hours, db.residents(), today, printer);
        ((Button) get(view, "points-statement-print")).click();
        // shown by the shell's printout dialog, never as a link to a tab of its own
        assertTrue(find(view, "points-statement-pdf").isEmpty());
        assertTrue(new String(context.printouts.get("statement.pdf"), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)
                .startsWith("%PDF-"));
        assertFalse(get(view, "points-statement-print-error").isVisible());

        byte[] pdf = printer.pdf(StatementPrintout.of(context, ledger, hours, db.residents(), zhang, today));
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("Points statement: 张桂兰"), text);
            assertTrue(text.contains("Points: 82"), text); // 100 - 30 + 12 for 1.5 hours at 8 an hour
            assertTrue(text.contains("Hours of service overall: 1.5"), text);
            assertEquals(32, text.lines().filter(l -> l.matches(".*[+-]\\d+ points$")).count(), text);
            // newest first: the service just confirmed comes before the first donation, which is before the 100
            assertTrue(text.indexOf("+12 points") < text.indexOf("-1 points"), text);
            assertTrue(text.indexOf("-1 points") < text.indexOf("+100 points"), text);
        }
    }

    @Test
    void aPrinterWithoutFontIsReportedInWords() {
        org.communitykiosk.print.Printer broken = printout -> {
            throw new IllegalStateException("No usable Chinese TrueType font");
        };
        StatementView view = new StatementView(FakeContext.resident(zhang), ledger, hours, db.residents(), today,
                broken);
        ((Button) get(view, "points-statement-print")).click();
        assertTrue(get(view, "points-statement-print-error").isVisible());
        assertEquals("Printing is not available right now. Please ask the staff.",
                text(get(view, "points-statement-print-error")));
    }

    @Test
    void transferToTheHouseholdAndDonationWithClearMessages() {
        earn(zhang, 30);
        FakeContext context = FakeContext.resident(zhang);
        TransferView view = new TransferView(context, ledger, db.residents());
        value(view, "points-transfer-points", 20);
        context.pinEntered = false;
        ((Button) get(view, "points-transfer-submit")).click();
        ((Button) get(view, "points-donate-submit")).click();
        assertEquals(List.of(zhang.id() + ":" + PinAction.POINTS_TRANSFER, zhang.id() + ":" + PinAction.POINTS_TRANSFER),
                context.pinsAsked, "giving and donating ask for the giver's PIN");
        assertEquals(30, ledger.balance(Account.resident(zhang.id())), "nothing moves without it");
        context.pinEntered = true;
        ((Button) get(view, "points-transfer-submit")).click(); // the only member, li, is preselected
        assertEquals(20, ledger.balance(Account.resident(li.id())));
        assertEquals("Gave 20 points to 李建国.", text(get(view, "points-transfer-done")));
        assertEquals("Points: 10", text(get(view, "points-transfer-balance")));

        ((Button) get(view, "points-donate-submit")).click();
        assertEquals("Not enough points: you have 10, this needs 20.", text(get(view, "points-transfer-error")));
        value(view, "points-transfer-points", 10);
        ((Button) get(view, "points-donate-submit")).click();
        assertEquals(10, ledger.balance(Account.COMMUNITY_POOL));
        assertEquals(0, ledger.balance(Account.resident(zhang.id())));
    }

    @Test
    void staffQueueConfirmsRejectsAndConfirmsSelected() {
        HoursEntry a = hours.log(new HoursDraft(zhang.id(), "other", today, LocalTime.of(8, 0), 60, null, null, "a"),
                STAFF);
        HoursEntry b = hours.log(new HoursDraft(zhang.id(), "other", today, LocalTime.of(10, 0), 60, null, null, "b"),
                STAFF);
        HoursEntry c = hours.log(new HoursDraft(li.id(), "other", today, LocalTime.of(10, 0), 60, null, null, "c"),
                STAFF);
        HoursEntry d = hours.log(new HoursDraft(li.id(), "other", today, LocalTime.of(12, 0), 60, null, null, "d"),
                STAFF);
        FakeContext context = FakeContext.staff();
        QueueView view = new QueueView(context, hours, db.residents());
        assertEquals(List.of("points-entry-" + a.id(), "points-entry-" + b.id(), "points-entry-" + c.id(),
                "points-entry-" + d.id()), ids(view, "points-entry-").stream()
                        .filter(id -> id.matches("points-entry-\\d+")).toList());
        assertTrue(text(get(view, "points-entry-" + a.id())).contains("张桂兰"));

        ((Button) get(view, "points-entry-confirm-" + a.id())).click();
        assertEquals(8, ledger.balance(Account.resident(zhang.id())));

        ((Button) get(view, "points-entry-reject-" + b.id())).click();
        assertEquals("Please give the reason.", text(get(view, "points-queue-error")));
        value(view, "points-entry-reason-" + b.id(), "was not on duty");
        ((Button) get(view, "points-entry-reject-" + b.id())).click();
        assertEquals("was not on duty", hours.entry(b.id()).orElseThrow().rejectReason());

        value(view, "points-entry-select-" + c.id(), true);
        value(view, "points-entry-select-" + d.id(), true);
        ((Button) get(view, "points-queue-confirm-selected")).click();
        assertEquals(16, ledger.balance(Account.resident(li.id())));
        assertTrue(find(view, "points-queue-empty").isPresent());
        assertTrue(context.notifications.contains("Confirmed 2."));
    }

    @Test
    void boardShowsMaskedNamesOfTheMonth() {
        confirmed(zhang, today, 8, 60);
        confirmed(li, today, 8, 120);
        BoardView view = new BoardView(FakeContext.passerBy(), hours, today);
        assertTrue(text(view).contains("Volunteer stars of June 2025"));
        assertEquals("No. 1李**  2 hours", text(get(view, "points-board-1")));
        assertEquals("No. 2张**  1 hours", text(get(view, "points-board-2")));
        assertFalse(text(view).contains("李建国"));
    }

    @Test
    void teamActivityForManyVolunteersByCardAndSearch() {
        Resident wang = LedgerTest.resident(db, "王秀英", "10000003", "H3");
        hours.log(new HoursDraft(wang.id(), "other", today, LocalTime.of(9, 30), 30, null, null, "busy"), STAFF);
        FakeContext context = FakeContext.staff();
        TeamView view = new TeamView(context, hours, db.residents(), db.identification(), today);
        value(view, "points-team-category", "cleaning");
        value(view, "points-team-organisation", "volunteer-team");
        value(view, "points-team-minutes", 120);
        String zhangCard = db.newCard(zhang.id());
        context.cardHandler.cardTapped(zhangCard);
        context.cardHandler.cardTapped(zhangCard);
        value(view, "points-team-search", "李建");
        ((Button) get(view, "points-team-add-" + li.id())).click();
        context.cardHandler.cardTapped("10000003"); // a register number is no card: nobody added
        assertEquals(2, ids(view, "points-team-member-").size());
        context.cardHandler.cardTapped("KIOSK-CARD:" + db.newCard(wang.id()));
        assertEquals(3, ids(view, "points-team-member-").size());

        Button submit = (Button) get(view, "points-team-submit");
        submit.click();
        assertEquals("张桂兰: logged and confirmed, 16 points", text(get(view, "points-team-result-" + zhang.id())));
        assertEquals("王秀英: not logged. Hours are already logged for this time.",
                text(get(view, "points-team-result-" + wang.id())));
        assertEquals(16, ledger.balance(Account.resident(li.id())));
        assertEquals(List.of("Logged for 2 of 3 volunteers."), context.notifications);
        submit.click(); // a second tap logs nobody twice
        assertEquals(16, ledger.balance(Account.resident(li.id())));
        assertEquals(1, hours.entries(li.id(), 0, 10).size());

        ReportView report = new ReportView(FakeContext.staff(), hours, today);
        assertEquals("Community volunteer team: 2 entries, 4 hours, 32 points, 0 to the community pool",
                text(get(report, "points-report-org-volunteer-team")));
        assertTrue(find(report, "points-report-org-csv").isPresent());
    }

    @Test
    void needIsPostedAcceptedAndConfirmedDoneWhichCreditsTheVolunteer() {
        JdbcNeeds needs = new JdbcNeeds(db.transactions(), db.migrations(), db.auditLog(), db.clock(), hours);
        FakeContext asking = FakeContext.resident(li);
        NeedsView view = new NeedsView(asking, needs, hours, db.residents(), db.clock());
        ((Button) get(view, "points-need-post")).click();
        assertTrue(text(get(view, "points-need-error")).contains("Please say what help you need."));
        value(view, "points-need-category", "escort");
        value(view, "points-need-text", "Hospital on Wednesday");
        ((Button) get(view, "points-need-post")).click();
        Need need = needs.active(li.id()).get(0);
        assertTrue(find(view, "points-need-accept-" + need.id()).isEmpty(), "nobody accepts their own need");

        NeedsView helper = new NeedsView(FakeContext.resident(zhang), needs, hours, db.residents(), db.clock());
        ((Button) get(helper, "points-need-accept-" + need.id())).click();
        assertEquals(Need.State.ACCEPTED, needs.need(need.id()).orElseThrow().state());

        view = new NeedsView(asking, needs, hours, db.residents(), db.clock());
        value(view, "points-need-minutes-" + need.id(), 120);
        ((Button) get(view, "points-need-done-" + need.id())).click();
        Need done = needs.need(need.id()).orElseThrow();
        assertEquals(Need.State.DONE, done.state());
        HoursEntry entry = hours.entry(done.hoursId()).orElseThrow();
        assertEquals(HoursEntry.Status.CONFIRMED, entry.status());
        assertEquals(li.id(), entry.servedResidentId());
        assertEquals(20, ledger.balance(Account.resident(zhang.id())));
        assertTrue(find(view, "points-need-" + need.id()).isEmpty());
    }

    @Test
    void reportPerMonthAndCategoryWithCsv() {
        confirmed(zhang, today, 8, 90);
        confirmed(li, today, 8, 60);
        ReportView view = new ReportView(FakeContext.staff(), hours, today);
        assertEquals("2025-06  Other service: 2 entries, 2.5 hours, 20 points, 0 to the community pool",
                text(get(view, "points-report-2025-06-other")));
        assertEquals("Total 2.5 hours, 20 points", text(get(view, "points-report-total")));
        assertTrue(find(view, "points-report-csv").isPresent());
        assertEquals("No organisation: 2 entries, 2.5 hours, 20 points, 0 to the community pool",
                text(get(view, "points-report-org-none")));
        assertTrue(find(new ReportView(FakeContext.staff("2024"), hours, today), "points-report-empty").isPresent());
    }

    @Test
    void csvIsQuotedAndSafeForSpreadsheets() {
        String csv = ReportRow.csv(List.of(new ReportRow(java.time.YearMonth.of(2025, 6), "a,b", 1, 90, 15, 0),
                new ReportRow(java.time.YearMonth.of(2025, 7), "=cmd", 2, 60, 10, 5)));
        assertEquals("\uFEFFmonth,category,entries,hours,points,pool_points\r\n2025-06,\"a,b\",1,1.5,15,0\r\n"
                + "2025-07,'=cmd,2,1,10,5\r\n", csv);
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private static <T> void value(Component root, String id, T value) {
        ((HasValue<?, T>) get(root, id)).setValue(value);
    }

    private static String error(Component root, String id) {
        HasValidation field = (HasValidation) get(root, id);
        assertTrue(field.isInvalid(), id + " marked invalid");
        return field.getErrorMessage();
    }
}
