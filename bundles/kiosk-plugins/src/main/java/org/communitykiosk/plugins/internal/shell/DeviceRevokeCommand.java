package org.communitykiosk.plugins.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.device.Device;
import org.communitykiosk.api.device.DeviceRegistry;

/** {@code kiosk:device-revoke <id>}: revokes an enrolled device; its open screens end at once. */
@Service
@Command(scope = "kiosk", name = "device-revoke", description = "Revokes an enrolled device (ids: kiosk:devices)")
public class DeviceRevokeCommand implements Action {

    @Reference
    DeviceRegistry registry;

    @Reference
    Session session;

    @Argument(index = 0, name = "id", required = true, description = "The device's id, as kiosk:devices lists it")
    long id;

    @Override
    public Object execute() {
        try {
            registry.revoke(id, ShellActor.of(session));
            Device device = registry.device(id).orElseThrow();
            System.out.println("revoked device " + device.id() + " (" + device.name() + ")");
        } catch (InvalidInputException refused) {
            System.out.println(DeviceProblems.describe(refused));
        }
        return null;
    }
}
