package org.communitykiosk.bloodpressure.internal;

import static org.communitykiosk.bloodpressure.internal.FakeContext.find;
import static org.communitykiosk.bloodpressure.internal.FakeContext.get;
import static org.communitykiosk.bloodpressure.internal.FakeContext.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.PinAction;
import org.communitykiosk.api.plugin.PluginView;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.bloodpressure.device.BloodPressureMonitor;
import org.communitykiosk.bloodpressure.device.DecodeResult.DecodeFailure;
import org.communitykiosk.bloodpressure.device.Measurement;
import org.communitykiosk.bloodpressure.device.MeasurementStatus;
import org.communitykiosk.bloodpressure.device.MonitorListener;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.button.Button;

/** The screens built as the shell builds them, against the real store, without a browser. */
class ScreensTest {

    /** A monitor the test plays: it keeps the listener, the test delivers on its own thread. */
    static final class HandMonitor implements BloodPressureMonitor {
        MonitorListener listener;
        int starts;
        int stops;

        @Override
        public String driver() {
            return "hand";
        }

        @Override
        public void start(MonitorListener l) {
            listener = l;
            starts++;
        }

        @Override
        public void stop() {
            listener = null;
            stops++;
        }
    }

    private final TestDatabase db = new TestDatabase();
    private final JdbcReadingStore store =
            new JdbcReadingStore(db.transactions(), db.migrations(), db.auditLog(), db.clock());
    private final Resident zhang = db.residents().create(
            new ResidentDraft("张桂兰", "10000001", "13800000001", "3", "2-301", "H1", null, null), Actor.system("test"));
    private final LocalDate today = LocalDate.now(db.clock());
    private final HandMonitor monitor = new HandMonitor();
    private final Station station = new Station(Guideline.CHINA_2018, 300, 60);

    @AfterEach
    void close() {
        db.close();
    }

    private MeasureView measure(FakeContext context, Optional<BloodPressureMonitor> m) {
        return new MeasureView(context, store, db.identification(), db.clock(), station,
                new MonitorDesk(() -> m, db.clock()));
    }

    static void click(Component root, String id) {
        Button button = (Button) get(root, id);
        ComponentUtil.fireEvent(button, new ClickEvent<>(button, false, 0, 0, 0, 0, 0, 0, false, false, false, false));
    }

    static String text(Component root, String id) {
        return ((HasText) get(root, id)).getText();
    }

    private static Measurement reading(int s, int d, int p) {
        return Measurement.of(s, d, p, MeasurementStatus.NONE);
    }

    @Test
    void guidedFlowRestsMeasuresTwiceAndRecordsTheMean() {
        FakeContext context = FakeContext.resident(zhang);
        MeasureView view = measure(context, Optional.of(monitor));
        assertEquals("For: 张桂兰", text(view, "bp-resident"));
        click(view, "bp-start");
        assertTrue(context.awake(), "no idle logout while the resident rests as told");
        assertEquals("Time left: 5:00", text(view, "bp-rest-remaining"));
        db.clock().advance(Duration.ofSeconds(299));
        view.tick();
        assertEquals("Time left: 0:01", text(view, "bp-rest-remaining"));
        assertEquals(0, monitor.starts);
        db.clock().advance(Duration.ofSeconds(1));
        view.tick();
        assertTrue(text(view, "bp-measuring").contains("reading 1"));
        assertEquals(1, monitor.starts);

        monitor.listener.reading(reading(134, 86, 72));
        assertEquals("Time left: 1:00", text(view, "bp-pause-remaining"));
        db.clock().advance(Duration.ofSeconds(60));
        view.tick();
        assertTrue(text(view, "bp-measuring").contains("reading 2"));
        monitor.listener.reading(reading(130, 83, 70));

        assertEquals("High normal", text(view, "bp-result-category"));
        assertFalse(context.awake(), "the idle countdown runs again on the result screen");
        assertEquals("132/85 mmHg, pulse 71 per minute", text(view, "bp-result-values"));
        assertTrue(find(view, "bp-crisis").isEmpty());
        List<Reading> history = store.history(zhang.id(), today);
        assertEquals(1, history.size());
        assertEquals(Reading.Source.DEVICE, history.get(0).source());
        assertEquals(132, history.get(0).systolic());
    }

