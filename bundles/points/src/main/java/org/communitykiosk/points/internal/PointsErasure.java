package org.communitykiosk.points.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.erasure.ResidentErasure;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.Ledger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The points plugin's part in erasing residents: their volunteer entry, the hours they served (hours they received
 * stay with the volunteer who gave them, without the name of the person served), the needs they asked for (a need
 * they took on goes back to open), and their ledger account with every transfer to or from it
 * ({@link JdbcLedger#erase}).
 */
@Component(property = ResidentErasure.OWNER + "=points")
public final class PointsErasure implements ResidentErasure {

    private final Transactions transactions;

    @Activate
    public PointsErasure(@Reference(name = "transactions") Transactions transactions,
            // these migrate the tables this erases from
            @Reference(name = "ledger") Ledger ledger, @Reference(name = "hours") ServiceHours hours,
            @Reference(name = "needs") JdbcNeeds needs) {
        this.transactions = transactions;
    }

    @Override
    public int eraseResidents(Set<Long> residentIds, Actor by) {
        return transactions.required(c -> {
            int rows = ResidentErasure.eachResident(c, residentIds,
                    "UPDATE points_need SET volunteer_id = NULL, state = 'OPEN' WHERE volunteer_id = ?"
                            + " AND state = 'ACCEPTED'",
                    "UPDATE points_need SET volunteer_id = NULL WHERE volunteer_id = ?",
                    "UPDATE points_need SET hours_id = NULL WHERE hours_id IN"
                            + " (SELECT h.id FROM points_hours h WHERE h.volunteer_id = ?)",
                    "DELETE FROM points_need WHERE requester_id = ?",
                    "UPDATE points_hours SET served_id = NULL WHERE served_id = ?",
                    "DELETE FROM points_hours WHERE volunteer_id = ?",
                    "DELETE FROM points_volunteer WHERE resident_id = ?");
            Set<Account> accounts = new LinkedHashSet<>();
            residentIds.forEach(id -> accounts.add(Account.resident(id)));
            return rows + JdbcLedger.erase(c, accounts);
        });
    }
}
