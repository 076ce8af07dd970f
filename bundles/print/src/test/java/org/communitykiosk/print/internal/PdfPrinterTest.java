package org.communitykiosk.print.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.communitykiosk.print.Printout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Renders real documents with the kiosk's Chinese font and reads them back with PDFBox. */
class PdfPrinterTest {

    private static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    private final PdfPrinter printer = new PdfPrinter(List.of("/no/such/font.ttf", FONT));

    @BeforeAll
    static void fontInstalled() {
        assertTrue(new File(FONT).isFile(), "the tests need fonts-wqy-microhei (apt-get install fonts-wqy-microhei)");
    }

    @Test
    void chineseAndEnglishTextCanBeReadBackAndTheFontIsEmbedded() throws IOException {
        byte[] pdf = printer.pdf(new Printout("张桂兰的积分对账单", "幸福社区 Happiness community 2026-11-23", true,
                List.of(new Printout.Heading("余额 Balance"), new Printout.Text("当前余额 120 分。 Current balance 120 points."))));
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("张桂兰的积分对账单"), text);
            assertTrue(text.contains("Happiness community"), text);
            assertTrue(text.contains("当前余额 120 分。"), text);
            assertTrue(text.contains("Current balance 120 points."), text);
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded(), "font embedded");
            assertTrue(font.getName().contains("+"), "a subset has a tagged name: " + font.getName());
        }
    }

    @Test
    void aLongTableSpansPagesWithItsHeaderOnEachAndEveryRow() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of("2026-01-" + i, "志愿服务 row-" + i, "+" + i));
        }
        byte[] pdf = printer.pdf(new Printout("对账单", "", true,
                List.of(new Printout.Table(List.of("日期 Date", "事项 What", "积分 Points"), rows))));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 3, "120 large-type rows need several pages, got " + pages);
            for (int p = 1; p <= pages; p++) {
                String page = pageText(document, p);
                assertTrue(page.contains("日期 Date") && page.contains("事项 What") && page.contains("积分 Points"),
                        "header on page " + p + ": " + page);
                assertTrue(page.contains(p + " / " + pages), "page number on page " + p);
            }
            String all = new PDFTextStripper().getText(document);
            for (int i = 1; i <= 120; i++) {
                assertTrue(all.contains("row-" + i + "\n") || all.contains("row-" + i + " "), "row " + i);
            }
        }
    }

    @Test
    void aVeryLongChineseParagraphWrapsWithoutLosingACharacter() throws IOException {
        String source = "社区服务站为老年人提供血压测量、志愿服务积分、爱心超市兑换和百姓议事会，方便居民就近办事。";
        StringBuilder paragraph = new StringBuilder();
        while (paragraph.length() < 4000) {
            paragraph.append(source);
        }
        byte[] pdf = printer.pdf(new Printout("长段落", "", true, List.of(new Printout.Text(paragraph.toString()))));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 4, "4000 characters at 17 pt fill several pages");
            PDFTextStripper stripper = new PDFTextStripper();
            StringBuilder body = new StringBuilder();
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                // drop the page number line, then every line break the wrap made
                String page = pageText(document, p).replaceAll("(?m)^\\d+ / \\d+\\s*$", "");
                body.append(page);
            }
            String read = body.toString().replaceAll("\\s", "");
            assertEquals("长段落" + paragraph, read);
            assertTrue(stripper.getText(document).lines().allMatch(l -> !l.startsWith("，") && !l.startsWith("。")),
                    "no line starts with closing punctuation");
        }
    }

    @Test
    void aChartIsDrawnWithLinesDashesAndALegendAndGapsAreAllowed() throws IOException {
        List<String> labels = new ArrayList<>();
        List<Double> systolic = new ArrayList<>();
        List<Double> diastolic = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            labels.add("11-" + (i + 1));
            systolic.add(i == 10 ? null : 120.0 + (i % 7) * 5);
            diastolic.add(i == 10 ? null : 78.0 + (i % 5) * 3);
        }
        Printout.Chart chart = new Printout.Chart("血压趋势 Trend", labels,
                List.of(new Printout.Series("收缩压 Systolic", systolic), new Printout.Series("舒张压 Diastolic", diastolic)),
                List.of(new Printout.Guide("140", 140), new Printout.Guide("90", 90)));
        byte[] withChart = printer.pdf(new Printout("血压卡", "", true, List.of(chart)));
        byte[] without = printer.pdf(new Printout("血压卡", "", true, List.of()));
        try (PDDocument document = Loader.loadPDF(withChart); PDDocument empty = Loader.loadPDF(without)) {
            assertEquals(1, document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("收缩压 Systolic") && text.contains("舒张压 Diastolic"), "legend: " + text);
            assertTrue(text.contains("血压趋势 Trend"), text);
            List<String> ops = operators(document);
            long lines = ops.stream().filter("l"::equals).count();
            assertTrue(lines >= 2 * 58, "each series drawn point to point, got " + lines + " line segments");
            long dashes = ops.stream().filter("d"::equals).count();
            assertTrue(dashes >= 3, "guides and series use dash patterns: " + dashes);
            assertTrue(operators(empty).stream().noneMatch("l"::equals), "no lines without a chart");
            // 60 labels cannot all fit: thinned, so fewer than 60 are shown but the first is
            assertTrue(text.contains("11-1"), text);
            assertFalse(text.contains("11-2 ") && text.contains("11-3 ") && text.contains("11-4 "), "labels thinned");
        }
    }

    @Test
    void largeTypeIsLargeAndNormalTypeIsNormal() throws IOException {
        assertEquals(17f, bodySize(true, "Body text 正文"), 0.01f);
        assertEquals(11f, bodySize(false, "Body text 正文"), 0.01f);
    }

    @Test
    void signatureLinesAndACharacterTheFontLacksStillPrint() throws IOException {
        byte[] pdf = printer.pdf(new Printout("会议纪要", "", false,
                List.of(new Printout.Text("表情 \uD83D\uDE00 end\tTab"), new Printout.SignatureLines(List.of("主持人 Chair", "记录人 Recorder")))));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("表情 ? end Tab"), text);
            assertTrue(text.contains("主持人 Chair") && text.contains("记录人 Recorder"), text);
            assertTrue(text.contains("1 / 1"), text);
        }
    }

    @Test
    void withoutAUsableFontThePrinterRefusesClearly() {
        PdfPrinter none = new PdfPrinter(List.of("/no/such/font.ttc", "/etc/hostname"));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> none.pdf(new Printout("标题", "", true, List.of())));
        assertTrue(refused.getMessage().contains("/no/such/font.ttc (missing)"), refused.getMessage());
        assertTrue(refused.getMessage().contains("/etc/hostname"), refused.getMessage());
    }

    private float bodySize(boolean large, String marker) throws IOException {
        byte[] pdf = printer.pdf(new Printout("T", "", large, List.of(new Printout.Text(marker))));
        List<Float> sizes = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    if (text.contains("Body")) {
                        positions.forEach(p -> sizes.add(p.getFontSizeInPt()));
                    }
                    super.writeString(text, positions);
                }
            };
            stripper.getText(document);
        }
        assertFalse(sizes.isEmpty());
        return sizes.get(0);
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static List<String> operators(PDDocument document) throws IOException {
        List<String> names = new ArrayList<>();
        for (Object token : new PDFStreamParser(document.getPage(0)).parse()) {
            if (token instanceof Operator operator) {
                names.add(operator.getName());
            }
        }
        return names;
    }

    @SuppressWarnings("unused")
    private static List<Double> values(Double... v) {
        return Arrays.asList(v);
    }

    @Test
    void aWalletCardIsPrintedAtTrueSizeWithItsTextAndACodeThatScans() throws Exception {
        String payload = "KIOSK-CARD:100000010000000000007";
        com.google.zxing.common.BitMatrix matrix = new com.google.zxing.qrcode.QRCodeWriter().encode(payload,
                com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                java.util.Map.of(com.google.zxing.EncodeHintType.MARGIN, 4));
        java.util.BitSet dark = new java.util.BitSet();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    dark.set(y * matrix.getWidth() + x);
                }
            }
        }
        byte[] pdf = printer.pdf(new Printout("居民卡 Resident card", "示范社区", true, List.of(
                new Printout.Card(List.of("张桂兰", "卡号 10000001", "1000 0001 0000 0000 00007"),
                        new Printout.Code(matrix.getWidth(), dark)))));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("张桂兰") && text.contains("卡号 10000001"), text);
            // the token may wrap in the card's narrow column, but all its digits are there, in order
            assertTrue(text.replaceAll("\\s", "").contains("100000010000000000007"), text);
            assertEquals(1, document.getNumberOfPages());

            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(document)
                    .renderImageWithDPI(0, 200);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            com.google.zxing.LuminanceSource source = new com.google.zxing.RGBLuminanceSource(page.getWidth(),
                    page.getHeight(), pixels);
            String read = new com.google.zxing.qrcode.QRCodeReader().decode(
                    new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(source)),
                    java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            assertEquals(payload, read);
        }
        assertEquals(85.6 * 72 / 25.4, Layout.CARD_WIDTH, 0.01, "a bank card's width, in points");
        assertFalse(new Printout.Card(List.of("1000 0001"), new Printout.Code(1, new java.util.BitSet())).toString()
                .contains("1000"), "a card's text stays out of log lines");
    }
}
