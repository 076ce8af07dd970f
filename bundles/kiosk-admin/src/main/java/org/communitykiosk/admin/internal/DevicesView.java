package org.communitykiosk.admin.internal;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.device.Device;
import org.communitykiosk.api.device.DeviceConnector;
import org.communitykiosk.api.device.DeviceRegistry;
import org.communitykiosk.api.device.DeviceRole;
import org.communitykiosk.api.device.PairingCode;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.store.StoreException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/** The devices screen of {@link DevicesPlugin}. */
final class DevicesView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    /** The QR code's size on screen: a tablet's camera reads it from an arm's length. */
    private static final int QR_SIZE = 280;

    private final transient ViewContext context;
    private final transient DeviceRegistry registry;
    private final transient Optional<DeviceConnector> connector;
    private final transient DateTimeFormatter time;
    private final TextField name = new TextField();
    private final Select<DeviceRole> role = new Select<>();
    private final Paragraph error = Screens.error("devices-error");
    private final Div codePanel = new Div();
    private final VerticalLayout list = new VerticalLayout();

    DevicesView(ViewContext context, DeviceRegistry registry, Optional<DeviceConnector> connector) {
        this.context = context;
        this.registry = registry;
        this.connector = connector;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(context.zone());
        setMaxWidth(Screens.CONTENT_WIDTH);
        setPadding(false);
        add(Screens.backButton("devices-home", context.text("admin.home"), context::home));
        add(Screens.heading(context.text("admin.devices.heading")));
        Paragraph explain = Screens.text("devices-explain", context.text("admin.devices.explain"));
        add(explain);

        name.setId("devices-name");
        name.setLabel(context.text("admin.devices.name"));
        name.setMaxLength(DeviceRegistry.NAME_MAX);
        Screens.textSize(name);
        role.setId("devices-role");
        role.setLabel(context.text("admin.devices.role"));
        role.setItems(DeviceRole.values());
        role.setItemLabelGenerator(r -> context.text("device.role." + r.id()));
        role.setValue(DeviceRole.BOOTH);
        Screens.textSize(role);
        Button create = Screens.bigButton("devices-create", context.text("admin.devices.create"), this::createCode);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, role, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        add(form, error);
        codePanel.setId("devices-code-panel");
        codePanel.setVisible(false);
        add(codePanel);
        add(connectorPanel());
        add(Screens.heading(context.text("admin.devices.listHeading")));
        list.setId("devices-list");
        list.setPadding(false);
        add(list);
        showDevices();
    }

    private void createCode() {
        error.setVisible(false);
        try {
            PairingCode code = registry.createPairingCode(name.getValue(), role.getValue(),
                    context.session().actor());
            showCode(code);
            name.clear();
            showDevices();
        } catch (InvalidInputException refused) {
            showError(context.describe(refused));
        } catch (StoreException failed) {
            showError(context.text("admin.store.failed"));
        }
    }

    /** The code, big and grouped as people read it, and as a QR code that opens the enrolment page with it. */
    private void showCode(PairingCode code) {
        codePanel.removeAll();
        Span digits = new Span(code.grouped());
        digits.setId("devices-code");
        digits.getStyle().set("font-size", "64px").set("font-weight", "700").set("letter-spacing", "0.1em")
                .set("font-family", "monospace");
        String payload = connector.flatMap(c -> c.addresses().stream().findFirst())
                .map(address -> address + "?code=" + code.code()).orElse(code.code());
        Paragraph forDevice = Screens.text("devices-code-for", context.text("admin.devices.codeFor",
                code.deviceName(), context.text("device.role." + code.role().id())));
        Paragraph expires = Screens.text("devices-code-expires", context.text("admin.devices.codeExpires",
                time.format(code.expiresAt())));
        codePanel.add(forDevice, digits, QrCode.of("devices-qr", payload, QR_SIZE), expires);
        codePanel.setVisible(true);
    }

    private Div connectorPanel() {
        Div panel = new Div();
        panel.setId("devices-connector-panel");
        if (connector.isEmpty()) {
            panel.add(Screens.text("devices-connector", context.text("admin.devices.connector.unknown")));
            return panel;
        }
        DeviceConnector c = connector.get();
        panel.add(Screens.text("devices-connector", context.text(c.running() ? "admin.devices.connector.running"
                : "admin.devices.connector.stopped")));
        List<URI> addresses = c.addresses();
        panel.add(Screens.text("devices-addresses", addresses.isEmpty() ? context.text("admin.devices.noAddress")
                : context.text("admin.devices.addresses", String.join("  ", addresses.stream().map(URI::toString)
                        .toList()))));
        c.certificateFingerprint().ifPresent(f -> panel.add(monospace("devices-fingerprint",
                context.text("admin.devices.fingerprint", f))));
        c.authorityFingerprint().ifPresent(f -> panel.add(monospace("devices-authority-fingerprint",
                context.text("admin.devices.authorityFingerprint", f))));
        return panel;
    }

    private static Paragraph monospace(String id, String text) {
        Paragraph paragraph = Screens.text(id, text);
        paragraph.getStyle().set("font-family", "monospace").set("word-break", "break-all");
        return paragraph;
    }

    /** Every device, newest first: name, role, enrolled, last seen, and a revoke button while it is enrolled. */
    private void showDevices() {
        list.removeAll();
        List<Device> devices;
        try {
            devices = registry.devices();
        } catch (StoreException failed) {
            showError(context.text("admin.store.failed"));
            return;
        }
        if (devices.isEmpty()) {
            list.add(Screens.text("devices-empty", context.text("admin.devices.empty")));
            return;
        }
        for (Device device : devices) {
            HorizontalLayout row = new HorizontalLayout();
            row.setId("device-" + device.id());
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            row.getStyle().set("flex-wrap", "wrap");
            Paragraph what = Screens.text(null,
                    device.name() + " · " + context.text("device.role." + device.role().id()));
            what.getStyle().set("font-weight", "700").set("min-width", "320px");
            Paragraph state = Screens.text("device-state-" + device.id(), device.revoked()
                    ? context.text("admin.devices.revoked", format(device.revokedAt()))
                    : context.text("admin.devices.enrolled", format(device.enrolledAt()),
                            device.lastSeenAt() == null ? context.text("admin.devices.neverSeen")
                                    : format(device.lastSeenAt())));
            row.add(what, state);
            if (!device.revoked()) {
                Button revoke = Screens.bigButton("device-revoke-" + device.id(), context.text("admin.devices.revoke"),
                        () -> confirmRevoke(device));
                revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
                row.add(revoke);
            }
            list.add(row);
        }
    }

    /** Asked once more: a revoked booth in the middle of a vote must be enrolled again. */
    private void confirmRevoke(Device device) {
        Dialog confirm = new Dialog();
        confirm.setId("device-revoke-confirm");
        Paragraph question = Screens.text(null, context.text("admin.devices.revokeQuestion", device.name()));
        question.getStyle().set("font-weight", "700");
        Paragraph explain = Screens.text(null, context.text("admin.devices.revokeExplain"));
        Button yes = Screens.bigButton("device-revoke-yes", context.text("admin.devices.revoke"), () -> {
            confirm.close();
            revoke(device);
        });
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button no = Screens.bigButton("device-revoke-no", context.text("admin.devices.keep"), confirm::close);
        HorizontalLayout buttons = new HorizontalLayout(no, yes);
        VerticalLayout content = new VerticalLayout(question, explain, buttons);
        content.setMaxWidth("640px");
        confirm.add(content);
        confirm.open();
    }

    void revoke(Device device) {
        error.setVisible(false);
        try {
            registry.revoke(device.id(), context.session().actor());
            context.notify(context.text("admin.devices.revokedNotice", device.name()));
        } catch (InvalidInputException refused) {
            showError(context.describe(refused));
        } catch (StoreException failed) {
            showError(context.text("admin.store.failed"));
        }
        showDevices();
    }

    private String format(Instant instant) {
        return time.format(instant);
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }
}
