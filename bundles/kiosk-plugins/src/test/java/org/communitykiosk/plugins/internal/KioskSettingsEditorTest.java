package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KioskSettingsEditorTest {

    private final MapConfigStore store = new MapConfigStore();
    private final FakeAudit audit = new FakeAudit();
    private final KioskSettingsEditor editor = new KioskSettingsEditor(store, audit);

    @BeforeEach
    void fileInstallConfiguration() {
        store.properties.putAll(Map.of("service.pid", "org.communitykiosk.kiosk",
                "felix.fileinstall.filename", "file:/kiosk/etc/org.communitykiosk.kiosk.cfg", "kioskId", "kiosk-1",
                "kioskName", "社区服务站", "communityName", "示范社区"));
        store.properties.putAll(Map.of("defaultLanguage", "zh-CN",
                "residentIdleTimeoutSeconds", "60", "staffIdleTimeoutSeconds", "300", "demoData", "true",
                "tileOrder", "bulletin", "hiddenPlugins", ""));
    }

    private static KioskSettingsDraft draft(Integer idle, List<String> order, List<String> hidden) {
        return new KioskSettingsDraft("健康小站", "示范社区", "zh-CN", idle, 300, order, hidden, true);
    }

    @Test
    void readsTheConfigurationWithDefaultsForWhatIsMissing() {
        KioskSettingsDraft current = editor.current();
        assertEquals("社区服务站", current.kioskName());
        assertEquals(60, current.residentIdleSeconds());
        assertEquals(List.of("bulletin"), current.tileOrder());
        assertEquals(List.of(), current.hiddenPlugins());

        KioskSettingsDraft defaults = KioskSettingsEditor.fromProperties(Map.of("tileOrder",
                new String[] { "a,b", "c" }, "residentIdleTimeoutSeconds", 90));
        assertEquals("zh-CN", defaults.defaultLanguage());
        assertEquals(90, defaults.residentIdleSeconds());
        assertEquals(List.of("a", "b", "c"), defaults.tileOrder());
    }

    @Test
    void savesChangedValuesAsStringsKeepingTheFileNameAndAuditsTheirNames() {
        List<String> changed = editor.save(draft(120, List.of("points", "bulletin"), List.of("points")),
                Actor.staff("admin"));
        assertEquals(List.of("kioskName", "residentIdleTimeoutSeconds", "tileOrder", "hiddenPlugins"), changed);
        assertEquals("120", store.properties.get("residentIdleTimeoutSeconds"));
        assertEquals("points,bulletin", store.properties.get("tileOrder"));
        assertEquals("points", store.properties.get("hiddenPlugins"));
        assertEquals("file:/kiosk/etc/org.communitykiosk.kiosk.cfg", store.properties.get("felix.fileinstall.filename"));
        assertEquals("kiosk-1", store.properties.get("kioskId"));
        assertEquals(List.of("staff:admin settings.update config:org.communitykiosk.kiosk changed kioskName,"
                + "residentIdleTimeoutSeconds,tileOrder,hiddenPlugins"), audit.lines);
    }

    @Test
    void nothingChangedWritesNothing() {
        KioskSettingsDraft same = editor.current();
        assertEquals(List.of(), editor.save(same, Actor.staff("admin")));
        assertEquals(0, store.writes);
        assertEquals(List.of(), audit.lines);
    }

    @Test
    void idleTimeoutOutsideFifteenToThreeThousandSixHundredIsRefused() {
        for (Integer idle : new Integer[] { null, 14, 3601, -1 }) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> editor.save(draft(idle, List.of(), List.of()), Actor.staff("admin")));
            assertEquals(List.of(Problem.of("residentIdleSeconds", "settings.error.idle", "15", "3600")),
                    e.problems());
        }
        editor.save(draft(15, List.of(), List.of()), Actor.staff("admin"));
        editor.save(draft(3600, List.of(), List.of()), Actor.staff("admin"));
        assertEquals(2, store.writes);
    }

    @Test
    void everyProblemIsReportedAndNothingWritten() {
        KioskSettingsDraft bad = new KioskSettingsDraft(" ", "x".repeat(61), "fr", 60, 5, List.of("Bad Id"),
                List.of("ok"), false);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> editor.save(bad, Actor.staff("admin")));
        assertEquals(List.of("kioskName", "communityName", "defaultLanguage", "staffIdleSeconds", "tileOrder"),
                e.problems().stream().map(Problem::field).toList());
        assertEquals(0, store.writes);
        assertEquals(List.of(), audit.lines);
    }

    @Test
    void aFailedWriteIsRefusedAndAudited() {
        store.failing = true;
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> editor.save(draft(90, List.of(), List.of()), Actor.staff("admin")));
        assertEquals("settings.error.write", e.problems().get(0).key());
        assertEquals(List.of("staff:admin settings.update config:org.communitykiosk.kiosk failed: IOException"),
                audit.lines);
    }
}
