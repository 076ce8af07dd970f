package org.communitykiosk.print;

import java.util.List;
import java.util.Objects;

/**
 * A document to print: a title, an optional subtitle (who and when, for example the kiosk, the community and the
 * date), and blocks from top to bottom. Large type is for residents (a points statement, a blood-pressure card);
 * normal type for records with many rows (minutes).
 */
public record Printout(String title, String subtitle, boolean largeType, List<Block> blocks) {

    public Printout {
        Objects.requireNonNull(title, "title");
        subtitle = subtitle == null ? "" : subtitle;
        blocks = List.copyOf(blocks);
    }

    /** One part of the document. */
    public sealed interface Block permits Heading, Text, Table, Chart, SignatureLines, Card {
    }

    /** A section heading. */
    public record Heading(String text) implements Block {
        public Heading {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A paragraph, wrapped to the page width. */
    public record Text(String text) implements Block {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A table with a header row, repeated on each page it continues to. Every row has as many cells as the header;
     * a cell too wide for its column wraps.
     */
    public record Table(List<String> header, List<List<String>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
                }
            }
        }
    }

    /**
     * A line chart: one line per series over the same labelled points (for example dates), with horizontal guide
     * lines where a reader should look (for example 140 mmHg). Missing values ({@code null}) leave a gap.
     */
    public record Chart(String caption, List<String> labels, List<Series> series, List<Guide> guides)
            implements Block {
        public Chart {
            Objects.requireNonNull(caption, "caption");
            labels = List.copyOf(labels);
            series = List.copyOf(series);
            guides = guides == null ? List.of() : List.copyOf(guides);
            for (Series s : series) {
                if (s.values().size() != labels.size()) {
                    throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
                            + " values for " + labels.size() + " labels");
                }
            }
        }
    }

    /** One line of a chart; values may contain {@code null} (list built with {@link java.util.Arrays#asList}). */
    public record Series(String name, List<Double> values) {
        public Series {
            Objects.requireNonNull(name, "name");
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    /** A labelled horizontal line across a chart. */
    public record Guide(String label, double value) {
    }

    /**
     * A two-dimensional code (a QR code) as its modules, drawn as given: the caller encodes it (the kiosk's QR codes
     * are made by ZXing where they are shown), the printer draws a dark square per dark module, quiet zone included.
     *
     * @param size modules per side
     * @param dark the dark modules, row by row: module (x, y) is bit {@code y * size + x}
     * @since 1.1
     */
    public record Code(int size, java.util.BitSet dark) {
        public Code {
            if (size < 1 || dark.length() > size * size) {
                throw new IllegalArgumentException("a code of " + size + " x " + size + " modules");
            }
            dark = (java.util.BitSet) dark.clone();
        }

        @Override
        public java.util.BitSet dark() {
            return (java.util.BitSet) dark.clone();
        }

        public boolean dark(int x, int y) {
            return dark.get(y * size + x);
        }
    }

    /**
     * A wallet card to cut out: the size of a bank card (ID-1, 85.6 x 54 mm) at true size, inside a dashed cut line,
     * with the lines of text on the left (the first one larger) and the code on the right. A resident card carries
     * the resident's name, register number and card token.
     *
     * @since 1.1
     */
    public record Card(List<String> lines, Code code) implements Block {
        public Card {
            lines = List.copyOf(lines);
            java.util.Objects.requireNonNull(code, "code");
        }

        @Override
        public String toString() {
            // a card's text is a credential: never in a log line
            return "Card[" + lines.size() + " lines]";
        }
    }

    /** Lines to sign on, each with its label under it (for example "会议主持人 Chair"), with room for a date. */
    public record SignatureLines(List<String> labels) implements Block {
        public SignatureLines {
            labels = List.copyOf(labels);
        }
    }
}
