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
    public sealed interface Block permits Heading, Text, Table, Chart, SignatureLines {
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

    /** Lines to sign on, each with its label under it (for example "会议主持人 Chair"), with room for a date. */
    public record SignatureLines(List<String> labels) implements Block {
        public SignatureLines {
            labels = List.copyOf(labels);
        }
    }
}
