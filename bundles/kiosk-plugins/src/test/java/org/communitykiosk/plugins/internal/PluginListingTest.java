package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.communitykiosk.plugins.api.PluginInfo;
import org.communitykiosk.plugins.api.PluginInfo.State;
import org.junit.jupiter.api.Test;

class PluginListingTest {

    private static FeatureEntry entry(String name, String version, boolean installed, boolean started,
            String... ids) {
        return new FeatureEntry(name, version, "desc " + name, installed, List.of("mvn:x/" + name + "/" + version),
                List.of(ids), started, false);
    }

    @Test
    void platformAndForeignFeaturesAreNotPlugins() {
        List<PluginInfo> plugins = PluginListing.plugins(List.of(entry("kiosk-platform", "0.1.0", true, true),
                entry("kiosk-vaadin", "0.1.0", true, true), entry("kiosk-derby", "0.1.0", true, true),
                entry("scr", "4.4.10", true, true), entry("kiosk-bulletin", "0.1.0", false, false)), List.of());
        assertEquals(List.of("kiosk-bulletin"), plugins.stream().map(PluginInfo::featureName).toList());
    }

    @Test
    void theFeatureHoldingTheManagerIsNotOffered() {
        FeatureEntry self = new FeatureEntry("kiosk-admin-console", "0.1.0", "", true, List.of("mvn:me"), List.of(),
                true, true);
        assertTrue(PluginListing.plugins(List.of(self), List.of()).isEmpty());
    }

    @Test
    void statesFromInstalledStartedAndNewerVersions() {
        List<PluginInfo> plugins = PluginListing.plugins(List.of(
                entry("kiosk-a", "1.0.0", true, true, "a"),
                entry("kiosk-b", "1.0.0", true, true, "b"), entry("kiosk-b", "1.1.0", false, false),
                entry("kiosk-c", "1.0.0", true, false),
                entry("kiosk-d", "0.1.0.SNAPSHOT", false, false), entry("kiosk-d", "0.2.0", false, false)), List.of());
        assertEquals(List.of(State.INSTALLED, State.UPDATE_AVAILABLE, State.FAILED, State.NOT_INSTALLED),
                plugins.stream().map(PluginInfo::state).toList());
        PluginInfo b = plugins.get(1);
        assertEquals("1.0.0", b.version());
        assertEquals("1.1.0", b.availableVersion());
        PluginInfo d = plugins.get(3);
        assertEquals("0.2.0", d.version());
        assertEquals(List.of("d"), d.pluginIds(), "guessed from the feature name until it runs");
        assertEquals("desc kiosk-d", d.name());
    }

    @Test
    void shownWhenInstalledWorkingAndNotAllItsIdsHidden() {
        List<PluginInfo> plugins = PluginListing.plugins(List.of(
                entry("kiosk-a", "1.0.0", true, true, "a"),
                entry("kiosk-console", "1.0.0", true, true, "residents", "audit"),
                entry("kiosk-c", "1.0.0", true, false, "c"),
                entry("kiosk-d", "1.0.0", false, false)), List.of("a", "audit"));
        assertFalse(plugins.get(0).shownOnThisKiosk(), "a is hidden");
        assertFalse(plugins.get(1).shownOnThisKiosk(), "c failed");
        assertTrue(plugins.get(2).shownOnThisKiosk(), "residents is still shown");
        assertEquals(List.of("residents", "audit"), plugins.get(2).pluginIds());
        assertFalse(plugins.get(3).shownOnThisKiosk(), "not installed");
    }
}