    @Test
    void volunteerSkipsRestAndStatusBitsAskForARepeat() {
        FakeContext context = FakeContext.resident(zhang);
        MeasureView view = measure(context, Optional.of(monitor));
        click(view, "bp-start");
        click(view, "bp-rest-skip");
        assertTrue(context.awake());
        monitor.listener.reading(Measurement.of(150, 90, 70, MeasurementStatus.fromBits(0x02)));
        assertTrue(text(view, "bp-repeat").contains("cuff"));
        assertFalse(context.awake(), "a repeat request ends the lease: the resident may have gone");
        click(view, "bp-repeat-start");
        assertEquals(2, monitor.starts);
        assertTrue(context.awake(), "measuring again keeps the session awake again");
        assertTrue(text(view, "bp-measuring").contains("reading 1"));
    }

    @Test
    void disconnectAndMalformedRecordStoreNothingAndOfferRetry() {
        FakeContext context = FakeContext.resident(zhang);
        MeasureView view = measure(context, Optional.of(monitor));
        click(view, "bp-start");
        click(view, "bp-rest-skip");
        monitor.listener.disconnected();
        assertTrue(text(view, "bp-device-error").contains("disconnected"));
        assertFalse(context.awake(), "a device error ends the lease: the idle timeout applies again");
        click(view, "bp-retry");
        monitor.listener.failed(DecodeFailure.TRUNCATED);
        assertTrue(text(view, "bp-device-error").contains("not a reading"));
        assertFalse(context.awake());
        assertEquals(List.of(), store.history(zhang.id(), today));
    }

    @Test
    void aMonitorThatNeverAnswersEndsTheMeasurementAndItsLease() {
        FakeContext context = FakeContext.resident(zhang);
        MeasureView view = measure(context, Optional.of(monitor));
        click(view, "bp-start");
        click(view, "bp-rest-skip");
        assertTrue(context.awake());
        db.clock().advance(MeasureView.ANSWER_WITHIN.minusSeconds(1));
        view.tick();
        assertTrue(find(view, "bp-device-error").isEmpty(), "still waiting");
        db.clock().advance(Duration.ofSeconds(1));
        view.tick();
        assertTrue(text(view, "bp-device-error").contains("did not send a reading"));
        assertFalse(context.awake());
        assertEquals(1, monitor.stops, "the monitor is stopped and given back");
    }

    @Test
    void theMonitorIsLentToOneScreenAtATime() {
        MonitorDesk desk = new MonitorDesk(() -> Optional.of(monitor), db.clock());
        Resident li = db.residents().create(new ResidentDraft("李建国", "10000002", "13800000002", "3", "2-302", "H2",
                null, null), Actor.system("test"));
        FakeContext firstContext = FakeContext.resident(zhang);
        MeasureView first = new MeasureView(firstContext, store, db.identification(), db.clock(), station, desk);
        MeasureView second = new MeasureView(FakeContext.resident(li), store, db.identification(), db.clock(),
                station, desk);
        click(first, "bp-start");
        click(first, "bp-rest-skip");
        MonitorListener firsts = monitor.listener;
        click(second, "bp-start");
        assertTrue(text(second, "bp-monitor-busy").contains("someone else"));
        assertEquals(1, monitor.starts, "the second screen did not take the monitor over");
        click(second, "bp-manual-open");
        assertEquals(0, monitor.stops, "nor stopped the first one's measurement");
        firsts.reading(reading(134, 86, 72));
        assertTrue(find(first, "bp-pause").isPresent());

        // a screen whose page has gone (no tick for 10 s) loses the monitor; this one's page is there
        click(second, "bp-manual-cancel");
        db.clock().advance(Duration.ofSeconds(9));
        first.tick();
        db.clock().advance(Duration.ofSeconds(9));
        click(second, "bp-start");
        assertTrue(find(second, "bp-monitor-busy").isPresent(), "renewed 9 s ago: still held");

        // the first resident's second reading ends the measurement: the monitor is free
        click(first, "bp-pause-skip");
        monitor.listener.reading(reading(130, 83, 70));
        assertTrue(find(first, "bp-result").isPresent());
        click(second, "bp-busy-back");
        click(second, "bp-start");
        assertTrue(find(second, "bp-rest").isPresent());

        // the second's page goes away mid-measurement: after 10 s without a tick a third screen may take over
        MeasureView third = new MeasureView(FakeContext.resident(zhang), store, db.identification(), db.clock(),
                station, desk);
        click(third, "bp-start");
        assertTrue(find(third, "bp-monitor-busy").isPresent());
        db.clock().advance(MonitorDesk.STALE);
        click(third, "bp-busy-retry");
        assertTrue(find(third, "bp-rest").isPresent(), "a gone page's hold is stale");
    }

