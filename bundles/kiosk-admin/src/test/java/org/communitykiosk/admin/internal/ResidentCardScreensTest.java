package org.communitykiosk.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.CardToken;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.core.testing.TestDatabase;
import org.communitykiosk.print.internal.PdfPrinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Span;

/** Issuing a card on the resident's screen, on the real core (in-memory Derby) and the real printer. */
class ResidentCardScreensTest {

    private static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private final UI ui = new UI();
    private final TestDatabase db = new TestDatabase();
    // the real printer, as points and blood pressure test their printouts (the print bundle's public constructor)
    private final Object printer = new PdfPrinter(List.of(FONT));
    private Resident resident;

    @BeforeEach
    void showInAUi() {
        UI.setCurrent(ui);
        resident = db.residents().create(new ResidentDraft("张桂兰", "10000001", null, null, null, null,
                LocalDate.of(1946, 3, 12), null), Actor.staff("admin"));
    }

    @AfterEach
    void leave() {
        UI.setCurrent(null);
        db.close();
    }

    private ResidentForm form(TestContext context) {
        ResidentForm form = new ResidentForm(context, db.residents(), db.cards(), db.identification(),
                () -> printer, LocalDate.of(2025, 6, 2));
        ui.add(form);
        return form;
    }

    private static ResidentCardSection section(ResidentForm form) {
        return Components.all(form).filter(ResidentCardSection.class::isInstance)
                .map(ResidentCardSection.class::cast).findFirst().orElseThrow();
    }

    private static <T extends Component> T inDialog(ResidentCardSection section, String id, Class<T> type) {
        Dialog dialog = section.dialog().orElseThrow(() -> new AssertionError("no dialog open"));
        return Components.byId(dialog, id, type);
    }

    @Test
    void aNewResidentHasNoCardSectionUntilSaved() {
        ResidentForm form = form(new TestContext());
        assertTrue(Components.find(form, "resident-card").isEmpty());
    }

    @Test
    void staffIssueACardSeeItsTokenOnceAndTheResidentSignsInWithIt() throws Exception {
        TestContext context = new TestContext(Long.toString(resident.id()));
        ResidentSection screen = new ResidentSection(form(context));
        assertTrue(screen.section.status().getText().startsWith("No card yet"), screen.section.status().getText());

        String first = screen.issue();
        assertEquals(resident, db.identification().byToken(first).orElseThrow());
        assertTrue(screen.section.status().getText().contains("2025-06-02")
                && screen.section.status().getText().contains("admin"), screen.section.status().getText());
        assertTrue(Components.find(screen.section.dialog().orElseThrow(), "resident-card-qr").isPresent());

        // printed as a card: the printout shows inside the dialog and carries name, number and token
        inDialog(screen.section, "resident-card-print", Button.class).click();
        IFrame frame = inDialog(screen.section, "resident-card-pdf", IFrame.class);
        assertTrue(frame.getElement().getAttribute("src").contains("card.pdf"), frame.getElement().getAttribute("src"));
        byte[] pdf = CardPrintout.pdf(printer, context, resident, CardToken.parse(first).orElseThrow());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s", "");
            assertTrue(text.contains("张桂兰") && text.contains("10000001") && text.contains(first), text);
        }

        inDialog(screen.section, "resident-card-done", Button.class).click();
        assertTrue(screen.section.dialog().isEmpty(), "the token leaves the screen");

        // a new card: staff confirm, the old one stops working at once
        String second = screen.issue();
        assertNotEquals(first, second);
        assertTrue(db.identification().byToken(first).isEmpty(), "the card before");
        assertEquals(resident, db.identification().byToken(second).orElseThrow());

        List<AuditEntry> issued = db.auditLog().find(new AuditQuery(null, null, null, "resident.card.", 0, 10));
        assertEquals(2, issued.size());
        for (AuditEntry entry : issued) {
            assertEquals(Actor.staff("admin"), entry.actor());
            assertFalse(entry.detail().contains(first) || entry.detail().contains(second), entry.detail());
        }
    }

    @Test
    void cancellingIssuesNothing() {
        ResidentSection screen = new ResidentSection(form(new TestContext(Long.toString(resident.id()))));
        Components.byId(screen.section, "resident-card-issue", Button.class).click();
        inDialog(screen.section, "resident-card-confirm-no", Button.class).click();
        assertTrue(screen.section.dialog().isEmpty());
        assertTrue(db.cards().current(resident.id()).isEmpty());
    }

    @Test
    void leavingTheScreenTakesTheTokenOffIt() {
        ResidentForm form = form(new TestContext(Long.toString(resident.id())));
        ResidentSection screen = new ResidentSection(form);
        Components.byId(screen.section, "resident-card-issue", Button.class).click();
        inDialog(screen.section, "resident-card-confirm-yes", Button.class).click();
        Dialog dialog = screen.section.dialog().orElseThrow();
        assertTrue(dialog.isOpened());

        ui.remove(form); // navigation, sign-out or the idle logout replace the screen
        assertFalse(dialog.isOpened());
        assertTrue(Components.find(dialog, "resident-card-token").isEmpty(), "nothing of the token kept");
    }

    @Test
    void withoutAPrinterTheCardIsShownButNotPrinted() {
        ResidentForm form = new ResidentForm(new TestContext(Long.toString(resident.id())), db.residents(),
                db.cards(), db.identification(), () -> null, LocalDate.of(2025, 6, 2));
        ui.add(form);
        ResidentCardSection section = section(form);
        Components.byId(section, "resident-card-issue", Button.class).click();
        inDialog(section, "resident-card-confirm-yes", Button.class).click();
        assertTrue(Components.find(section.dialog().orElseThrow(), "resident-card-token").isPresent());
        assertTrue(Components.find(section.dialog().orElseThrow(), "resident-card-print").isEmpty());
    }

    /** The card section of a resident's form, driven as staff tap it. */
    private final class ResidentSection {

        final ResidentCardSection section;

        ResidentSection(ResidentForm form) {
            this.section = section(form);
            assertTrue(new File(FONT).isFile(), "the tests need fonts-wqy-microhei");
        }

        /** Issue, confirm, read the token shown; returns its digits. */
        String issue() {
            Components.byId(section, "resident-card-issue", Button.class).click();
            inDialog(section, "resident-card-confirm-yes", Button.class).click();
            String shown = inDialog(section, "resident-card-token", Span.class).getText();
            assertTrue(shown.matches("\\d{4}( \\d{4}){3} \\d{5}"), shown);
            return CardToken.parse(shown).orElseThrow().digits();
        }
    }
}
