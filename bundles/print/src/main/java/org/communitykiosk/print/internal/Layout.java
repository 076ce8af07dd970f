package org.communitykiosk.print.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.communitykiosk.print.Printout;

/**
 * Lays one printout out on A4 pages, top to bottom, with one embedded font (a subset of a Chinese TrueType font, so
 * Chinese and Latin text share it). Everything is black on white: series of a chart differ by dash pattern and
 * marker and are named in a legend, so a grey-scale printer or a reader who does not see colours loses nothing.
 */
final class Layout {

    /** Type sizes in points: large type for residents, normal for records with many rows. */
    record Sizes(float title, float subtitle, float heading, float body, float table, float footer) {
        static final Sizes LARGE = new Sizes(26, 16, 20, 17, 16, 12);
        static final Sizes NORMAL = new Sizes(18, 11, 14, 11, 10, 9);
    }

    static final float MARGIN = 50;
    static final float TOP_MARGIN = 56;
    static final float BOTTOM_MARGIN = 60;
    private static final float LEADING = 1.45f;
    private static final float CELL_PAD = 4;
    private static final float[][] DASHES = { {}, { 7, 4 }, { 2, 3 }, { 10, 3, 2, 3 } };

    private final PDDocument document;
    private final PDType0Font font;
    private final CjkFont cjk;
    private final Sizes sizes;
    private final PDRectangle box = PDRectangle.A4;
    private final float left = MARGIN;
    private final float right = box.getWidth() - MARGIN;
    private final float top = box.getHeight() - TOP_MARGIN;
    private final float bottom = BOTTOM_MARGIN;
    private PDPageContentStream out;
    private float y;

    private Layout(PDDocument document, CjkFont cjk, boolean largeType) throws IOException {
        this.document = document;
        this.cjk = cjk;
        this.font = PDType0Font.load(document, cjk.font(), true);
        this.sizes = largeType ? Sizes.LARGE : Sizes.NORMAL;
    }

    static byte[] render(Printout printout, CjkFont cjk) throws IOException {
        try (PDDocument document = new PDDocument()) {
            Layout layout = new Layout(document, cjk, printout.largeType());
            layout.write(printout);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    private void write(Printout printout) throws IOException {
        document.getDocumentInformation().setTitle(printout.title());
        newPage();
        paragraph(printout.title(), sizes.title);
        if (!printout.subtitle().isBlank()) {
            paragraph(printout.subtitle(), sizes.subtitle);
        }
        y -= sizes.body;
        for (Printout.Block block : printout.blocks()) {
            if (block instanceof Printout.Heading heading) {
                heading(heading);
            } else if (block instanceof Printout.Text text) {
                paragraph(text.text(), sizes.body);
                y -= sizes.body * 0.5f;
            } else if (block instanceof Printout.Table table) {
                table(table);
            } else if (block instanceof Printout.Chart chart) {
                chart(chart);
            } else if (block instanceof Printout.SignatureLines lines) {
                signatures(lines);
            } else if (block instanceof Printout.Card card) {
                card(card);
            }
        }
        out.close();
        numberPages();
    }

    // ---- pages and text

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(box);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = top;
    }

    /** Starts a new page unless {@code height} still fits on this one. */
    private void room(float height) throws IOException {
        if (y - height < bottom && y < top) {
            newPage();
        }
    }

    private static float lineHeight(float size) {
        return size * LEADING;
    }

    private void paragraph(String text, float size) throws IOException {
        for (String line : wrap(text, right - left, size)) {
            room(lineHeight(size));
            y -= lineHeight(size);
            show(line, left, y + size * 0.3f, size);
        }
    }

    private void heading(Printout.Heading heading) throws IOException {
        y -= sizes.heading * 0.5f;
        // keep a heading with at least two lines of what follows
        room(lineHeight(sizes.heading) + 2 * lineHeight(sizes.body));
        paragraph(heading.text(), sizes.heading);
    }

    private void show(String text, float x, float baseline, float size) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(text);
        out.endText();
    }

