package org.communitykiosk.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.Statement;

import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.core.internal.CoreSchema;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class SqlStatesTest {

    @Test
    void recognisesDerbyFailures() {
        try (TestDatabase db = new TestDatabase()) {
            insert(db, "INSERT INTO kiosk_resident (name, card_number, phone, created_at, updated_at) "
                    + "VALUES ('a', '100001', '13800000001', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            StoreException phone = assertThrows(StoreException.class, () -> insert(db, "INSERT INTO kiosk_resident "
                    + "(name, card_number, phone, created_at, updated_at) "
                    + "VALUES ('b', '100002', '13800000001', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
            assertTrue(SqlStates.isDuplicateKey(phone));
            assertTrue(SqlStates.violates(phone, CoreSchema.PHONE_CONSTRAINT));
            assertFalse(SqlStates.violates(phone, CoreSchema.CARD_CONSTRAINT));
            assertFalse(SqlStates.isRetryable(phone));

            StoreException exists = assertThrows(StoreException.class,
                    () -> insert(db, "CREATE TABLE kiosk_resident (id INTEGER)"));
            assertTrue(SqlStates.isAlreadyExists(exists));
        }
    }

    @Test
    void retryableStatesOfBothDatabases() {
        for (String state : new String[] { "40001", "40XL1", "40XL2", "40P01" }) {
            assertTrue(SqlStates.isRetryable(new RuntimeException(new SQLException("x", state))), state);
        }
        SQLException chained = new SQLException("transaction rolled back", "40XC0");
        chained.setNextException(new SQLException("deadlock", "40001"));
        assertTrue(SqlStates.isRetryable(chained));
        assertFalse(SqlStates.isRetryable(new SQLException("syntax", "42X01")));
        assertTrue(SqlStates.isAlreadyExists(new SQLException("exists", "42P07")));
    }

    private static void insert(TestDatabase db, String sql) {
        db.transactions().required(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
    }
}
