package org.communitykiosk.plugins.internal.shell;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.device.DeviceRegistry;
import org.communitykiosk.api.device.DeviceRole;
import org.communitykiosk.api.device.PairingCode;

/**
 * {@code kiosk:device-code <name> <role>}: a one-time pairing code for a device, as the admin's devices screen makes
 * one (for a technician setting up a meeting room from the shell).
 */
@Service
@Command(scope = "kiosk", name = "device-code",
        description = "Makes a one-time pairing code (valid 10 minutes) that enrols one device")
public class DeviceCodeCommand implements Action {

    @Reference
    DeviceRegistry registry;

    @Reference
    KioskSettings settings;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", required = true, description = "What to call the device, e.g. booth-1")
    String name;

    @Argument(index = 1, name = "role", required = true,
            description = "booth, projector, door or staff-tablet")
    String role;

    @Override
    public Object execute() {
        DeviceRole parsed = DeviceRole.parse(role).orElse(null);
        if (parsed == null) {
            System.out.println("unknown role " + role + ": one of " + Arrays.stream(DeviceRole.values())
                    .map(DeviceRole::id).collect(Collectors.joining(", ")));
            return null;
        }
        try {
            PairingCode code = registry.createPairingCode(name, parsed, ShellActor.of(session));
            System.out.println("pairing code " + code.grouped() + " for " + code.deviceName() + " (" + parsed.id()
                    + "), valid until " + DateTimeFormatter.ofPattern("HH:mm").withZone(settings.zone())
                            .format(code.expiresAt()));
        } catch (InvalidInputException refused) {
            System.out.println(DeviceProblems.describe(refused));
        }
        return null;
    }
}