    private float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(String text, float width, float size) {
        return TextWrap.lines(clean(text), width, s -> width(s, size));
    }

    /** Control characters out, and a visible "?" for a character the font lacks (never a silent gap). */
    String clean(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.replace("\r\n", "\n").codePoints().forEach(cp -> {
            if (cp == '\n') {
                clean.append('\n');
            } else if (cp == '\t' || Character.isSpaceChar(cp)) {
                clean.append(' ');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                return;
            } else if (cjk.has(cp)) {
                clean.appendCodePoint(cp);
            } else {
                clean.append('?');
            }
        });
        return clean.toString();
    }

    // ---- tables

    private void table(Printout.Table table) throws IOException {
        float size = sizes.table;
        float[] widths = columnWidths(table, size);
        List<List<String>> header = cells(table.header(), widths, size);
        y -= size * 0.5f;
        room(rowHeight(header, size) + lineHeight(size) + 2 * CELL_PAD);
        row(header, widths, size, true, 0, Integer.MAX_VALUE);
        for (List<String> raw : table.rows()) {
            List<List<String>> row = cells(raw, widths, size);
            int lines = row.stream().mapToInt(List::size).max().orElse(1);
            float full = rowHeight(row, size);
            float page = top - bottom - rowHeight(header, size);
            if (y - full < bottom && full <= page) {
                continueTable(header, widths, size);
            }
            // a row taller than a page continues on the next, line by line
            int from = 0;
            while (from < lines) {
                int fit = (int) Math.floor((y - bottom - 2 * CELL_PAD) / lineHeight(size));
                if (fit < 1) {
                    continueTable(header, widths, size);
                    continue;
                }
                row(row, widths, size, false, from, from + fit);
                from += fit;
            }
        }
        y -= size * 0.5f;
    }

    private void continueTable(List<List<String>> header, float[] widths, float size) throws IOException {
        newPage();
        row(header, widths, size, true, 0, Integer.MAX_VALUE);
    }

    private List<List<String>> cells(List<String> raw, float[] widths, float size) {
        List<List<String>> cells = new ArrayList<>();
        for (int c = 0; c < raw.size(); c++) {
            cells.add(wrap(raw.get(c) == null ? "" : raw.get(c), widths[c] - 2 * CELL_PAD, size));
        }
        return cells;
    }

    private static float rowHeight(List<List<String>> cells, float size) {
        return cells.stream().mapToInt(List::size).max().orElse(1) * lineHeight(size) + 2 * CELL_PAD;
    }

    /**
     * Widths from what the columns hold: each column gets at least its longest unbreakable word (so "Pulse" is not
     * cut into "Puls" and "e"), the room left is shared by how much more each column would like; only when even the
     * words do not fit are they cut.
     */
    private float[] columnWidths(Printout.Table table, float size) {
        int n = table.header().size();
        float available = right - left;
        float[] natural = new float[n];
        float[] minimum = new float[n];
        float floor = width("中中", size) + 2 * CELL_PAD;
        List<List<String>> all = new ArrayList<>();
        all.add(table.header());
        all.addAll(table.rows());
        for (List<String> row : all) {
            for (int c = 0; c < n; c++) {
                String cell = clean(row.get(c) == null ? "" : row.get(c));
                for (String line : cell.split("\n")) {
                    natural[c] = Math.max(natural[c], Math.min(width(line, size) + 2 * CELL_PAD, available * 0.6f));
                }
                for (String word : TextWrap.tokens(cell.replace('\n', ' '))) {
                    minimum[c] = Math.max(minimum[c], Math.min(width(word, size) + 2 * CELL_PAD, available * 0.35f));
                }
            }
        }
        float sumNatural = 0;
        float sumMinimum = 0;
        for (int c = 0; c < n; c++) {
            minimum[c] = Math.max(minimum[c], floor);
            natural[c] = Math.max(natural[c], minimum[c]);
            sumNatural += natural[c];
            sumMinimum += minimum[c];
        }
        float[] widths = new float[n];
        for (int c = 0; c < n; c++) {
            if (sumNatural <= available) {
                widths[c] = natural[c] * available / sumNatural;
            } else if (sumMinimum <= available) {
                widths[c] = minimum[c]
                        + (natural[c] - minimum[c]) * (available - sumMinimum) / (sumNatural - sumMinimum);
            } else {
                widths[c] = minimum[c] * available / sumMinimum;
            }
        }
        return widths;
    }