    @Test
    void crisisShowsSeeADoctorAndRaisesAnAlertAtOnce() {
        MeasureView view = measure(FakeContext.resident(zhang), Optional.of(monitor));
        click(view, "bp-start");
        click(view, "bp-rest-skip");
        monitor.listener.reading(reading(186, 112, 90));
        click(view, "bp-pause-skip");
        monitor.listener.reading(reading(182, 110, 88));
        assertEquals("Please see a doctor now", text(view, "bp-crisis-heading"));
        assertEquals("High blood pressure, grade 3 (severe)", text(view, "bp-result-category"));
        assertEquals(1, store.alerts(today).size());
    }

    @Test
    void manualEntryOnTheKeypadChecksTheRangesAndRecords() {
        FakeContext context = FakeContext.resident(zhang);
        MeasureView view = measure(context, Optional.empty());
        assertTrue(find(view, "bp-start").isEmpty(), "no monitor: manual only");
        click(view, "bp-manual-open");
        click(view, "bp-manual-save");
        assertEquals("Please enter the upper value (systolic).\nPlease enter the lower value (diastolic).",
                text(view, "bp-manual-error"));
        for (String key : new String[] { "2", "7", "0", "8", "0" }) {
            click(view, "bp-key-" + key);
        }
        click(view, "bp-manual-save");
        assertEquals("The upper value (systolic) must be between 60 and 260.", text(view, "bp-manual-error"));
        click(view, "bp-manual-systolic");
        click(view, "bp-key-clear");
        for (String key : new String[] { "1", "8", "back", "1", "5" }) {
            click(view, "bp-key-" + key);
        }
        click(view, "bp-manual-save");
        assertEquals("High normal", text(view, "bp-result-category"));
        assertEquals("115/80 mmHg", text(view, "bp-result-values"));
        Reading r = store.history(zhang.id(), today).get(0);
        assertEquals(Reading.Source.MANUAL, r.source());
        assertEquals(Category.CN_HIGH_NORMAL, r.category()); // 80 diastolic is high normal: the higher applies
    }

    @Test
    void staffMeasureAResidentByCardTap() {
        FakeContext context = FakeContext.staff();
        MeasureView view = measure(context, Optional.of(monitor));
        assertNotNull(get(view, "bp-tap-card"));
        assertEquals(List.of("bp-link-alerts"), ids(view, "bp-link-alerts"));
        context.cardHandler.cardTapped("99999999");
        assertEquals(1, context.notifications.size());
        context.cardHandler.cardTapped("10000001");
        assertEquals(2, context.notifications.size(), "a register number is no card");
        context.cardHandler.cardTapped("KIOSK-CARD:" + db.newCard(zhang.id()));
        assertEquals("For: 张桂兰", text(view, "bp-resident"));
        click(view, "bp-history-link");
        assertEquals(List.of("history/" + zhang.id()), context.navigations);
    }

    @Test
    void historyShowsChartAveragesAndTags() {
        store.record(zhang.id(), new ReadingDraft(140, 90, 70, Reading.Source.DEVICE), Guideline.CHINA_2018,
                Actor.resident(zhang.id()), UUID.randomUUID().toString());
        db.clock().advance(Duration.ofHours(8));
        store.record(zhang.id(), new ReadingDraft(130, 80, null, Reading.Source.MANUAL), Guideline.CHINA_2018,
                Actor.resident(zhang.id()), UUID.randomUUID().toString());
        // health data: her own history is built only once her PIN was entered
        FakeContext withoutPin = FakeContext.resident(zhang);
        withoutPin.pinEntered = false;
        HistoryView locked = new HistoryView(withoutPin, store, db.residents(), today, Guideline.CHINA_2018, null);
        assertEquals(List.of(zhang.id() + ":" + PinAction.BLOOD_PRESSURE_HISTORY), withoutPin.pinsAsked);
        assertTrue(find(locked, "bp-chart").isEmpty() && ids(locked, "bp-reading-").isEmpty());
        assertTrue(find(locked, "bp-history-pin").isPresent(), "she can ask for the PIN again");
        withoutPin.pinEntered = true;
        ((com.vaadin.flow.component.button.Button) get(locked, "bp-history-pin")).click();
        assertEquals(2, bars(locked));
        assertTrue(find(locked, "bp-history-pin").isEmpty());

        FakeContext context = FakeContext.resident(zhang);
        HistoryView view = new HistoryView(context, store, db.residents(), today, Guideline.CHINA_2018, null);
        assertEquals(2, bars(view));
        assertEquals("Last 30 days: average 135/85 mmHg from 2 readings", text(view, "bp-average"));
        assertEquals("Morning: average 140/90 mmHg from 1 readings", text(view, "bp-average-morning"));
        assertEquals("Afternoon and evening: average 130/80 mmHg from 1 readings", text(view, "bp-average-evening"));
        assertEquals(2, ids(view, "bp-reading-").size());

        // staff open a resident's history by id, without her PIN; a passer-by path with an id shows nothing
        FakeContext staff = FakeContext.staff(Long.toString(zhang.id()));
        assertEquals(2, bars(new HistoryView(staff, store, db.residents(), today, Guideline.CHINA_2018, null)));
        assertEquals(List.of(), staff.pinsAsked);
        assertTrue(find(new HistoryView(FakeContext.staff(), store, db.residents(), today, Guideline.CHINA_2018,
                null), "bp-history-none").isPresent());
    }

