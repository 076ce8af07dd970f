package org.communitykiosk.bloodpressure.internal;

import static org.communitykiosk.bloodpressure.internal.FakeContext.find;
import static org.communitykiosk.bloodpressure.internal.FakeContext.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.core.testing.TestDatabase;
import org.communitykiosk.print.Printer;
import org.communitykiosk.print.internal.PdfPrinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;

/** The card, the doctor's export (CSV and PDF) and their buttons, with the real printer read back by PDFBox. */
class PrintoutsTest {

    private final TestDatabase db = new TestDatabase();
    private final JdbcReadingStore store =
            new JdbcReadingStore(db.transactions(), db.migrations(), db.auditLog(), db.clock());
    private final Resident zhang = db.residents().create(
            new ResidentDraft("张桂兰", "10000001", "13800000001", "3", "2-301", "H1", null, null), Actor.system("test"));
    private final Printer printer = new PdfPrinter(List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"));
    // download links register with the UI that shows the screen (Vaadin holds the current UI weakly)
    private final UI ui = new UI();
    private LocalDate today;

    @BeforeEach
    void readings() {
        UI.setCurrent(ui);
        int[][] values = { { 150, 95, 80 }, { 138, 86, 72 }, { 128, 82, 0 } };
        for (int[] v : values) {
            store.record(zhang.id(), new ReadingDraft(v[0], v[1], v[2] == 0 ? null : v[2], Reading.Source.MANUAL),
                    Guideline.CHINA_2018, Actor.resident(zhang.id()), UUID.randomUUID().toString());
            db.clock().advance(Duration.ofDays(3));
        }
        today = LocalDate.now(db.clock());
    }

    @AfterEach
    void close() {
        UI.setCurrent(null);
        db.close();
    }

    @Test
    void theCardHasNameAveragesReadingsAndAChartWithTheGuidelinesLimits() throws IOException {
        FakeContext context = FakeContext.resident(zhang);
        List<Reading> readings = store.history(zhang.id(), today.minusDays(HistoryView.CHART_DAYS));
        String text = text(printer.pdf(CardPrintout.card(context, "张桂兰", readings, Guideline.CHINA_2018, today)));
        assertTrue(text.contains("Blood pressure card: 张桂兰"), text);
        assertTrue(text.contains("Classified by: Chinese hypertension guideline 2018"), text);
        assertTrue(text.contains("Last 90 days: average 139/88 mmHg from 3 readings"), text);
        assertTrue(text.contains("140 limit") && text.contains("90 limit"), text);
        assertTrue(text.contains("Systolic (upper)") && text.contains("Diastolic (lower)"), "legend: " + text);
        assertTrue(text.indexOf("128/82") < text.indexOf("150/95"), "newest first: " + text);
        assertTrue(text.contains("High blood pressure, grade 1"), text);

        String acc = text(printer.pdf(CardPrintout.card(context, "张桂兰", readings, Guideline.ACC_AHA_2017, today)));
        assertTrue(acc.contains("130 limit") && acc.contains("80 limit"), acc);
    }

    @Test
    void theCsvHasABomAHeaderAndCannotRunFormulas() {
        List<Reading> readings = store.history(zhang.id(), today.minusDays(30));
        byte[] csv = ReadingsCsv.csv(FakeContext.staff(), "=HYPERLINK(\"http://x\")", readings);
        assertEquals(0xEF, csv[0] & 0xFF);
        assertEquals(0xBB, csv[1] & 0xFF);
        assertEquals(0xBF, csv[2] & 0xFF);
        String[] lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertEquals(4, lines.length);
        assertEquals("\"Resident\",\"Date\",\"Time\",\"Time of day\",\"Systolic (upper)\",\"Diastolic (lower)\","
                + "\"Pulse\",\"Category\",\"Source\"", lines[0]);
        assertTrue(lines[1].startsWith("\"'=HYPERLINK(\"\"http://x\"\")\",\""), lines[1]);
        assertTrue(lines[1].contains("\"150\",\"95\",\"80\",\"High blood pressure, grade 1 (mild)\",\"Entered by hand\""),
                lines[1]);
        assertTrue(lines[3].contains("\"128\",\"82\",\"\","), "no pulse, empty cell: " + lines[3]);
        assertEquals("'-1", ReadingsCsv.safe("-1"));
        assertEquals("'+1", ReadingsCsv.safe("+1"));
        assertEquals("'@a", ReadingsCsv.safe("@a"));
        assertEquals("张桂兰", ReadingsCsv.safe("张桂兰"));
    }

    @Test
    void theResidentPrintsACardAndStaffExportARange() throws IOException {
        HistoryView noPrinter = new HistoryView(FakeContext.resident(zhang), store, db.residents(), today,
                Guideline.CHINA_2018, null);
        assertTrue(find(noPrinter, "bp-print-card").isEmpty(), "without a printer no button");
        assertTrue(find(noPrinter, "bp-export").isEmpty(), "residents do not export");

        FakeContext resident = FakeContext.resident(zhang);
        HistoryView mine = new HistoryView(resident, store, db.residents(), today, Guideline.CHINA_2018, printer);
        ((Button) get(mine, "bp-print-card")).click();
        // in the shell's printout dialog, never a link to a tab of its own
        assertTrue(find(mine, "bp-card-pdf").isEmpty());
        assertEquals("%PDF-", new String(resident.printouts.get("blood-pressure-card.pdf"), 0, 5,
                StandardCharsets.US_ASCII));

        FakeContext staffContext = FakeContext.staff(Long.toString(zhang.id()));
        HistoryView staff = new HistoryView(staffContext, store, db.residents(), today, Guideline.CHINA_2018,
                printer);
        DatePicker from = (DatePicker) get(staff, "bp-export-from");
        DatePicker to = (DatePicker) get(staff, "bp-export-to");
        from.setValue(today);
        to.setValue(today.minusDays(1));
        ((Button) get(staff, "bp-export-make")).click();
        assertEquals("The first day cannot be after the last day.", textOf(get(staff, "bp-export-error")));
        assertTrue(find(staff, "bp-export-csv").isEmpty());

        from.setValue(today.minusDays(6));
        to.setValue(today);
        ((Button) get(staff, "bp-export-make")).click();
        assertFalse(get(staff, "bp-export-error").isVisible());
        assertEquals("2 readings", textOf(get(staff, "bp-export-count")));
        // the spreadsheet goes through the shell's export dialog (a medium staff choose), never a browser download
        assertFalse(get(staff, "bp-export-csv").getElement().hasAttribute("download"));
        ((Button) get(staff, "bp-export-csv")).click();
        byte[] exported = staffContext.exports.get("blood-pressure-" + zhang.id() + ".csv");
        assertEquals(3, new String(exported, StandardCharsets.UTF_8).split("\r\n").length, "header and 2 readings");
        ((Button) get(staff, "bp-export-pdf-make")).click();
        assertTrue(staffContext.printouts.containsKey("blood-pressure.pdf"));

        List<Reading> range = store.history(zhang.id(), today.minusDays(6));
        String text = text(printer.pdf(CardPrintout.export(FakeContext.staff(), "张桂兰", range, Guideline.CHINA_2018,
                today.minusDays(6), today)));
        assertTrue(text.contains("Blood pressure readings: 张桂兰"), text);
        assertTrue(text.contains("138/86") && text.contains("128/82") && !text.contains("150/95"), text);
    }

    @Test
    void aPrinterThatCannotPrintIsReportedInWords() {
        Printer broken = printout -> {
            throw new IllegalStateException("No usable Chinese TrueType font");
        };
        HistoryView view = new HistoryView(FakeContext.resident(zhang), store, db.residents(), today,
                Guideline.CHINA_2018, broken);
        ((Button) get(view, "bp-print-card")).click();
        assertEquals("Printing is not available right now. Please ask the staff.", textOf(get(view, "bp-print-error")));
        assertTrue(get(view, "bp-print-error").isVisible());
    }

    private static String textOf(Component component) {
        return component.getElement().getTextRecursively();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // one space for every line break the layout made
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
