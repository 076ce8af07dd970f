package org.communitykiosk.bloodpressure.internal;

import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Staff: regular visitors (3 readings in 90 days) not seen for 2 weeks, longest absent first, with their phone. */
final class AbsentView extends VerticalLayout {

    AbsentView(ViewContext context, ReadingStore store, ResidentDirectory residents, LocalDate today) {
        setId("bp-absent");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.backButton("bp-absent-back", context.text("bloodpressure.back"),
                () -> context.navigate(BloodPressurePlugin.MEASURE)),
                Screens.heading(context.text("bloodpressure.absent.heading")));
        List<ReadingStore.Absence> absent = store.absent(today);
        if (absent.isEmpty()) {
            add(Screens.text("bp-absent-empty", context.text("bloodpressure.absent.empty")));
        }
        for (ReadingStore.Absence a : absent) {
            Resident r = residents.byId(a.residentId()).orElse(null);
            String name = r == null ? context.text("bloodpressure.unknownResident", a.residentId()) : r.name();
            String phone = r == null || r.phone() == null ? "—" : r.phone();
            add(Screens.text("bp-absent-" + a.residentId(), context.text("bloodpressure.absent.line", name, phone,
                    Screens.date(context, a.lastSeen()), a.readings())));
        }
    }
}
