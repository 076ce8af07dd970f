package org.communitykiosk.admin.internal;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writing CSV for people who open it in Excel: RFC 4180 fields and CRLF line ends, a UTF-8 byte order mark first so
 * that Excel reads Chinese as UTF-8 and not as the system's GBK.
 * <p>
 * Besides quoting, a value that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @},
 * tab or CR first) gets a leading apostrophe: audit details and subjects can carry text typed at the kiosk, and an
 * exported file must not run anything when staff open it (OWASP "CSV injection"). Plain numbers such as {@code -5}
 * are left alone.
 */
final class Csv {

    /** The byte order mark, written as the first character of a file. */
    static final String BOM = "\uFEFF";
    static final String LINE_END = "\r\n";

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private Csv() {
    }

    /** One field: {@code null} as empty, quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = neutralised(value);
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** One record with its line end. */
    static String line(List<String> values) {
        return values.stream().map(Csv::field).collect(Collectors.joining(",")) + LINE_END;
    }

    static String neutralised(String value) {
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula && !NUMBER.matcher(value).matches() ? "'" + value : value;
    }
}
