package org.communitykiosk.bloodpressure.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.erasure.ResidentErasure;
import org.communitykiosk.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The blood-pressure station's part in erasing residents: their readings and the alerts raised by them. */
@Component(property = ResidentErasure.OWNER + "=" + BloodPressurePlugin.ID)
public final class ReadingErasure implements ResidentErasure {

    private final Transactions transactions;

    @Activate
    public ReadingErasure(@Reference(name = "transactions") Transactions transactions,
            // the store migrates the tables this erases from
            @Reference(name = "store") ReadingStore store) {
        this.transactions = transactions;
    }

    @Override
    public int eraseResidents(Set<Long> residentIds, Actor by) {
        return transactions.required(c -> {
            int rows = 0;
            for (long id : residentIds) {
                // alerts first: they refer to readings
                rows += delete(c, "DELETE FROM bloodpressure_alert WHERE resident_id = ?", id);
                rows += delete(c, "DELETE FROM bloodpressure_reading WHERE resident_id = ?", id);
            }
            return rows;
        });
    }

    static int delete(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setLong(1, id);
            return statement.executeUpdate();
        }
    }
}
