package org.communitykiosk.api.erasure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.communitykiosk.api.Actor;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin's part in erasing residents: it deletes every row it keeps about them. Register it as an OSGi service (a
 * plugin usually makes its store component provide it). The platform calls every registered one inside one
 * transaction and then deletes the residents themselves; if any throws, nothing is erased anywhere.
 * <p>
 * Use the plugin's {@link org.communitykiosk.api.store.Transactions#required} for the work: it joins the platform's
 * transaction. Rows that others' data depend on are not left dangling: a points posting goes with its counter entry
 * (the ledger stays balanced); what is anonymous by design (a secret ballot) has nothing to erase. Do not write the
 * erased values to the log or the audit log.
 *
 * @since 1.0
 */
@ConsumerType
public interface ResidentErasure {

    /** Service property naming the plugin, for the audit entry of an erasure. */
    String OWNER = "kiosk.erasure.owner";

    /**
     * Deletes what this plugin keeps about the residents.
     *
     * @param residentIds the residents, all of them in the register at the time of the call
     * @param by who erases (recorded by the platform)
     * @return how many rows were deleted, for the audit entry
     */
    int eraseResidents(Set<Long> residentIds, Actor by);

    /**
     * The usual body of {@link #eraseResidents}: runs the statements in the order given for one resident, then for the
     * next, each with the resident's id as its one parameter ({@code DELETE ... WHERE resident_id = ?},
     * {@code UPDATE ... SET resident_id = NULL WHERE resident_id = ?}). Each statement is prepared once.
     *
     * @return the rows the statements changed, together
     */
    static int eachResident(Connection c, Set<Long> residentIds, String... statements) throws SQLException {
        List<PreparedStatement> prepared = new ArrayList<>(statements.length);
        try {
            for (String sql : statements) {
                prepared.add(c.prepareStatement(sql));
            }
            int rows = 0;
            for (long id : residentIds) {
                for (PreparedStatement statement : prepared) {
                    statement.setLong(1, id);
                    rows += statement.executeUpdate();
                }
            }
            return rows;
        } finally {
            for (PreparedStatement statement : prepared) {
                statement.close();
            }
        }
    }
}
