package org.communitykiosk.points.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/** JDBC helpers shared by the plugin's stores. TIMESTAMP has no zone: instants are stored as UTC wall time. */
final class Sql {

    static final String DUPLICATE_KEY = "23505";

    private Sql() {
    }

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setTimestamp(index, Timestamp.from(instant), utc());
    }

    static Instant getInstant(ResultSet rs, int index) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(index, utc());
        return timestamp == null ? null : timestamp.toInstant();
    }

    static boolean isDuplicateKey(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (DUPLICATE_KEY.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
