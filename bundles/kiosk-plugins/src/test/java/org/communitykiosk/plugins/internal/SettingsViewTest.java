package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.PinAction;
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
    void editsIdleTimeoutTileOrderHiddenPluginsAndPinActions() {
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
        pin(view, "bloodpressure-history").setValue(false);
        save(view);

        assertEquals("45", store.properties.get("residentIdleTimeoutSeconds"));
        assertEquals("points,bulletin", store.properties.get("tileOrder"));
        assertEquals("bulletin", store.properties.get("hiddenPlugins"));
        assertEquals("健康小站", store.properties.get("kioskName"));
        assertEquals("points.spend,points.transfer,points.confirmServed", store.properties.get("pinRequiredFor"));
        assertEquals(List.of("The settings are saved and apply now."), context.notifications);
    }

    @Test
    void aRefusedIdleTimeoutIsMarkedAndNothingSaved() {
        SettingsView view = new SettingsView(FakeContext.staff(), editor, List.of());
        IntegerField idle = (IntegerField) FakeContext.get(view, "settings-idle");
        idle.setValue(5);
        save(view);
        assertTrue(idle.isInvalid());
        Paragraph error = (Paragraph) FakeContext.get(view, "settings-error");
        assertTrue(error.isVisible());
        assertEquals("Please enter a number of seconds from 15 to 3600.", error.getText());
        assertEquals(0, store.writes);
    }

    @Test
    void everyActionIsOfferedTickedAsTheFileSaysWithWhatItsPinProtects() {
        store.properties.put("pinRequiredFor", "points.spend,bloodpressure.history");
        SettingsView view = new SettingsView(FakeContext.staff(), editor, List.of());
        Checkbox spend = pin(view, "points-spend");
        assertEquals("Spending points", spend.getLabel());
        assertTrue(spend.getValue());
        assertFalse(pin(view, "points-transfer").getValue());
        assertFalse(pin(view, "points-confirmServed").getValue());
        assertTrue(pin(view, "bloodpressure-history").getValue());
        assertTrue(((Paragraph) FakeContext.get(view, "settings-pin-points-spend-protects")).getText()
                .startsWith("Redeeming at the love market"));
        assertEquals(PinAction.ALL.size(), FakeContext.ids(view, "settings-pin-").stream()
                .filter(id -> id.endsWith("-protects")).count());
        assertFalse(FakeContext.find(view, "settings-pin-unknown").isPresent());
    }

    @Test
    void untickingEveryActionSaysPlainlyThatACardAloneThenSpendsPointsAndIsAllowed() {
        SettingsView view = new SettingsView(FakeContext.staff(), editor, List.of());
        Paragraph none = (Paragraph) FakeContext.get(view, "settings-pin-none");
        assertFalse(none.isVisible());
        for (String action : PinAction.ALL) {
            pin(view, action.replace('.', '-')).setValue(false);
        }
        assertTrue(none.isVisible());
        assertTrue(none.getText().contains("a card alone spends and gives away points"), none.getText());
        pin(view, "points-spend").setValue(true);
        assertFalse(none.isVisible());
        pin(view, "points-spend").setValue(false);

        save(view);
        assertEquals("", store.properties.get("pinRequiredFor"));
        assertFalse(FakeContext.get(view, "settings-error").isVisible());
    }

    @Test
    void anActionTheKioskDoesNotKnowIsShownAndKeptUnlessUnticked() {
        store.properties.put("pinRequiredFor", "points.spend,points.spnd");
        SettingsView view = new SettingsView(FakeContext.staff(), editor, List.of());
        assertTrue(FakeContext.get(view, "settings-pin-unknown").isVisible());
        Checkbox other = (Checkbox) FakeContext.get(view, "settings-pin-other-0");
        assertEquals("points.spnd (an action this kiosk does not know)", other.getLabel());
        assertTrue(other.getValue());

        ((IntegerField) FakeContext.get(view, "settings-idle")).setValue(90);
        save(view);
        assertEquals("points.spend,points.spnd", store.properties.get("pinRequiredFor"), "kept as it was");

        other.setValue(false);
        save(view);
        assertEquals("points.spend", store.properties.get("pinRequiredFor"));
    }

    @Test
    void aValueThatCannotBeAnActionIsRefusedInWordsAndNothingSavedUntilUnticked() {
        store.properties.put("pinRequiredFor", "points.spend, points spend");
        SettingsView view = new SettingsView(FakeContext.staff(), editor, List.of());
        ((IntegerField) FakeContext.get(view, "settings-idle")).setValue(90);
        save(view);
        Paragraph refused = (Paragraph) FakeContext.get(view, "settings-pin-error");
        assertTrue(refused.isVisible());
        assertEquals("Not the id of an action: points spend. Untick it, or correct it in the settings file.",
                refused.getText());
        assertEquals(refused.getText(), ((Paragraph) FakeContext.get(view, "settings-error")).getText());
        assertEquals(0, store.writes);

        ((Checkbox) FakeContext.get(view, "settings-pin-other-0")).setValue(false);
        save(view);
        assertFalse(refused.isVisible());
        assertEquals("points.spend", store.properties.get("pinRequiredFor"));
        assertEquals("90", store.properties.get("residentIdleTimeoutSeconds"));
    }

    private static void save(SettingsView view) {
        ((Button) FakeContext.get(view, "settings-save")).click();
    }

    private static Checkbox pin(SettingsView view, String action) {
        return (Checkbox) FakeContext.get(view, "settings-pin-" + action);
    }
}
