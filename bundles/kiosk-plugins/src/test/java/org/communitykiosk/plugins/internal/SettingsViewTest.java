package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.communitykiosk.api.plugin.Audience;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

class SettingsViewTest {

    private final MapConfigStore store = new MapConfigStore();
    private final KioskSettingsEditor editor = new KioskSettingsEditor(store, new FakeAudit());

    @Test
    void theScreenIsForAdministratorsOnlyAndOffersTheInstalledPlugins() {
        FakeCatalog karaf = new FakeCatalog().feature("kiosk-bulletin", "1.0.0", true, "bulletin")
                .feature("kiosk-points", "1.0.0", false);
        FeaturePluginManager manager = new FeaturePluginManager(karaf, new FakeAudit(), List::of);
        assertEquals(List.of("bulletin"), SettingsPlugin.installedPluginIds(manager));
        // the ConfigurationAdmin is only used when the screen reads or saves
        SettingsPlugin plugin = new SettingsPlugin(null, new FakeAudit(), manager);
        assertEquals("settings", plugin.id());
        assertEquals(Audience.ADMIN, plugin.audience());
        assertTrue(plugin.views().stream().allMatch(v -> v.audience() == Audience.ADMIN));
    }

    @Test
    void editsIdleTimeoutTileOrderAndHiddenPlugins() {
        store.properties.put("tileOrder", "bulletin");
        FakeContext context = FakeContext.staff();
        SettingsView view = new SettingsView(context, editor, List.of("bulletin", "points"));
        assertEquals(List.of("settings-tile-bulletin", "settings-tile-points"),
                FakeContext.ids(view, "settings-tile-").stream().filter(id -> !id.contains("-up-")
                        && !id.contains("-down-")).toList());
        ((IntegerField) FakeContext.get(view, "settings-idle")).setValue(45);
        ((Button) FakeContext.get(view, "settings-tile-up-points")).click();
        ((Checkbox) FakeContext.get(view, "settings-show-bulletin")).setValue(false);
        ((TextField) FakeContext.get(view, "settings-kiosk-name")).setValue("健康小站");
        ((Button) FakeContext.get(view, "settings-save")).click();

        assertEquals("45", store.properties.get("residentIdleTimeoutSeconds"));
        assertEquals("points,bulletin", store.properties.get("tileOrder"));
        assertEquals("bulletin", store.properties.get("hiddenPlugins"));
        assertEquals("健康小站", store.properties.get("kioskName"));
        assertEquals(List.of("The settings are saved and apply now."), context.notifications);
    }

    @Test
    void aRefusedIdleTimeoutIsMarkedAndNothingSaved() {
        SettingsView view = new SettingsView(FakeContext.staff(), editor, List.of());
        IntegerField idle = (IntegerField) FakeContext.get(view, "settings-idle");
        idle.setValue(5);
        ((Button) FakeContext.get(view, "settings-save")).click();
        assertTrue(idle.isInvalid());
        Paragraph error = (Paragraph) FakeContext.get(view, "settings-error");
        assertTrue(error.isVisible());
        assertEquals("Please enter a number of seconds from 15 to 3600.", error.getText());
        assertEquals(0, store.writes);
    }

}
