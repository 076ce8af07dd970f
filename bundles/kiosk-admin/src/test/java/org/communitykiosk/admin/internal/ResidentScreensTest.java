package org.communitykiosk.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.resident.CardToken;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.ImportReport;
import org.communitykiosk.api.resident.ImportReport.RowProblem;
import org.communitykiosk.api.resident.Resident;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

/** The resident screens built by hand with a fake register, as the plugin's view factories build them. */
class ResidentScreensTest {

    // download links (template, export) are registered with the UI that shows the screen, as in the shell
    // (held here: Vaadin keeps the current UI by a weak reference)
    private final com.vaadin.flow.component.UI ui = new com.vaadin.flow.component.UI();

    @org.junit.jupiter.api.BeforeEach
    void showInAUi() {
        com.vaadin.flow.component.UI.setCurrent(ui);
    }

    @org.junit.jupiter.api.AfterEach
    void leaveTheUi() {
        com.vaadin.flow.component.UI.setCurrent(null);
    }

    private static final LocalDate TODAY = LocalDate.of(2024, 3, 8);

    private final FakeResidentDirectory directory = new FakeResidentDirectory();
    private final FakeIdentification identification = new FakeIdentification();

    /** Transactions that run the work on the spot (the fake directory needs no database). */
    static final org.communitykiosk.api.store.Transactions IN_LINE = new org.communitykiosk.api.store.Transactions() {
        @Override
        public <T> T required(org.communitykiosk.api.store.SqlWork<T> work) {
            try {
                return work.run(null);
            } catch (java.sql.SQLException e) {
                throw new org.communitykiosk.api.store.StoreException("test", e);
            }
        }

        @Override
        public boolean active() {
            return false;
        }
    };

    /** A register without demo residents. */
    static final org.communitykiosk.api.erasure.DemoResidents NO_DEMO = new FakeDemo(0);

    static final class FakeDemo implements org.communitykiosk.api.erasure.DemoResidents {
        int count;
        int removals;

        FakeDemo(int count) {
            this.count = count;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public int remove(org.communitykiosk.api.Actor by) {
            removals++;
            int removed = count;
            count = 0;
            return removed;
        }
    }
    private final org.communitykiosk.core.testing.TestDatabase db = new org.communitykiosk.core.testing.TestDatabase();

    @org.junit.jupiter.api.AfterEach
    void closeDatabase() {
        db.close();
    }

    private ResidentForm form(TestContext context) {
        return new ResidentForm(context, directory, db.cards(), identification, () -> null, TODAY);
    }

    private static final String TOKEN = "100000070000000000004";

    @Test
    void theListShowsAPageAtATimeWithTheTotal() {
        directory.add(45);
        TestContext context = new TestContext();
        ResidentListView list = new ResidentListView(context, directory, identification);

        assertEquals(20, list.shown().size());
        assertEquals("Resident 001", list.shown().get(0).name());
        assertEquals("45 residents registered", Components.byId(list, "residents-total", Paragraph.class).getText());
        Button previous = Components.byId(list, "residents-prev", Button.class);
        Button next = Components.byId(list, "residents-next", Button.class);
        assertFalse(previous.isEnabled());
        assertTrue(next.isEnabled());
        assertEquals("Page 1 of 3", Components.byId(list, "residents-page", com.vaadin.flow.component.html.Span.class)
                .getText());

        next.click();
        next.click();
        assertEquals(5, list.shown().size());
        assertEquals("Resident 041", list.shown().get(0).name());
        assertFalse(next.isEnabled());
        assertTrue(previous.isEnabled());

        previous.click();
        assertEquals("Resident 021", list.shown().get(0).name());
    }

    @Test
    void searchingStartsAtTheFirstPageAndACardTapSearchesForItsHolder() {
        directory.add(45);
        identification.cards.put(TOKEN, directory.byCard("10000007").orElseThrow());
        TestContext context = new TestContext();
        ResidentListView list = new ResidentListView(context, directory, identification);
        Components.byId(list, "residents-next", Button.class).click();

        Components.byId(list, "residents-search", TextField.class).setValue("Resident 03");
        assertEquals(10, list.shown().size());
        assertEquals("Resident 030", list.shown().get(0).name());
        assertFalse(Components.byId(list, "residents-total", Paragraph.class).isVisible());

        context.cardHandler.cardTapped("KIOSK-CARD:" + TOKEN);
        assertEquals("10000007", Components.byId(list, "residents-search", TextField.class).getValue());
        assertEquals(List.of("Resident 007"), list.shown().stream().map(Resident::name).toList());

        // a register number is no card: nothing is searched, staff are told
        context.cardHandler.cardTapped("KIOSK-CARD:10000008");
        assertEquals("10000007", Components.byId(list, "residents-search", TextField.class).getValue());
        assertEquals(1, context.notices.size());
    }

