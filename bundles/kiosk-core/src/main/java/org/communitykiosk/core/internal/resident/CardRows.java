package org.communitykiosk.core.internal.resident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.resident.CardToken;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentCards.Card;
import org.communitykiosk.core.internal.store.Jdbc;

/**
 * Reading and writing {@code kiosk_card} rows, shared by the cards, identification, the import and the demo community.
 * A token is stored as its SHA-256 hash only. A token has over 66 random bits, so a slow, salted hash would buy
 * nothing: finding a token from its hash is as hard as guessing the token. The hash is of the token behind a fixed
 * label, so that a table of hashes made for anything else does not apply.
 */
final class CardRows {

    private static final String LABEL = "org.communitykiosk.card-token:1:";

    private CardRows() {
    }

    /** The stored form of a token: 64 lower-case hexadecimal digits. */
    static String hash(CardToken token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((LABEL + token.digits()).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** What the register knows of a token: the holder of its valid card, or the former holder of a revoked one. */
    record Lookup(Optional<Resident> holder, Optional<Long> revokedFrom) {

        static final Lookup NONE = new Lookup(Optional.empty(), Optional.empty());
    }

    /** One indexed query: the card with this hash and its resident. */
    static Lookup lookup(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT c.revoked_at, "
                + ResidentRows.columns("r")
                + " FROM kiosk_card c JOIN kiosk_resident r ON r.id = c.resident_id WHERE c.token_hash = ?")) {
            select.setString(1, tokenHash);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Lookup.NONE;
                }
                Resident resident = ResidentRows.map(rows);
                return rows.getTimestamp("revoked_at") == null ? new Lookup(Optional.of(resident), Optional.empty())
                        : new Lookup(Optional.empty(), Optional.of(resident.id()));
            }
        }
    }

    /** Whether a card ever had this token, valid or revoked. */
    static boolean used(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM kiosk_card WHERE token_hash = ?")) {
            select.setString(1, tokenHash);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The resident's valid card, the newest if a race ever left two. */
    static Optional<Card> current(Connection c, long residentId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id, resident_id, issued_at, issued_by_kind, "
                + "issued_by_id FROM kiosk_card WHERE resident_id = ? AND revoked_at IS NULL ORDER BY id DESC")) {
            select.setLong(1, residentId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Card(rows.getLong("id"), rows.getLong("resident_id"),
                        Jdbc.getInstant(rows, "issued_at"), new Actor(Actor.Kind.valueOf(rows.getString(
                                "issued_by_kind")), rows.getString("issued_by_id"))));
            }
        }
    }

    /** Revokes the resident's valid cards; returns how many there were. */
    static int revoke(Connection c, long residentId, Instant now, Actor by) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE kiosk_card SET revoked_at = ?, "
                + "revoked_by_kind = ?, revoked_by_id = ? WHERE resident_id = ? AND revoked_at IS NULL")) {
            Jdbc.setInstant(update, 1, now);
            update.setString(2, by.kind().name());
            update.setString(3, Jdbc.truncate(by.id(), 100));
            update.setLong(4, residentId);
            return update.executeUpdate();
        }
    }

    /** A new valid card; the caller has revoked the one before. Returns its id. */
    static Card insert(Connection c, long residentId, String tokenHash, Instant now, Actor by) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO kiosk_card (resident_id, token_hash, "
                + "issued_at, issued_by_kind, issued_by_id) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, residentId);
            insert.setString(2, tokenHash);
            Jdbc.setInstant(insert, 3, now);
            insert.setString(4, by.kind().name());
            insert.setString(5, Jdbc.truncate(by.id(), 100));
            insert.executeUpdate();
            // Derby returns the identity value; PostgreSQL returns the whole row, whose first column is the id
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Card(keys.getLong(1), residentId, now, by);
            }
        }
    }

    /**
     * Locks the resident's row until the transaction ends, so that two kiosks issuing a card for the same resident at
     * once take turns (each revokes what the other issued before it) instead of both leaving a valid card. Returns
     * whether the resident exists.
     */
    static boolean lockResident(Connection c, long residentId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE kiosk_resident SET updated_at = updated_at WHERE id = ?")) {
            update.setLong(1, residentId);
            return update.executeUpdate() == 1;
        }
    }
}
