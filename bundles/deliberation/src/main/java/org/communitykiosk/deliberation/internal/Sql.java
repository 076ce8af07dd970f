package org.communitykiosk.deliberation.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

import org.communitykiosk.api.store.StoreException;

/** JDBC helpers shared by the stores. TIMESTAMP has no zone: instants are stored as UTC wall time. */
final class Sql {

    private Sql() {
    }

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setTimestamp(index, null);
        } else {
            ps.setTimestamp(index, Timestamp.from(instant), utc());
        }
    }

    static Instant getInstant(ResultSet rs, int index) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(index, utc());
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Integer getInteger(ResultSet rs, int index) throws SQLException {
        int value = rs.getInt(index);
        return rs.wasNull() ? null : value;
    }

    static Long getLong(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : value;
    }

    /** Whether a unique key refused the write (SQLState 23505 on Derby and PostgreSQL), wrapped or not. */
    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())
                    || t instanceof StoreException store && store.isDuplicateKey()) {
                return true;
            }
        }
        return false;
    }

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