    @Test
    void anEmptyRegisterSaysSo() {
        ResidentListView list = new ResidentListView(new TestContext(), directory, identification);
        assertTrue(Components.byId(list, "residents-empty", Paragraph.class).isVisible());
        assertFalse(Components.byId(list, "residents-list", com.vaadin.flow.component.grid.Grid.class).isVisible());
    }

    @Test
    void aRefusalIsShownNextToEachFieldAndInTheSummaryAndNothingIsWritten() {
        directory.refusal = new InvalidInputException(List.of(Problem.of("cardNumber", "resident.card.invalid"),
                Problem.of("birthDate", "resident.birthDate.future"), Problem.of(null, "resident.notFound", 5L)));
        TestContext context = new TestContext();
        ResidentForm form = form(context);
        Components.byId(form, "resident-form-name", TextField.class).setValue("张三");
        Components.byId(form, "resident-form-card", TextField.class).setValue("123");

        Components.byId(form, "resident-save", Button.class).click();

        TextField card = Components.byId(form, "resident-form-card", TextField.class);
        assertTrue(card.isInvalid());
        assertEquals("!resident.card.invalid!", card.getErrorMessage());
        DatePicker birth = Components.byId(form, "resident-form-birthdate", DatePicker.class);
        assertTrue(birth.isInvalid());
        assertFalse(Components.byId(form, "resident-form-name", TextField.class).isInvalid());
        Paragraph summary = Components.byId(form, "resident-form-error", Paragraph.class);
        assertTrue(summary.isVisible());
        assertEquals("Not saved. Please correct the following:\n!resident.card.invalid!\n"
                + "!resident.birthDate.future!\n!resident.notFound!", summary.getText());
        assertTrue(Components.byId(form, "resident-save", Button.class).isEnabled());
        assertTrue(directory.written.isEmpty());
        assertTrue(context.navigations.isEmpty());

        // corrected: the marks go away and the list comes back
        directory.refusal = null;
        Components.byId(form, "resident-save", Button.class).click();
        assertFalse(card.isInvalid());
        assertFalse(summary.isVisible());
        assertEquals(List.of(ResidentsPlugin.LIST), context.navigations);
        assertEquals(List.of("Saved: 张三"), context.notices);
        assertEquals(List.of(Actor.staff("admin")), directory.actors);
    }

    @Test
    void aNewResidentIsCreatedWithWhatWasTypedAndACardTapFillsTheCard() {
        identification.cards.put(TOKEN, new Resident(9, "旧卡", "12345678", null, null, null, null, null, false));
        TestContext context = new TestContext();
        ResidentForm form = form(context);
        Components.byId(form, "resident-form-name", TextField.class).setValue("李四");
        context.cardHandler.cardTapped("12345678");
        TextField cardField = Components.byId(form, "resident-form-card", TextField.class);
        assertTrue(cardField.isInvalid(), "a register number is no card");
        assertEquals("", cardField.getValue());
        context.cardHandler.cardTapped("KIOSK-CARD:" + TOKEN);
        assertFalse(cardField.isInvalid());
        Components.byId(form, "resident-form-phone", TextField.class).setValue("13800138000");
        Components.byId(form, "resident-form-birthdate", DatePicker.class).setValue(LocalDate.of(1950, 3, 8));
        Components.byId(form, "resident-form-pin", PasswordField.class).setValue("1234");

        Components.byId(form, "resident-save", Button.class).click();

        assertEquals(1, directory.written.size());
        var draft = directory.written.get(0);
        assertEquals("李四", draft.name());
        assertEquals("12345678", draft.cardNumber());
        assertEquals("13800138000", draft.phone());
        assertEquals(LocalDate.of(1950, 3, 8), draft.birthDate());
        assertEquals("1234", draft.pin());
    }

