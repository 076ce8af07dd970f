package org.communitykiosk.plugins.internal.shell;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.device.Device;
import org.communitykiosk.api.device.DeviceRegistry;

/** {@code kiosk:devices}: the kiosk's enrolled devices, one per line, revoked ones marked. */
@Service
@Command(scope = "kiosk", name = "devices", description = "Lists the devices enrolled at this kiosk")
public class DevicesCommand implements Action {

    @Reference
    DeviceRegistry registry;

    @Reference
    KioskSettings settings;

    @Override
    public Object execute() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(settings.zone());
        System.out.printf("%5s  %-24s %-13s %-17s %-17s %s%n", "id", "name", "role", "enrolled", "last seen", "state");
        for (Device device : registry.devices()) {
            System.out.printf("%5d  %-24s %-13s %-17s %-17s %s%n", device.id(), device.name(), device.role().id(),
                    format(time, device.enrolledAt()), format(time, device.lastSeenAt()),
                    device.revoked() ? "revoked " + format(time, device.revokedAt()) : "enrolled");
        }
        return null;
    }

    static String format(DateTimeFormatter time, Instant instant) {
        return instant == null ? "-" : time.format(instant);
    }

}
