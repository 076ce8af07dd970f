package org.communitykiosk.admin.internal;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Identification.PinLock;
import org.communitykiosk.api.resident.Resident;

import com.vaadin.flow.component.html.Div;

/**
 * On the resident screen, while the resident's PIN is locked after wrong PINs: until when (or until staff unlock it,
 * after the last of the growing lockouts), and "unlock" for staff who have checked who the resident is. Empty while
 * the PIN is not locked.
 */
final class PinLockPanel extends Div {

    static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ViewContext context;
    private final Identification identification;
    private final Resident resident;

    PinLockPanel(ViewContext context, Identification identification, Resident resident) {
        this.context = context;
        this.identification = identification;
        this.resident = resident;
        setId("resident-pin-lock");
        show();
    }

    private void show() {
        removeAll();
        Optional<PinLock> lock = identification.pinLock(resident.id());
        setVisible(lock.isPresent());
        if (lock.isEmpty()) {
            return;
        }
        PinLock locked = lock.get();
        add(Screens.text("resident-pin-locked", locked.untilUnlocked()
                ? context.text("admin.resident.pin.lockedUntilUnlock", locked.failures())
                : context.text("admin.resident.pin.locked", UNTIL.format(locked.until().atZone(context.zone())),
                        locked.failures())));
        add(Screens.bigButton("resident-pin-unlock", context.text("admin.resident.pin.unlock"), () -> {
            identification.unlockPin(resident.id(), context.session().actor());
            context.notify(context.text("admin.resident.pin.unlocked"));
            show();
        }));
    }
}
