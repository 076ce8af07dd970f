package org.communitykiosk.lovemarket.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/** JDBC helpers. TIMESTAMP has no zone: instants are stored as UTC wall time. */
final class Sql {

    private Sql() {
    }

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setTimestamp(index, instant == null ? null : Timestamp.from(instant), utc());
    }

    static Instant getInstant(ResultSet rs, int index) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(index, utc());
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** SQLState 23505 on Derby and PostgreSQL. */
    static boolean isDuplicateKey(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
