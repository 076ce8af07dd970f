package org.communitykiosk.core.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Small JDBC helpers shared by the core stores. Instants are stored as UTC wall time: TIMESTAMP has no zone, and
 * kiosks sharing one server may run with different JVM default zones.
 */
public final class Jdbc {

    private Jdbc() {
    }

    private static Calendar utc() {
        // Calendar is mutable and drivers may modify it: a fresh one per call
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(instant), utc());
        }
    }

    public static Instant getInstant(ResultSet rows, String column) throws SQLException {
        Timestamp value = rows.getTimestamp(column, utc());
        return value == null ? null : value.toInstant();
    }

    public static void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setDate(index, java.sql.Date.valueOf(date));
        }
    }

    public static LocalDate getDate(ResultSet rows, String column) throws SQLException {
        java.sql.Date value = rows.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    public static void setText(PreparedStatement statement, int index, String text) throws SQLException {
        if (text == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, text);
        }
    }

    /** Cuts text to a column's size so that an overlong free text cannot make a write fail. */
    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never leave half a character behind
        }
        return text.substring(0, end);
    }

    /** A LIKE pattern matching the text literally; use with {@code ESCAPE '\'}. */
    public static String likeLiteral(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
