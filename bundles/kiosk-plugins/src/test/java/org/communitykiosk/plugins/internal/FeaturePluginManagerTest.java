package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.plugins.api.PluginInfo;
import org.communitykiosk.plugins.api.PluginInfo.State;
import org.junit.jupiter.api.Test;

class FeaturePluginManagerTest {

    private static final Actor ADMIN = Actor.staff("admin");

    private final FakeCatalog karaf = new FakeCatalog();
    private final FakeAudit audit = new FakeAudit();
    private final FeaturePluginManager manager = new FeaturePluginManager(karaf, audit, () -> List.of("hidden"));

    private static String key(InvalidInputException e) {
        return e.problems().get(0).key();
    }

    @Test
    void installsTheNewestVersionAndAuditsIt() {
        karaf.feature("kiosk-bulletin", "0.1.0", false).feature("kiosk-bulletin", "0.2.0", false);
        PluginInfo after = manager.install("kiosk-bulletin", ADMIN);
        assertEquals(State.INSTALLED, after.state());
        assertEquals("0.2.0", after.version());
        assertEquals(List.of("bulletin"), after.pluginIds());
        assertEquals(List.of("install kiosk-bulletin 0.2.0"), karaf.calls);
        assertEquals(List.of("staff:admin plugins.install feature:kiosk-bulletin ok 0.2.0 INSTALLED"), audit.lines);
    }

    @Test
    void refusesUnknownPlatformAndInstalledFeaturesWithoutCallingKaraf() {
        karaf.feature("kiosk-platform", "0.1.0", true).feature("kiosk-a", "1.0", true, "a");
        assertEquals("plugins.error.unknown",
                key(assertThrows(InvalidInputException.class, () -> manager.install("kiosk-nope", ADMIN))));
        assertEquals("plugins.error.unknown",
                key(assertThrows(InvalidInputException.class, () -> manager.uninstall("kiosk-platform", ADMIN))));
        assertEquals("plugins.error.alreadyInstalled",
                key(assertThrows(InvalidInputException.class, () -> manager.install("kiosk-a", ADMIN))));
        assertEquals(List.of(), karaf.calls);
        assertEquals(3, audit.lines.size());
        assertEquals("staff:admin plugins.install feature:kiosk-nope refused: plugins.error.unknown", audit.lines.get(0));
    }