    /** Draws lines [from, to) of a row's cells at the cursor, with its grid, and moves the cursor below it. */
    private void row(List<List<String>> cells, float[] widths, float size, boolean header, int from, int to)
            throws IOException {
        int lines = 0;
        for (List<String> cell : cells) {
            lines = Math.max(lines, Math.min(cell.size(), to) - from);
        }
        lines = Math.max(lines, 1);
        float height = lines * lineHeight(size) + 2 * CELL_PAD;
        float rowTop = y;
        float rowBottom = y - height;
        if (header) {
            out.setNonStrokingColor(0.88f, 0.88f, 0.88f);
            out.addRect(left, rowBottom, right - left, height);
            out.fill();
            out.setNonStrokingColor(0f, 0f, 0f);
        }
        float x = left;
        for (int c = 0; c < cells.size(); c++) {
            List<String> cell = cells.get(c);
            float lineTop = rowTop - CELL_PAD;
            for (int i = from; i < Math.min(cell.size(), to); i++) {
                lineTop -= lineHeight(size);
                show(cell.get(i), x + CELL_PAD, lineTop + size * 0.3f, size);
            }
            x += widths[c];
        }
        out.setLineDashPattern(new float[0], 0);
        out.setLineWidth(header ? 1.2f : 0.5f);
        line(left, rowTop, right, rowTop);
        line(left, rowBottom, right, rowBottom);
        out.setLineWidth(0.5f);
        x = left;
        line(x, rowTop, x, rowBottom);
        for (float w : widths) {
            x += w;
            line(x, rowTop, x, rowBottom);
        }
        y = rowBottom;
    }

    private void line(float x1, float y1, float x2, float y2) throws IOException {
        out.moveTo(x1, y1);
        out.lineTo(x2, y2);
        out.stroke();
    }

    // ---- charts

