package org.communitykiosk.deliberation.internal;

import java.util.Set;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.erasure.ResidentErasure;
import org.communitykiosk.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Deliberation's part in erasing residents: the matters they raised (with everybody's support for them), their support
 * for others' matters (each matter's count goes down with it), their check-ins at meetings and their lines in the
 * register of who has voted. Ballots have nothing to erase: a secret ballot is stored without any link to its voter,
 * and it stays in its poll's count; that count is then one above the register for each erased voter of the poll, which
 * the poll's check reports (for the demo community: polls the demo residents voted in).
 */
@Component(property = ResidentErasure.OWNER + "=deliberation")
public final class DeliberationErasure implements ResidentErasure {

    private final Transactions transactions;

    @Activate
    public DeliberationErasure(@Reference(name = "transactions") Transactions transactions,
            // these migrate the tables this erases from
            @Reference(name = "matters") Matters matters, @Reference(name = "council") Council council) {
        this.transactions = transactions;
    }

    @Override
    public int eraseResidents(Set<Long> residentIds, Actor by) {
        return transactions.required(c -> ResidentErasure.eachResident(c, residentIds,
                "UPDATE deliberation_matter SET supports = supports - 1 WHERE id IN"
                        + " (SELECT s.matter_id FROM deliberation_support s WHERE s.resident_id = ?)",
                "DELETE FROM deliberation_support WHERE resident_id = ?",
                "DELETE FROM deliberation_support WHERE matter_id IN"
                        + " (SELECT m.id FROM deliberation_matter m WHERE m.raised_by = ?)",
                "DELETE FROM deliberation_matter WHERE raised_by = ?",
                "DELETE FROM deliberation_attendance WHERE resident_id = ?",
                "DELETE FROM deliberation_voter_register WHERE resident_id = ?"));
    }
}