    @Test
    void editingShowsTheResidentAndKeepsThePinWhenLeftEmpty() {
        directory.residents.add(new Resident(5, "王五", "87654321", "13900139000", "1", "1-101", "H1",
                LocalDate.of(1948, 5, 1), true));
        TestContext context = new TestContext("5");
        ResidentForm form = form(context);
        assertEquals("王五", Components.byId(form, "resident-form-name", TextField.class).getValue());
        assertEquals("87654321", Components.byId(form, "resident-form-card", TextField.class).getValue());
        assertEquals(LocalDate.of(1948, 5, 1),
                Components.byId(form, "resident-form-birthdate", DatePicker.class).getValue());
        PasswordField pin = Components.byId(form, "resident-form-pin", PasswordField.class);
        assertEquals("", pin.getValue());
        assertEquals("A PIN is set. Leave empty to keep it", pin.getHelperText());

        Components.byId(form, "resident-save", Button.class).click();
        assertEquals("", directory.written.get(0).pin());
    }

    @Test
    void aLockedPinIsShownWithItsEndAndStaffUnlockIt() {
        directory.residents.add(new Resident(5, "王五", "87654321", "13900139000", "1", "1-101", "H1",
                LocalDate.of(1948, 5, 1), true));
        directory.residents.add(new Resident(6, "赵六", "87654322", null, null, null, null, null, true));
        identification.lock(5, 10, java.time.Instant.parse("2024-03-08T06:30:00Z"));
        TestContext context = new TestContext("5");
        ResidentForm form = form(context);
        assertTrue(Components.byId(form, "resident-pin-locked", Paragraph.class).getText().contains("10"));
        Components.byId(form, "resident-pin-unlock", Button.class).click();
        assertEquals(List.of("5 by " + Actor.staff("admin")), identification.unlocked);
        assertFalse(Components.byId(form, "resident-pin-lock", com.vaadin.flow.component.html.Div.class).isVisible());
        assertTrue(Components.find(form, "resident-pin-unlock").isEmpty());

        identification.lock(6, 20, null);
        ResidentForm forGood = form(new TestContext("6"));
        assertTrue(Components.find(forGood, "resident-pin-unlock").isPresent());
        ResidentForm fresh = form(new TestContext());
        assertTrue(Components.find(fresh, "resident-pin-lock").isEmpty(), "a new resident has no lock to show");
    }

    @Test
    void anUnknownResidentIsSaidToBeMissing() {
        for (String segment : List.of("99", "abc")) {
            ResidentForm form = form(new TestContext(segment));
            assertTrue(Components.find(form, "resident-missing").isPresent(), segment);
            assertTrue(Components.find(form, "resident-save").isEmpty(), segment);
            assertTrue(Components.find(form, "resident-back").isPresent(), segment);
        }
    }

    /** The import screen, its worker running each import at once. */
    private ResidentImportView importView(org.communitykiosk.api.erasure.DemoResidents demo) {
        return new ResidentImportView(new TestContext(), directory, demo, IN_LINE, Runnable::run);
    }

    @Test
    void anImportReadsTheFileAsUtf8AndSaysHowManyWereImported() {
        directory.report = new ImportReport(3, List.of());
        ResidentImportView view = importView(NO_DEMO);
        view.importFile(new ByteArrayInputStream(("\uFEFF" + ResidentTemplate.headerLine() + "\r\n张三,12345678,,,,,,\r\n")
                .getBytes(StandardCharsets.UTF_8)));

        assertTrue(directory.imported.contains("张三,12345678"));
        assertEquals("3 residents imported", view.result().getText());
        assertFalse(view.rejected().isVisible());
    }

    @Test
    void aRejectedImportListsEveryRowAndSaysNothingWasImported() {
        directory.report = new ImportReport(0, List.of(
                new RowProblem(2, Problem.of("cardNumber", "resident.card.invalid")),
                new RowProblem(5, Problem.of(null, "import.columns", 8, 7))));
        ResidentImportView view = importView(NO_DEMO);
        view.importFile(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));

        assertTrue(view.result().getText().contains("nothing was imported"), view.result().getText());
        assertTrue(view.result().getText().startsWith("2 problems found"), view.result().getText());
        assertTrue(view.rejected().isVisible());
        assertEquals(2, view.rejected().getListDataView().getItems().count());
    }

