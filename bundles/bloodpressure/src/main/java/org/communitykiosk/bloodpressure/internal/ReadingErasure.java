package org.communitykiosk.bloodpressure.internal;

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
        // alerts first: they refer to readings
        return transactions.required(c -> ResidentErasure.eachResident(c, residentIds,
                "DELETE FROM bloodpressure_alert WHERE resident_id = ?",
                "DELETE FROM bloodpressure_reading WHERE resident_id = ?"));
    }
}
