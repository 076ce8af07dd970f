package org.communitykiosk.plugins.internal;

import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;

import org.communitykiosk.api.store.Transactions;

/**
 * The one Derby-specific piece of this bundle: Derby's online backup ({@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}), which
 * copies the open database into a folder while the kiosk keeps running. On any other database (a district's
 * PostgreSQL) it does nothing and says so: that database is backed up on its server.
 */
final class DerbyBackup {

    static final String DERBY = "Apache Derby";

    private DerbyBackup() {
    }

    /**
     * Backs the kiosk database up into {@code folder} (Derby writes a copy of the database directory below it).
     *
     * @return false when the database is not Derby (nothing was done)
     */
    static boolean backup(Transactions transactions, Path folder) {
        return transactions.required(connection -> {
            if (!isDerby(connection)) {
                return false;
            }
            try (CallableStatement call = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, folder.toAbsolutePath().toString());
                call.execute();
            }
            return true;
        });
    }

    static boolean isDerby(Connection connection) throws SQLException {
        return DERBY.equals(connection.getMetaData().getDatabaseProductName());
    }
}
