package org.communitykiosk.core.internal.resident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.core.internal.store.Jdbc;

/** Reading {@code kiosk_resident} rows, shared by the directory and identification. */
final class ResidentRows {

    static final String COLUMNS = columns("");

    /** The columns {@link #map} reads, of the resident table named {@code alias} in a join. */
    static String columns(String alias) {
        String t = alias.isEmpty() ? "" : alias + ".";
        return t + "id, " + t + "name, " + t + "card_number, " + t + "phone, " + t + "building, " + t + "unit, " + t
                + "household, " + t + "birth_date, CASE WHEN " + t + "pin_hash IS NULL THEN 0 ELSE 1 END AS pin_set";
    }

    private ResidentRows() {
    }

    static Resident map(ResultSet rows) throws SQLException {
        return new Resident(rows.getLong("id"), rows.getString("name"), rows.getString("card_number"),
                rows.getString("phone"), rows.getString("building"), rows.getString("unit"),
                rows.getString("household"), Jdbc.getDate(rows, "birth_date"), rows.getInt("pin_set") == 1);
    }

    /** The first resident where the column equals the value. */
    static Optional<Resident> one(Connection connection, String column, Object value) throws SQLException {
        List<Resident> found = list(connection,
                "SELECT " + COLUMNS + " FROM kiosk_resident WHERE " + column + " = ?", value);
        return found.stream().findFirst();
    }

    static List<Resident> list(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setObject(i + 1, args[i]);
            }
            List<Resident> residents = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    residents.add(map(rows));
                }
            }
            return residents;
        }
    }

    /** Id of another resident holding the value in a unique column, if any. */
    static Optional<Long> holder(Connection connection, String column, String value, Long except)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM kiosk_resident WHERE " + column + " = ?")) {
            select.setString(1, value);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    if (except == null || id != except) {
                        return Optional.of(id);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