    /** The chart's bars are plain elements, not components. */
    private static long bars(Component view) {
        return get(view, "bp-chart").getElement().getChildren()
                .filter(e -> e.getAttribute("id") != null && e.getAttribute("id").startsWith("bp-bar-")).count();
    }

    @Test
    void staffAcknowledgeAnAlertWithANote() {
        Reading r = store.record(zhang.id(), new ReadingDraft(190, 100, 80, Reading.Source.DEVICE),
                Guideline.CHINA_2018, Actor.resident(zhang.id()), UUID.randomUUID().toString());
        FakeContext context = FakeContext.staff();
        AlertsView view = new AlertsView(context, store, db.residents(), today);
        long id = store.alerts(today).get(0).id();
        assertTrue(((HasText) get(view, "bp-alert-" + id)).getElement().getTextRecursively().contains("张桂兰"));
        ((com.vaadin.flow.component.textfield.TextField) get(view, "bp-alert-note-" + id)).setValue("已通知");
        click(view, "bp-alert-ack-" + id);
        assertFalse(store.alerts(today).get(0).open());
        assertEquals("已通知", store.alerts(today).get(0).note());
        assertTrue(find(view, "bp-alert-ack-" + id).isEmpty());
        assertEquals(r.id(), store.alerts(today).get(0).reading().id());
    }

    @Test
    void absentAndStatsScreens() {
        assertTrue(find(new AbsentView(FakeContext.staff(), store, db.residents(), today), "bp-absent-empty")
                .isPresent());
        store.record(zhang.id(), new ReadingDraft(120, 80, null, Reading.Source.MANUAL), Guideline.CHINA_2018,
                Actor.staff("wang"), UUID.randomUUID().toString());
        StatsView stats = new StatsView(FakeContext.staff(), store, today);
        assertEquals(List.of("bp-stats-" + today), ids(stats, "bp-stats-2"));
    }

    @Test
    void pluginViewsAndAudiences() {
        BloodPressurePlugin plugin = new BloodPressurePlugin(store, db.clock(), db.identification(), db.residents(),
                config("simulator"));
        assertEquals("bloodpressure", plugin.id());
        assertEquals(List.of("", "history", "alerts", "absent", "stats"),
                plugin.views().stream().map(PluginView::path).toList());
        assertEquals(List.of(Audience.RESIDENT, Audience.RESIDENT, Audience.STAFF, Audience.STAFF, Audience.STAFF),
                plugin.views().stream().map(PluginView::audience).toList());
        assertTrue(plugin.monitor().isEmpty());
        plugin.addMonitor(monitor);
        assertTrue(plugin.monitor().isEmpty(), "the configured driver is the simulator");
        plugin.modified(config("hand"));
        assertEquals(Optional.of(monitor), plugin.monitor());
        plugin.removeMonitor(monitor);
        assertTrue(plugin.monitor().isEmpty());
    }

    static StationConfig config(String driver) {
        return new StationConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return StationConfig.class;
            }

            @Override
            public String guideline() {
                return "CHINA_2018";
            }

            @Override
            public String driver() {
                return driver;
            }

            @Override
            public int restSeconds() {
                return 300;
            }

            @Override
            public int pauseSeconds() {
                return 60;
            }

            @Override
            public String simulatorReadings() {
                return "";
            }

            @Override
            public int simulatorDelayMillis() {
                return 0;
            }

            @Override
            public String serialPort() {
                return "";
            }

            @Override
            public int serialBaudRate() {
                return 9600;
            }

            @Override
            public String serialLinePattern() {
                return LinePattern.DEFAULT;
            }

            @Override
            public String bluetoothAdapter() {
                return "hci0";
            }

            @Override
            public String bluetoothDevice() {
                return " 00:5f:bf:12:34:56 ";
            }

            @Override
            public int bluetoothTimeoutSeconds() {
                return 180;
            }

            @Override
            public String bluetoothBusAddress() {
                return "";
            }
        };
    }
}