    private void chart(Printout.Chart chart) throws IOException {
        float size = sizes.table;
        float small = Math.max(sizes.footer, size * 0.75f);
        float plotHeight = sizes == Sizes.LARGE ? 240 : 190;
        float legendHeight = chart.series().size() * lineHeight(size);
        y -= size * 0.5f;
        room(lineHeight(sizes.body) + plotHeight + small * 2 + legendHeight);
        paragraph(chart.caption(), sizes.body);

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Printout.Series series : chart.series()) {
            for (Double v : series.values()) {
                if (v != null && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        for (Printout.Guide guide : chart.guides()) {
            min = Math.min(min, guide.value());
            max = Math.max(max, guide.value());
        }
        if (min > max) {
            min = 0;
            max = 1;
        } else if (min == max) {
            min -= 1;
            max += 1;
        }
        double step = niceStep((max - min) / 5);
        double low = Math.floor(min / step) * step;
        double high = Math.ceil(max / step) * step;

        float labelWidth = 0;
        for (double v = low; v <= high + step / 2; v += step) {
            labelWidth = Math.max(labelWidth, width(number(v, step), small));
        }
        float guideWidth = 0;
        for (Printout.Guide guide : chart.guides()) {
            guideWidth = Math.max(guideWidth, width(clean(guide.label()), small));
        }
        float x0 = left + labelWidth + 8;
        float x1 = right - Math.min(guideWidth + 6, (right - left) * 0.3f);
        float yTop = y - small;
        float y0 = yTop - plotHeight + small * 2;
        float y1 = yTop;
        float inset = 10;
        java.util.function.DoubleUnaryOperator toY = v -> (float) (y0 + (v - low) / (high - low) * (y1 - y0));
        int n = chart.labels().size();
        java.util.function.IntToDoubleFunction toX = i -> n <= 1 ? (x0 + x1) / 2.0
                : x0 + inset + i * (x1 - x0 - 2 * inset) / (n - 1.0);

        out.setLineDashPattern(new float[0], 0);
        out.setLineWidth(1f);
        line(x0, y0, x1, y0);
        line(x0, y0, x0, y1);
        for (double v = low; v <= high + step / 2; v += step) {
            float ty = (float) toY.applyAsDouble(v);
            line(x0 - 4, ty, x0, ty);
            String label = number(v, step);
            show(label, x0 - 6 - width(label, small), ty - small * 0.35f, small);
        }

        // thin the labels so they never overlap: every k-th, where k follows from the widest label
        float widest = 0;
        for (String label : chart.labels()) {
            widest = Math.max(widest, width(clean(label), small));
        }
        float spacing = n <= 1 ? Float.MAX_VALUE : (x1 - x0 - 2 * inset) / (n - 1f);
        int every = Math.max(1, (int) Math.ceil((widest + 8) / spacing));
        for (int i = 0; i < n; i += every) {
            String label = clean(chart.labels().get(i));
            float cx = (float) toX.applyAsDouble(i);
            float lx = Math.max(left, Math.min(cx - width(label, small) / 2, right - width(label, small)));
            line(cx, y0, cx, y0 - 3);
            show(label, lx, y0 - small * 1.4f, small);
        }

        out.setLineWidth(0.8f);
        out.setLineDashPattern(new float[] { 4, 3 }, 0);
        for (Printout.Guide guide : chart.guides()) {
            float gy = (float) toY.applyAsDouble(guide.value());
            line(x0, gy, x1, gy);
        }
        out.setLineDashPattern(new float[0], 0);
        for (Printout.Guide guide : chart.guides()) {
            float gy = (float) toY.applyAsDouble(guide.value());
            show(clean(guide.label()), x1 + 4, gy - small * 0.35f, small);
        }

        for (int s = 0; s < chart.series().size(); s++) {
            List<Double> values = chart.series().get(s).values();
            out.setLineWidth(1.6f);
            out.setLineDashPattern(DASHES[s % DASHES.length], 0);
            boolean drawing = false;
            for (int i = 0; i < n; i++) {
                Double v = values.get(i);
                if (v == null || !Double.isFinite(v)) {
                    drawing = false;
                    continue;
                }
                float px = (float) toX.applyAsDouble(i);
                float py = (float) toY.applyAsDouble(v);
                if (drawing) {
                    out.lineTo(px, py);
                } else {
                    out.moveTo(px, py);
                    drawing = true;
                }
            }
            out.stroke();
            out.setLineDashPattern(new float[0], 0);
            for (int i = 0; i < n; i++) {
                Double v = values.get(i);
                if (v != null && Double.isFinite(v)) {
                    marker(s, (float) toX.applyAsDouble(i), (float) toY.applyAsDouble(v));
                }
            }
        }

        y = y0 - small * 2;
        for (int s = 0; s < chart.series().size(); s++) {
            room(lineHeight(size));
            y -= lineHeight(size);
            float mid = y + size * 0.4f;
            out.setLineWidth(1.6f);
            out.setLineDashPattern(DASHES[s % DASHES.length], 0);
            line(left, mid, left + 40, mid);
            out.setLineDashPattern(new float[0], 0);
            marker(s, left + 20, mid);
            show(clean(chart.series().get(s).name()), left + 50, y + size * 0.3f, size);
        }
        y -= size;
    }

    /** Filled square, open square, cross, open diamond: told apart without colour. */
    private void marker(int series, float x, float y) throws IOException {
        float r = 3f;
        out.setLineWidth(1.2f);
        switch (series % 4) {
            case 0 -> {
                out.addRect(x - r, y - r, 2 * r, 2 * r);
                out.fill();
            }
            case 1 -> {
                out.addRect(x - r, y - r, 2 * r, 2 * r);
                out.stroke();
            }
            case 2 -> {
                line(x - r, y - r, x + r, y + r);
                line(x - r, y + r, x + r, y - r);
            }
            default -> {
                out.moveTo(x, y + r);
                out.lineTo(x + r, y);
                out.lineTo(x, y - r);
                out.lineTo(x - r, y);
                out.closePath();
                out.stroke();
            }
        }
    }

    static double niceStep(double rough) {
        if (rough <= 0 || !Double.isFinite(rough)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static String number(double v, double step) {
        BigDecimal rounded = BigDecimal.valueOf(Math.round(v / step) * step)
                .setScale(step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step)) + 1, java.math.RoundingMode.HALF_UP);
        return rounded.stripTrailingZeros().toPlainString();
    }

    // ---- wallet cards

    /** Points in a millimetre. */
    private static final float MM = 72f / 25.4f;
    static final float CARD_WIDTH = 85.6f * MM;
    static final float CARD_HEIGHT = 54f * MM;

    /** A card at true size in a dashed cut line: text on the left, the code on the right, black on white. */
    private void card(Printout.Card card) throws IOException {
        y -= sizes.body * 0.5f;
        room(CARD_HEIGHT + sizes.body);
        float x0 = left;
        float y1 = y;
        float y0 = y - CARD_HEIGHT;
        out.setLineWidth(0.6f);
        out.setLineDashPattern(new float[] { 3, 3 }, 0);
        out.addRect(x0, y0, CARD_WIDTH, CARD_HEIGHT);
        out.stroke();
        out.setLineDashPattern(new float[0], 0);

        float pad = 4 * MM;
        // 30 mm: modules of about a millimetre for a card token's code, which any scanner reads, and room for text
        float codeSide = Math.min(CARD_HEIGHT - 2 * pad, 30 * MM);
        Printout.Code code = card.code();
        float module = codeSide / code.size();
        float codeX = x0 + CARD_WIDTH - pad - codeSide;
        float codeY = y0 + (CARD_HEIGHT - codeSide) / 2;
        for (int row = 0; row < code.size(); row++) {
            for (int col = 0; col < code.size(); col++) {
                if (code.dark(col, row)) {
                    // rows run top down in a code, PDF's y runs bottom up
                    out.addRect(codeX + col * module, codeY + codeSide - (row + 1) * module, module, module);
                }
            }
        }
        out.fill();

        float textWidth = codeX - x0 - 2 * pad;
        float lineY = y1 - pad;
        for (int i = 0; i < card.lines().size(); i++) {
            float size = i == 0 ? 14 : 9;
            for (String line : wrap(card.lines().get(i), textWidth, size)) {
                lineY -= lineHeight(size);
                if (lineY < y0 + pad) {
                    break;
                }
                show(line, x0 + pad, lineY + size * 0.3f, size);
            }
        }
        y = y0 - sizes.body;
    }

    // ---- signatures and page numbers

    private void signatures(Printout.SignatureLines signatures) throws IOException {
        float size = sizes.body;
        float small = sizes.table;
        float available = right - left;
        for (String label : signatures.labels()) {
            float block = size * 2.5f + lineHeight(small);
            room(block);
            y -= size * 2.5f;
            out.setLineDashPattern(new float[0], 0);
            out.setLineWidth(0.8f);
            line(left, y, left + available * 0.58f, y);
            line(left + available * 0.68f, y, right, y);
            y -= lineHeight(small);
            show(clean(label), left, y + small * 0.3f, small);
            show(clean("日期 / Date"), left + available * 0.68f, y + small * 0.3f, small);
        }
        y -= size;
    }

    private void numberPages() throws IOException {
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = (i + 1) + " / " + total;
                float w = font.getStringWidth(text) / 1000f * sizes.footer;
                footer.beginText();
                footer.setFont(font, sizes.footer);
                footer.newLineAtOffset((box.getWidth() - w) / 2, BOTTOM_MARGIN / 2);
                footer.showText(text);
                footer.endText();
            }
        }
    }
}
