package org.communitykiosk.core.internal.resident;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.communitykiosk.api.Problem;
import org.communitykiosk.core.internal.MessageKeys;

/**
 * A small RFC 4180 reader: comma separated, fields optionally in double quotes, a quote inside a quoted field written
 * twice, line breaks inside quotes allowed; CRLF, LF or CR ends a record. A UTF-8 byte order mark (as Excel writes
 * it) is skipped. Records remember the line they start on, so that problems name the line a person sees in an editor.
 * <p>
 * The limits hold while reading: the whole text, the values of a line and the characters of a value are counted as
 * they come, and reading stops at the first one over its limit. An endless line or file costs no more memory than a
 * file at the limits.
 */
final class CsvReader {

    /** One record and the line (1-based) it starts on. */
    record Row(int line, List<String> fields) {

        boolean blank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    /** The file cannot be read as CSV; {@link #line} and {@link #problem} say where and why. */
    static final class Malformed extends Exception {

        private static final long serialVersionUID = 1L;

        final int line;
        final transient Problem problem;

        Malformed(int line, Problem problem) {
            super(problem.key(), null, false, false);
            this.line = line;
            this.problem = problem;
        }
    }

    private static final int EOF = -1;
    private static final char BOM = '\uFEFF';

    private static final int MEGABYTE = 1024 * 1024;

    private final Reader in;
    private final int maxChars;
    private final int maxFields;
    private final int maxFieldLength;
    private long chars;
    private int pushedBack = Integer.MIN_VALUE;
    private int line = 1;
    private boolean first = true;

    /**
     * @param maxChars characters of the whole text (reported in whole megabytes: a UTF-8 file of that many bytes has
     *        no more characters)
     * @param maxFields values of one record
     * @param maxFieldLength characters of one value
     */
    CsvReader(Reader in, int maxChars, int maxFields, int maxFieldLength) {
        this.in = in;
        this.maxChars = maxChars;
        this.maxFields = maxFields;
        this.maxFieldLength = maxFieldLength;
    }

    /**
     * Reads up to {@code maxRows} records, skipping empty lines.
     *
     * @return the records; one more than {@code maxRows} tells the caller the file is too long
     */
    List<Row> read(int maxRows) throws IOException, Malformed {
        List<Row> rows = new ArrayList<>();
        Row row;
        while (rows.size() <= maxRows && (row = next()) != null) {
            if (!row.blank()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private Row next() throws IOException, Malformed {
        int c = read();
        if (first) {
            first = false;
            if (c == BOM) {
                c = read();
            }
        }
        if (c == EOF) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false; // a quoted field was closed: only a separator or end of record may follow
        while (true) {
            if (quoted) {
                if (c == EOF) {
                    throw new Malformed(start, Problem.of(null, MessageKeys.IMPORT_QUOTE));
                }
                if (c == '"') {
                    int following = read();
                    if (following == '"') {
                        append(field, '"', start);
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = following;
                        continue;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !peekIs('\n'))) {
                        line++;
                    }
                    append(field, (char) c, start);
                }
                c = read();
                continue;
            }
            if (c == ',') {
                add(fields, field, start);
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n' || c == EOF) {
                if (c == '\r' && peekIs('\n')) {
                    read();
                }
                if (c != EOF) {
                    line++;
                }
                add(fields, field, start);
                return new Row(start, List.copyOf(fields));
            } else if (afterQuote) {
                throw new Malformed(start, Problem.of(null, MessageKeys.IMPORT_QUOTE));
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0); // spaces before an opening quote are not part of the value
                quoted = true;
            } else {
                append(field, (char) c, start);
            }
            c = read();
        }
    }

    private void add(List<String> fields, StringBuilder field, int start) throws Malformed {
        if (fields.size() >= maxFields) {
            throw new Malformed(start, Problem.of(null, MessageKeys.IMPORT_TOO_MANY_FIELDS, maxFields));
        }
        fields.add(field.toString());
    }

    private void append(StringBuilder field, char c, int start) throws Malformed {
        if (field.length() >= maxFieldLength) {
            throw new Malformed(start, Problem.of(null, MessageKeys.IMPORT_FIELD_TOO_LONG, maxFieldLength));
        }
        field.append(c);
    }

    private int read() throws IOException, Malformed {
        if (pushedBack != Integer.MIN_VALUE) {
            int c = pushedBack;
            pushedBack = Integer.MIN_VALUE;
            return c;
        }
        int c = in.read();
        if (c != EOF && ++chars > maxChars) {
            // the whole file is refused, so the problem is the file's, on its first line
            throw new Malformed(1, Problem.of(null, MessageKeys.IMPORT_TOO_BIG, maxChars / MEGABYTE));
        }
        return c;
    }

    private boolean peekIs(char expected) throws IOException, Malformed {
        int c = read();
        pushedBack = c;
        return c == expected;
    }
}