    @Test
    void anImportRunsOffTheUiThreadAndShowsHowFarTheHashingOfPinsHasCome() {
        java.util.List<Runnable> worker = new java.util.ArrayList<>();
        directory.report = new ImportReport(2, List.of());
        directory.pinsToHash = 2;
        TestContext staff = new TestContext();
        ResidentImportView view = new ResidentImportView(staff, directory, NO_DEMO, IN_LINE, worker::add);
        view.importFile(new ByteArrayInputStream((ResidentTemplate.headerLine() + "\r\n张三,12345678,,,,,,3947\r\n"
                + "李四,12345679,,,,,,5830\r\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, worker.size(), "the import waits for the worker");
        assertEquals(null, directory.imported);
        Paragraph shown = Components.byId(view, "import-progress-text", Paragraph.class);
        assertTrue(shown.isVisible() && Components.find(view, "import-progress").orElseThrow().isVisible());
        assertEquals("Importing, please wait…", shown.getText());
        assertTrue(staff.leases.get(0).get(), "staff waiting for the import are not signed out for being idle");
        assertFalse(Components.byId(view, "import-upload", com.vaadin.flow.component.upload.Upload.class)
                .getElement().isEnabled(), "no second file meanwhile");

        List<String> seen = new java.util.ArrayList<>();
        directory.whileHashing = () -> seen.add(shown.getText());
        worker.get(0).run();
        assertEquals(List.of("Importing: 0 of 2 PINs secured", "Importing: 1 of 2 PINs secured",
                "Importing: 2 of 2 PINs secured"), seen);
        assertEquals("2 residents imported", view.result().getText());
        assertFalse(shown.isVisible());
        assertFalse(staff.leases.get(0).get(), "the idle logout counts again");
        assertTrue(Components.byId(view, "import-upload", com.vaadin.flow.component.upload.Upload.class)
                .getElement().isEnabled());
    }

    @Test
    void aFileOverTheLimitIsRefusedWholeNotImportedInPart() {
        directory.report = new ImportReport(3, List.of());
        ResidentImportView view = importView(NO_DEMO);
        StringBuilder file = new StringBuilder(ResidentTemplate.headerLine()).append("\r\n");
        for (int i = 0; file.length() < 2 * 1024 * 1024; i++) {
            file.append("张三,").append(20_000_000 + i).append(",,,,,,\r\n");
        }
        view.importFile(new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(null, directory.imported, "no part of the file reached the register");
        assertTrue(view.result().getText().contains("too big") && view.result().getText().contains("2 MB"),
                view.result().getText());
    }

    @Test
    void theUploadStopsReceivingAtTheLimitWhateverThePageAllows() throws java.io.IOException {
        ResidentImportView view = importView(NO_DEMO);
        com.vaadin.flow.component.upload.Upload upload = Components.byId(view, "import-upload",
                com.vaadin.flow.component.upload.Upload.class);
        java.io.OutputStream received = upload.getReceiver().receiveUpload("residents.csv", "text/csv");
        received.write(new byte[2 * 1024 * 1024]);
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> received.write(new byte[1024]));
    }

    @Test
    void theFirstRealImportAsksBeforeItRemovesTheDemoResidents() {
        FakeDemo demo = new FakeDemo(5);
        directory.report = new ImportReport(3, List.of());
        ResidentImportView view = importView(demo);
        view.importFile(new ByteArrayInputStream((ResidentTemplate.headerLine() + "\r\n张三,12345678,,,,,,\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(directory.imported == null || directory.imported.isEmpty(), "nothing imported before the answer");
        assertEquals(0, demo.removals);
        assertTrue(Components.find(view, "import-demo-ask").isPresent());

        ((com.vaadin.flow.component.button.Button) Components.find(view, "import-demo-cancel").orElseThrow()).click();
        assertEquals(0, demo.removals, "cancelled: the demo residents stay");
        assertEquals("Nothing was imported; the demo residents are still there.", view.result().getText());

        view.importFile(new ByteArrayInputStream((ResidentTemplate.headerLine() + "\r\n张三,12345678,,,,,,\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        ((com.vaadin.flow.component.button.Button) Components.find(view, "import-demo-confirm").orElseThrow()).click();
        assertEquals(1, demo.removals);
        assertTrue(directory.imported.contains("张三,12345678"));
        assertEquals("3 residents imported", view.result().getText());
    }

    @Test
    void aRefusedFileKeepsTheDemoResidents() {
        directory.report = new ImportReport(0, List.of(new RowProblem(2, Problem.of("cardNumber",
                "resident.card.invalid"))));
        FakeDemo demo = new FakeDemo(5);
        ResidentImportView view = importView(demo);
        view.importFile(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
        ((com.vaadin.flow.component.button.Button) Components.find(view, "import-demo-confirm").orElseThrow()).click();
        assertTrue(view.result().getText().contains("nothing was imported"), view.result().getText());
        // the fake transaction cannot roll back: that the removal is thrown back is what the test sees
        assertTrue(view.rejected().isVisible());
    }
}
