package org.communitykiosk.bloodpressure.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.AwakeLease;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.bloodpressure.device.DecodeResult.DecodeFailure;
import org.communitykiosk.bloodpressure.device.Measurement;
import org.communitykiosk.bloodpressure.device.MeasurementStatus;
import org.communitykiosk.bloodpressure.device.MonitorListener;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;

/**
 * The measuring station: who is measured (the signed-in resident, or a card tapped while staff are signed in), then
 * the guided ESH protocol with the monitor (rest, reading 1, pause, reading 2, maybe reading 3, the mean recorded) or
 * manual entry on a keypad, then the result in words and colour, or the "see a doctor now" screen for a crisis.
 * <p>
 * Timers count against the platform clock and are checked once a second by a UI poll; monitor callbacks arrive on the
 * driver's thread and are handed to the UI with {@link UI#access} (the shell has push).
 * <p>
 * While the resident sits still as told (rest, reading, pause) the screen holds a keep-awake lease; every other state
 * (a device error, a repeat request, a monitor that does not answer within {@link #ANSWER_WITHIN}, the result, manual
 * entry, the start screen) ends it, so the idle timeout applies again. The monitor is the station's only one: it is
 * taken from the {@link MonitorDesk} for the guided measurement and given back at each of its ends.
 */
final class MeasureView extends VerticalLayout {

    /** How long a reading may take before the monitor counts as not answering (drivers have their own, shorter). */
    static final Duration ANSWER_WITHIN = Duration.ofMinutes(4);

    private final ViewContext context;
    private final ReadingStore store;
    private final Clock clock;
    private final Station station;
    private final MonitorDesk monitor;
    private final Div content = new Div();

    private Resident resident;
    private MeasurementProtocol protocol;
    private String requestKey;
    private Instant deadline;
    private Paragraph countdown;
    private UI ui;
    private Registration poll;
    private AwakeLease awake;
    private Instant answerBy;

