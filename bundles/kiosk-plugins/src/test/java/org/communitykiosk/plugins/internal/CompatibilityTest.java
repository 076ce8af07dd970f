package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

class CompatibilityTest {

    private static final Version PLATFORM = new Version(1, 0, 0);

    @Test
    void readsTheRangeOfThePluginApiFromABndHeader() {
        String header = "com.vaadin.flow.component;version=\"[23.3,24)\",org.communitykiosk.api;version=\"[1.0,2)\","
                + "org.communitykiosk.api.plugin;version=\"[1.0,2)\",org.slf4j;version=\"[1.7,2)\"";
        assertEquals(Optional.of(new VersionRange("[1.0,2)")), Compatibility.requiredRange(header));
    }

    @Test
    void aPackageThatOnlyStartsWithTheApiNameDoesNotCount() {
        assertEquals(Optional.empty(),
                Compatibility.requiredRange("org.communitykiosk.api.plugin.extra;version=\"[3,4)\""));
        assertEquals(Optional.empty(), Compatibility.requiredRange(null));
    }

    @Test
    void sharedClausesAndDirectivesAreUnderstood() {
        assertEquals(Optional.of(new VersionRange("[2.0,3)")), Compatibility.requiredRange(
                "org.communitykiosk.api;org.communitykiosk.api.plugin;resolution:=optional;version=\"[2.0,3)\""));
        assertEquals(Optional.of(new VersionRange("1.0")),
                Compatibility.requiredRange("org.communitykiosk.api.plugin;version=1.0"));
        assertEquals(Optional.of(new VersionRange("0.0.0")),
                Compatibility.requiredRange("org.communitykiosk.api.plugin"));
    }

    @Test
    void aRangeThatExcludesThePlatformIsTheConflict() {
        Optional<String> fits = Optional.of("org.communitykiosk.api.plugin;version=\"[1.0,2)\"");
        Optional<String> tooNew = Optional.of("org.communitykiosk.api.plugin;version=\"[2.0,3)\"");
        assertEquals(Optional.empty(), Compatibility.conflict(List.of(fits, Optional.empty()), PLATFORM));
        assertEquals(Optional.of("[2.0.0,3.0.0)"), Compatibility.conflict(List.of(fits, tooNew), PLATFORM));
        assertTrue(Compatibility.conflict(List.of(tooNew), new Version(2, 1, 0)).isEmpty());
    }

    @Test
    void anUnreadableRangeIsAConflict() {
        assertTrue(Compatibility.conflict(List.of(Optional.of("org.communitykiosk.api.plugin;version=\"[x,y)\"")),
                PLATFORM).isPresent());
    }

    @Test
    void snapshotFeatureVersionsCompareAsOsgiVersions() {
        assertTrue(Versions.ORDER.compare("0.2.0", "0.1.0.SNAPSHOT") > 0);
        assertTrue(Versions.ORDER.compare("0.1.0-SNAPSHOT", "0.1.0.SNAPSHOT") == 0);
        assertTrue(Versions.ORDER.compare("1.10.0", "1.9.0") > 0);
    }
}