    @Test
    void anIncompatiblePluginIsRefusedWithItsRangeAndNothingInstalled() {
        karaf.feature("kiosk-future", "2.0.0", false);
        karaf.imports.put("mvn:test/kiosk-future/2.0.0", "org.communitykiosk.api.plugin;version=\"[2.0,3)\"");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> manager.install("kiosk-future", ADMIN));
        assertEquals("plugins.error.incompatible", key(e));
        assertEquals(List.of("kiosk-future", "[2.0.0,3.0.0)", "1.0.0"), e.problems().get(0).args());
        assertEquals(List.of(), karaf.calls);
        assertEquals(State.NOT_INSTALLED, manager.find("kiosk-future").orElseThrow().state());
    }

    @Test
    void aPluginThatDoesNotStartIsUninstalledAgain() {
        karaf.feature("kiosk-broken", "1.0.0", false);
        karaf.broken.add("kiosk-broken");
        assertEquals("plugins.error.notStarted",
                key(assertThrows(InvalidInputException.class, () -> manager.install("kiosk-broken", ADMIN))));
        assertEquals(List.of("install kiosk-broken 1.0.0", "uninstall kiosk-broken 1.0.0"), karaf.calls);
        assertEquals(State.NOT_INSTALLED, manager.find("kiosk-broken").orElseThrow().state());
        assertEquals("staff:admin plugins.install feature:kiosk-broken refused: plugins.error.notStarted",
                audit.lines.get(0));
    }

    @Test
    void aKarafFailureIsReportedWithItsFirstLine() {
        karaf.feature("kiosk-x", "1.0.0", false);
        karaf.unresolvable.add("kiosk-x");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> manager.install("kiosk-x", ADMIN));
        assertEquals("plugins.error.failed", key(e));
        assertEquals(List.of("kiosk-x", "Unable to resolve root: missing requirement"), e.problems().get(0).args());
        assertEquals(State.NOT_INSTALLED, manager.find("kiosk-x").orElseThrow().state());
    }

    @Test
    void upgradeReplacesTheVersionAndABrokenUpgradeGoesBack() {
        karaf.feature("kiosk-a", "1.0.0", true, "a").feature("kiosk-a", "1.1.0", false);
        assertEquals(State.UPDATE_AVAILABLE, manager.find("kiosk-a").orElseThrow().state());
        PluginInfo after = manager.upgrade("kiosk-a", ADMIN);
        assertEquals("1.1.0", after.version());
        assertEquals(State.INSTALLED, after.state());
        assertEquals("plugins.error.noUpdate",
                key(assertThrows(InvalidInputException.class, () -> manager.upgrade("kiosk-a", ADMIN))));

        karaf.feature("kiosk-a", "1.2.0", false);
        karaf.broken.add("kiosk-a 1.2.0");
        karaf.calls.clear();
        assertEquals("plugins.error.notStarted",
                key(assertThrows(InvalidInputException.class, () -> manager.upgrade("kiosk-a", ADMIN))));
        assertEquals(List.of("upgrade kiosk-a 1.2.0", "upgrade kiosk-a 1.1.0"), karaf.calls);
        PluginInfo restored = manager.find("kiosk-a").orElseThrow();
        assertEquals("1.1.0", restored.version());
        assertEquals(State.UPDATE_AVAILABLE, restored.state());
    }

    @Test
    void uninstallKeepsNothingOfThePluginInstalled() {
        karaf.feature("kiosk-a", "1.0.0", true, "a");
        assertEquals(State.NOT_INSTALLED, manager.uninstall("kiosk-a", ADMIN).state());
        assertEquals("plugins.error.notInstalled",
                key(assertThrows(InvalidInputException.class, () -> manager.uninstall("kiosk-a", ADMIN))));
        assertEquals("staff:admin plugins.uninstall feature:kiosk-a ok 1.0.0 NOT_INSTALLED", audit.lines.get(0));
    }

    @Test
    void aPluginAnotherInstalledPluginNeedsIsNotUninstalled() {
        karaf.feature("kiosk-points", "1.0.0", true, "points").feature("kiosk-lovemarket", "1.0.0", true, "lovemarket")
                .feature("kiosk-calendar", "1.0.0", true, "calendar").requires("kiosk-lovemarket", "kiosk-points")
                .requires("kiosk-points", "kiosk-calendar");
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> manager.uninstall("kiosk-points", ADMIN));
        assertEquals("plugins.error.neededBy", key(refused));
        assertEquals(List.of("kiosk-points", "kiosk-lovemarket"), refused.problems().get(0).args());
        assertEquals(List.of(), karaf.calls, "Karaf not asked");
        assertEquals("staff:admin plugins.uninstall feature:kiosk-points refused: plugins.error.neededBy",
                audit.lines.get(0));

        // once the love market is gone, points can go; the calendar was needed by nothing installed but points
        manager.uninstall("kiosk-lovemarket", ADMIN);
        assertEquals(State.NOT_INSTALLED, manager.uninstall("kiosk-points", ADMIN).state());
        assertEquals(State.NOT_INSTALLED, manager.uninstall("kiosk-calendar", ADMIN).state());
    }

    @Test
    void hiddenPluginsAreInstalledButNotShown() {
        karaf.feature("kiosk-hidden", "1.0.0", true, "hidden").feature("kiosk-a", "1.0.0", true, "a");
        List<PluginInfo> plugins = manager.list();
        assertEquals(List.of(true, false), plugins.stream().map(PluginInfo::shownOnThisKiosk).toList());
    }
}