    MeasureView(ViewContext context, ReadingStore store, Identification identification, Clock clock,
            Station station, MonitorDesk monitor) {
        this.context = context;
        this.store = store;
        this.clock = clock;
        this.station = station;
        this.monitor = monitor.present() ? monitor : null;
        setId("bp-measure");
        setMaxWidth(Screens.CONTENT_WIDTH);
        content.setWidthFull();
        add(Screens.heading(context.text("bloodpressure.measure.heading")), content);
        if (context.session().permits(Audience.STAFF)) {
            Div links = new Div();
            links.getStyle().set("display", "flex").set("gap", "12px").set("flex-wrap", "wrap");
            links.add(Screens.bigButton("bp-link-alerts", context.text("bloodpressure.alerts.heading"),
                    () -> context.navigate(BloodPressurePlugin.ALERTS)),
                    Screens.bigButton("bp-link-absent", context.text("bloodpressure.absent.heading"),
                            () -> context.navigate(BloodPressurePlugin.ABSENT)),
                    Screens.bigButton("bp-link-stats", context.text("bloodpressure.stats.heading"),
                            () -> context.navigate(BloodPressurePlugin.STATS)));
            add(links);
        }
        Optional<Resident> signedIn = context.session().resident();
        if (signedIn.isPresent()) {
            resident = signedIn.get();
            showStart();
        } else {
            show(Screens.text("bp-tap-card", context.text("bloodpressure.measure.tapCard")));
            context.onCardTapped(token -> identification.byToken(token).ifPresentOrElse(r -> {
                resident = r;
                showStart();
            }, () -> context.notify(context.text("bloodpressure.measure.unknownCard"))));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        ui = event.getUI();
        ui.setPollInterval(1000);
        poll = ui.addPollListener(e -> tick());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        // the screen left (also by sign-out or the idle timeout): the monitor is free for the next person
        endMeasurement();
        if (poll != null) {
            poll.remove();
            event.getUI().setPollInterval(-1);
        }
        ui = null;
    }

    private void show(com.vaadin.flow.component.Component... components) {
        content.removeAll();
        countdown = null;
        content.add(components);
    }

    /** Ends what a guided measurement holds: its lease, the monitor, its timers. */
    private void endMeasurement() {
        if (awake != null) {
            awake.close();
            awake = null;
        }
        if (monitor != null) {
            monitor.release(this);
        }
        answerBy = null;
    }

    /** The resident is told to sit still: the session is kept awake (a lease the platform bounds). */
    private void keepStill() {
        if (awake == null || !awake.active()) {
            awake = context.keepAwake();
        }
    }

    private void showStart() {
        protocol = null;
        endMeasurement();
        deadline = null;
        Paragraph who = Screens.text("bp-resident", context.text("bloodpressure.measure.for", resident.name()));
        Div buttons = new Div();
        buttons.getStyle().set("display", "flex").set("gap", "16px").set("flex-wrap", "wrap");
        if (monitor != null) {
            buttons.add(Screens.primaryButton("bp-start", context.text("bloodpressure.measure.start"), this::startGuided));
        }
        buttons.add(Screens.bigButton("bp-manual-open", context.text("bloodpressure.measure.manual"), this::showManual),
                Screens.bigButton("bp-history-link", context.text("bloodpressure.history.heading"),
                        () -> context.navigate(BloodPressurePlugin.HISTORY + historySuffix())));
        show(who, Screens.text(null, context.text(monitor == null ? "bloodpressure.measure.noMonitor"
                : "bloodpressure.measure.intro")), buttons);
    }

    private String historySuffix() {
        return context.session().resident().isPresent() ? "" : "/" + resident.id();
    }

    /** Starts the guided protocol: rest first. */
    void startGuided() {
        if (!monitor.take(this)) {
            showBusy();
            return;
        }
        protocol = new MeasurementProtocol();
        // the resident sits still as told: no idle logout during the guided measurement
        keepStill();
        requestKey = UUID.randomUUID().toString();
        deadline = clock.instant().plusSeconds(station.restSeconds());
        countdown = null;
        Paragraph remaining = Screens.text("bp-rest-remaining", "");
        show(Screens.text("bp-rest", context.text("bloodpressure.rest.text")), remaining,
                Screens.bigButton("bp-rest-skip", context.text("bloodpressure.rest.skip"), this::skip),
                manualButton());
        countdown = remaining;
        tick();
    }

    /** Another session measures with the monitor: say so, offer to try again or to enter values by hand. */
    private void showBusy() {
        protocol = null;
        endMeasurement();
        deadline = null;
        show(Screens.text("bp-monitor-busy", context.text("bloodpressure.monitor.busy")),
                Screens.primaryButton("bp-busy-retry", context.text("bloodpressure.monitor.retry"), this::startGuided),
                manualButton(), Screens.backButton("bp-busy-back", context.text("bloodpressure.manual.cancel"),
                        this::showStart));
    }

    private com.vaadin.flow.component.button.Button manualButton() {
        return Screens.bigButton("bp-manual-open", context.text("bloodpressure.measure.manual"), this::showManual);
    }

    /** The volunteer skips the rest or the pause. */
    void skip() {
        deadline = clock.instant();
        tick();
    }

    /** Once a second: the countdown, and the next step when it has run out. */
    void tick() {
        if (protocol == null) {
            return;
        }
        if (monitor != null) {
            monitor.renew(this);
        }
        if (answerBy != null && !clock.instant().isBefore(answerBy)) {
            deviceError("bloodpressure.device.noAnswer");
            return;
        }
        if (deadline == null) {
            return;
        }
        long seconds = Math.max(0, Duration.between(clock.instant(), deadline).toSeconds());
        if (countdown != null) {
            countdown.setText(context.text("bloodpressure.countdown", seconds / 60, String.format("%02d", seconds % 60)));
        }
        if (!clock.instant().isBefore(deadline)) {
            deadline = null;
            if (protocol.phase() == MeasurementProtocol.Phase.REST) {
                protocol.restDone();
            } else {
                protocol.pauseDone();
            }
            measure();
        }
    }

    private void measure() {
        if (protocol == null) {
            return;
        }
        UI current = ui;
        boolean started = monitor.start(this, new MonitorListener() {
            @Override
            public void reading(Measurement measurement) {
                onUi(current, () -> accept(measurement));
            }

            @Override
            public void failed(DecodeFailure reason) {
                onUi(current, () -> deviceError("bloodpressure.device.malformed"));
            }

            @Override
            public void disconnected() {
                onUi(current, () -> deviceError("bloodpressure.device.disconnected"));
            }
        });
        if (!started) {
            showBusy();
            return;
        }
        keepStill();
        answerBy = clock.instant().plus(ANSWER_WITHIN);
        show(Screens.text("bp-measuring", context.text("bloodpressure.measuring", protocol.readingNumber())),
                manualButton());
    }

    private static void onUi(UI ui, Runnable action) {
        if (ui == null) {
            action.run(); // tests: no browser, no UI
        } else {
            ui.access(action::run);
        }
    }

    /** A reading from the monitor, on the UI thread. */
    void accept(Measurement measurement) {
        if (protocol == null || protocol.phase() != MeasurementProtocol.Phase.MEASURE) {
            return;
        }
        answerBy = null;
        switch (protocol.accept(measurement)) {
            case PAUSE -> {
                deadline = clock.instant().plusSeconds(station.pauseSeconds());
                Paragraph remaining = Screens.text("bp-pause-remaining", "");
                show(Screens.text("bp-pause", context.text("bloodpressure.pause.text", protocol.taken().size())),
                        remaining, Screens.bigButton("bp-pause-skip", context.text("bloodpressure.pause.skip"),
                                this::skip));
                countdown = remaining;
                tick();
            }
            case DONE -> record(protocol.result());
            case REPEAT_STATUS -> repeat(reasonKey(measurement.status()));
            case REPEAT_INVALID -> repeat("bloodpressure.repeat.invalid");
        }
    }

    private static String reasonKey(MeasurementStatus status) {
        return status.bodyMovement() ? "bloodpressure.repeat.movement"
                : status.cuffTooLoose() ? "bloodpressure.repeat.cuff" : "bloodpressure.repeat.irregular";
    }

    private void repeat(String reasonKey) {
        // the measurement has ended: the resident may stand up, the monitor is free until "again"
        endMeasurement();
        show(Screens.text("bp-repeat", context.text(reasonKey)),
                Screens.primaryButton("bp-repeat-start", context.text("bloodpressure.repeat.again"), this::measure),
                manualButton());
    }

    private void deviceError(String key) {
        if (protocol == null) {
            return;
        }
        endMeasurement();
        show(Screens.text("bp-device-error", context.text(key)),
                Screens.primaryButton("bp-retry", context.text("bloodpressure.device.retry"), this::measure),
                manualButton());
    }

    void showManual() {
        // only this screen's own measurement stops; another session's goes on
        protocol = null;
        endMeasurement();
        deadline = null;
        requestKey = UUID.randomUUID().toString();
        show(new ManualEntry(context, this::record),
                Screens.backButton("bp-manual-cancel", context.text("bloodpressure.manual.cancel"), this::showStart));
    }

    private void record(ReadingDraft draft) {
        endMeasurement();
        try {
            Reading reading = store.record(resident.id(), draft, station.guideline(), context.session().actor(),
                    requestKey);
            showResult(reading);
        } catch (InvalidInputException refused) {
            show(Screens.text("bp-refused", context.describe(refused)), manualButton());
        } catch (StoreException e) {
            show(Screens.text("bp-refused", context.text("bloodpressure.storeFailed")), manualButton());
        }
    }

    private void showResult(Reading reading) {
        protocol = null;
        endMeasurement();
        deadline = null;
        Div done = new Div(Screens.primaryButton("bp-done", context.text("bloodpressure.result.done"), context::home),
                Screens.bigButton("bp-history-link", context.text("bloodpressure.history.heading"),
                        () -> context.navigate(BloodPressurePlugin.HISTORY + historySuffix())));
        done.getStyle().set("display", "flex").set("gap", "16px").set("flex-wrap", "wrap").set("margin-top", "16px");
        if (reading.crisis()) {
            Div crisis = new Div();
            crisis.setId("bp-crisis");
            crisis.getStyle().set("background", "#8b0000").set("color", "#ffffff").set("padding", "24px")
                    .set("border-radius", "12px").set("border", "4px solid #1a1a1a");
            Paragraph now = new Paragraph(context.text("bloodpressure.crisis.heading"));
            now.setId("bp-crisis-heading");
            now.getStyle().set("font-size", Screens.HUGE_SIZE).set("font-weight", "700").set("margin", "0")
                    .set("line-height", "1.3");
            Paragraph told = new Paragraph(context.text("bloodpressure.crisis.text"));
            Screens.textSize(told, Screens.TITLE_SIZE);
            crisis.add(now, told);
            show(crisis, Screens.categoryPanel(context, "bp-result", reading.category(), Screens.values(context, reading)),
                    done);
        } else {
            show(Screens.categoryPanel(context, "bp-result", reading.category(), Screens.values(context, reading)),
                    Screens.text("bp-result-advice", context.text(reading.hypertensive()
                            ? "bloodpressure.result.adviceHigh" : "bloodpressure.result.adviceOk")),
                    done);
        }
    }
}
