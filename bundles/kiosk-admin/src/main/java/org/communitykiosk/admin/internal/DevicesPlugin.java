package org.communitykiosk.admin.internal;

import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.device.DeviceConnector;
import org.communitykiosk.api.device.DeviceRegistry;
import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Staff console: the devices on the centre's LAN that may use this kiosk (voting booths and tablets, the projector,
 * the door tablet, staff tablets). An admin makes a one-time pairing code for a new device (shown as text and as a QR
 * code that opens the kiosk's enrolment page with the code filled in), sees the devices with when they were last seen,
 * and revokes one; the address and certificate fingerprints a tablet's owner needs are on the same screen.
 * <p>
 * View {@code /devices} (admin). Element ids, kept stable for browser tests: {@code devices-home};
 * {@code devices-name}, {@code devices-role}, {@code devices-create}, {@code devices-error}; the new code
 * {@code devices-code-panel}, {@code devices-code}, {@code devices-qr}, {@code devices-code-expires}; the connector
 * {@code devices-connector}, {@code devices-addresses}, {@code devices-fingerprint},
 * {@code devices-authority-fingerprint}; the list {@code devices-list}, {@code devices-empty}, per device
 * {@code device-<id>}, {@code device-state-<id>}, {@code device-revoke-<id>}, the confirmation
 * {@code device-revoke-confirm} with {@code device-revoke-yes} and {@code device-revoke-no}.
 */
@Component(service = KioskPlugin.class, property = KioskPlugin.PLUGIN_ID + "=" + DevicesPlugin.ID)
public final class DevicesPlugin implements KioskPlugin {

    static final String ID = "devices";

    private final List<PluginView> views;
    /** Optional: without the connector's description the screen still enrols and revokes. */
    private volatile DeviceConnector connector;

    @Activate
    public DevicesPlugin(@Reference(name = "registry") DeviceRegistry registry) {
        this.views = List.of(new PluginView("", Audience.ADMIN,
                context -> new DevicesView(context, registry, Optional.ofNullable(connector))));
    }

    @Reference(name = "connector", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setConnector(DeviceConnector newConnector) {
        connector = newConnector;
    }

    void unsetConnector(DeviceConnector gone) {
        if (connector == gone) {
            connector = null;
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "admin.devices.title";
    }

    @Override
    public String descriptionKey() {
        return "admin.devices.description";
    }

    @Override
    public String icon() {
        return "vaadin:tablet";
    }

    @Override
    public int order() {
        return 950;
    }

    @Override
    public Audience audience() {
        return Audience.ADMIN;
    }

    @Override
    public List<PluginView> views() {
        return views;
    }
}
