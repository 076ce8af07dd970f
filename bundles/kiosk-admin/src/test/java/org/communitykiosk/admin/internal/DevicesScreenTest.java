package org.communitykiosk.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.device.Device;
import org.communitykiosk.api.device.DeviceConnector;
import org.communitykiosk.api.device.DeviceRole;
import org.communitykiosk.api.device.Enrolment;
import org.communitykiosk.core.internal.device.JdbcDeviceRegistry;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/** The devices screen on the real registry: a code made, shown as text and QR code, a device listed and revoked. */
class DevicesScreenTest {

    private final TestDatabase db = new TestDatabase();
    private final JdbcDeviceRegistry registry = new JdbcDeviceRegistry(db.transactions(), db.migrations(),
            db.auditLog(), db.settings(), db.clock(), new SecureRandom());

    @AfterEach
    void close() {
        db.close();
    }

    /** A connector as the kiosk describes it, with its address on the centre's LAN. */
    private static final DeviceConnector CONNECTOR = new DeviceConnector() {
        @Override
        public boolean running() {
            return true;
        }

        @Override
        public List<URI> addresses() {
            return List.of(URI.create("https://192.168.1.20:8443/kiosk/enrol"));
        }

        @Override
        public Optional<String> certificateFingerprint() {
            return Optional.of("AB:CD");
        }

        @Override
        public Optional<String> authorityFingerprint() {
            return Optional.of("EF:01");
        }

        @Override
        public Optional<byte[]> authorityCertificate() {
            return Optional.empty();
        }
    };

    @Test
    @SuppressWarnings("unchecked")
    void anAdminMakesACodeThatEnrolsTheDeviceItNames() throws Exception {
        TestContext context = new TestContext();
        DevicesView screen = new DevicesView(context, registry, Optional.of(CONNECTOR));
        assertEquals("No device is enrolled yet.", Components.byId(screen, "devices-empty", Paragraph.class).getText());
        assertTrue(Components.byId(screen, "devices-addresses", Paragraph.class).getText()
                .contains("https://192.168.1.20:8443/kiosk/enrol"));
        assertTrue(Components.byId(screen, "devices-authority-fingerprint", Paragraph.class).getText().contains("EF:01"));

        Components.byId(screen, "devices-name", TextField.class).setValue("Door tablet");
        Components.byId(screen, "devices-role", Select.class).setValue(DeviceRole.DOOR);
        Components.byId(screen, "devices-create", Button.class).click();

        String shown = Components.byId(screen, "devices-code", Span.class).getText();
        assertTrue(shown.matches("\\d{4} \\d{4}"), shown);
        // the QR code opens the enrolment page with the code filled in
        Html qr = Components.byId(screen, "devices-qr", Html.class);
        assertEquals("https://192.168.1.20:8443/kiosk/enrol?code=" + shown.replace(" ", ""), QrScan.read(qr.getInnerHtml()));
        Enrolment enrolment = registry.enrol(shown);
        assertEquals("Door tablet", enrolment.device().name());
        assertEquals(DeviceRole.DOOR, enrolment.device().role());
    }

    @Test
    void aDeviceIsListedAndRevokedAfterAConfirmation() {
        Device device = registry.enrol(registry.createPairingCode("Booth 1", DeviceRole.BOOTH,
                org.communitykiosk.api.Actor.staff("admin")).code()).device();
        TestContext context = new TestContext();
        DevicesView screen = new DevicesView(context, registry, Optional.empty());
        assertTrue(Components.find(screen, "device-" + device.id()).isPresent());
        assertTrue(Components.byId(screen, "device-state-" + device.id(), Paragraph.class).getText()
                .startsWith("Enrolled "));
        screen.revoke(device);
        assertTrue(registry.device(device.id()).orElseThrow().revoked());
        assertTrue(Components.byId(screen, "device-state-" + device.id(), Paragraph.class).getText()
                .startsWith("Revoked "));
        assertFalse(Components.find(screen, "device-revoke-" + device.id()).isPresent(), "no button any more");
        assertEquals(List.of("Booth 1 is revoked"), context.notices);
    }

    @Test
    void aCodeWithoutANameIsRefusedWithAMessage() {
        TestContext context = new TestContext();
        DevicesView screen = new DevicesView(context, registry, Optional.empty());
        Components.byId(screen, "devices-create", Button.class).click();
        Paragraph error = Components.byId(screen, "devices-error", Paragraph.class);
        assertTrue(error.isVisible());
        assertEquals("!device.name.required!", error.getText(), "the platform's text (not on this class path)");
        assertFalse(Components.byId(screen, "devices-code-panel", com.vaadin.flow.component.html.Div.class)
                .isVisible());
    }

}
