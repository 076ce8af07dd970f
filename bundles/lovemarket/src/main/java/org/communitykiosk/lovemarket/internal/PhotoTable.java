package org.communitykiosk.lovemarket.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Photos checked by {@link PhotoRules}, kept in a pair of tables: one row per photo ({@code <key>, mime_type,
 * size_bytes, updated_at}) and its bytes as Base64 text in chunks ({@code <key>, chunk, data VARCHAR(8000)}). There
 * is no binary column type common to Derby (BLOB) and PostgreSQL (BYTEA), and VARCHAR is. The item catalogue and the
 * swap board each own such a pair; this class is the one place that writes and reads them, inside the caller's
 * transaction.
 */
final class PhotoTable {

    static final int CHUNK = 8000;

    private final String photos;
    private final String chunks;
    private final String key;

    /** Names from the owner's migration, never from input: they are put into the SQL as they are. */
    PhotoTable(String photos, String chunks, String key) {
        this.photos = photos;
        this.chunks = chunks;
        this.key = key;
    }

    /** Replaces the photo of {@code id} (or adds it). */
    void replace(Connection c, long id, Photo photo, Instant at) throws SQLException {
        String text = Base64.getEncoder().encodeToString(photo.bytes());
        for (String sql : new String[] { "DELETE FROM " + chunks + " WHERE " + key + " = ?",
                "DELETE FROM " + photos + " WHERE " + key + " = ?" }) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + photos + " (" + key + ", mime_type,"
                + " size_bytes, updated_at) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, photo.mimeType());
            ps.setInt(3, photo.bytes().length);
            Sql.setInstant(ps, 4, at);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO " + chunks + " (" + key + ", chunk, data) VALUES (?, ?, ?)")) {
            for (int i = 0, chunk = 0; i < text.length(); i += CHUNK, chunk++) {
                ps.setLong(1, id);
                ps.setInt(2, chunk);
                ps.setString(3, text.substring(i, Math.min(text.length(), i + CHUNK)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    Optional<Photo> read(Connection c, long id) throws SQLException {
        String type;
        try (PreparedStatement ps = c.prepareStatement("SELECT mime_type FROM " + photos + " WHERE " + key + " = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                type = rs.getString(1);
            }
        }
        StringBuilder text = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT data FROM " + chunks + " WHERE " + key + " = ? ORDER BY chunk")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    text.append(rs.getString(1));
                }
            }
        }
        return Optional.of(new Photo(type, Base64.getDecoder().decode(text.toString())));
    }

    /** The ids that have a photo, each with the photo's MIME type (what a page needs before the bytes). */
    Map<Long, String> types(Connection c) throws SQLException {
        Map<Long, String> types = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + key + ", mime_type FROM " + photos);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                types.put(rs.getLong(1), rs.getString(2));
            }
        }
        return types;
    }
}
