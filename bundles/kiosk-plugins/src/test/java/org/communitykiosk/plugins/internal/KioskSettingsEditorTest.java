package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.plugin.PinAction;
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
                "tileOrder", "bulletin", "hiddenPlugins", "",
                "pinRequiredFor", "points.spend,points.transfer,points.confirmServed,bloodpressure.history"));
    }

    private static KioskSettingsDraft draft(Integer idle, List<String> order, List<String> hidden) {
        return new KioskSettingsDraft("健康小站", "示范社区", "zh-CN", idle, 300, order, hidden, true, PinAction.ALL);
    }

    private KioskSettingsDraft currentWithPinFor(List<String> actions) {
        KioskSettingsDraft current = editor.current();
        return new KioskSettingsDraft(current.kioskName(), current.communityName(), current.defaultLanguage(),
                current.residentIdleSeconds(), current.staffIdleSeconds(), current.tileOrder(),
                current.hiddenPlugins(), current.demoData(), actions);
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
                List.of("ok"), false, List.of("points.spend", "points spend"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> editor.save(bad, Actor.staff("admin")));
        assertEquals(List.of("kioskName", "communityName", "defaultLanguage", "staffIdleSeconds", "tileOrder",
                "pinRequiredFor"), e.problems().stream().map(Problem::field).toList());
        assertEquals(Problem.of("pinRequiredFor", "settings.error.pinAction", "points spend"), e.problems().get(5));
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

    @Test
    void thePinActionsReadAsKioskCoreReadsThem() {
        assertEquals(PinAction.ALL, editor.current().pinRequiredFor());
        // no property: kiosk-core's default, every action; an empty value: none
        assertEquals(PinAction.ALL, KioskSettingsEditor.fromProperties(Map.of()).pinRequiredFor());
        assertEquals(List.of(), KioskSettingsEditor.fromProperties(Map.of("pinRequiredFor", " ")).pinRequiredFor());
        assertEquals(List.of("points.spend", "bloodpressure.history"), KioskSettingsEditor.fromProperties(
                Map.of("pinRequiredFor", new String[] { " points.spend , bloodpressure.history", "points.spend" }))
                .pinRequiredFor());
        // an id the kiosk does not know stays, where the file has it
        assertEquals(List.of("points.spnd", "points.transfer"), KioskSettingsEditor.fromProperties(
                Map.of("pinRequiredFor", "points.spnd,points.transfer")).pinRequiredFor());
    }

    @Test
    void untickingAnActionWritesTheListAndAuditsWhatStillAsks() {
        List<String> changed = editor.save(currentWithPinFor(List.of("points.spend", "points.transfer")),
                Actor.staff("admin"));
        assertEquals(List.of("pinRequiredFor"), changed);
        assertEquals("points.spend,points.transfer", store.properties.get("pinRequiredFor"));
        assertEquals(List.of("staff:admin settings.update config:org.communitykiosk.kiosk changed pinRequiredFor; "
                + "pinRequiredFor=points.spend,points.transfer"), audit.lines);
    }

    @Test
    void noActionAtAllIsAllowedWrittenEmptyAndAuditedAsNone() {
        editor.save(currentWithPinFor(List.of()), Actor.staff("admin"));
        assertEquals("", store.properties.get("pinRequiredFor"));
        assertEquals(List.of(), editor.current().pinRequiredFor(), "an empty value reads back as none");
        assertEquals(List.of("staff:admin settings.update config:org.communitykiosk.kiosk changed pinRequiredFor; "
                + "pinRequiredFor=none"), audit.lines);
    }

    @Test
    void theSameActionsInAnotherOrderOrAMissingPropertyAreNoChange() {
        store.properties.put("pinRequiredFor", "bloodpressure.history,points.confirmServed,points.transfer,"
                + "points.spend");
        assertEquals(List.of(), editor.save(currentWithPinFor(PinAction.ALL), Actor.staff("admin")));
        store.properties.remove("pinRequiredFor");
        assertEquals(List.of(), editor.save(currentWithPinFor(PinAction.ALL), Actor.staff("admin")));
        assertEquals(0, store.writes);
        assertEquals(List.of(), audit.lines);
    }

    @Test
    void anUnknownActionInTheFileIsKeptWhenOtherSettingsAreSaved() {
        store.properties.put("pinRequiredFor", "points.spend,market.bid");
        KioskSettingsDraft current = editor.current();
        assertEquals(List.of("points.spend", "market.bid"), current.pinRequiredFor());
        editor.save(new KioskSettingsDraft(current.kioskName(), current.communityName(), current.defaultLanguage(),
                90, current.staffIdleSeconds(), current.tileOrder(), current.hiddenPlugins(), current.demoData(),
                current.pinRequiredFor()), Actor.staff("admin"));
        assertEquals("points.spend,market.bid", store.properties.get("pinRequiredFor"));
        assertEquals(List.of("staff:admin settings.update config:org.communitykiosk.kiosk changed "
                + "residentIdleTimeoutSeconds"), audit.lines);
    }

    @Test
    void aValueThatCannotBeAnActionIsRefusedAndNothingWritten() {
        for (String bad : new String[] { "points spend", "POINTS.SPEND", "points", "积分.花", "points.spend;x" }) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> editor.save(currentWithPinFor(List.of(bad)), Actor.staff("admin")), bad);
            assertEquals(List.of(Problem.of("pinRequiredFor", "settings.error.pinAction", bad)), e.problems());
        }
        assertEquals(0, store.writes);
        assertEquals(List.of(), audit.lines);
    }
}
