package org.communitykiosk.bloodpressure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.communitykiosk.bloodpressure.device.BloodPressureMonitor;
import org.communitykiosk.bloodpressure.device.BloodPressureRecordDecoder;
import org.communitykiosk.bloodpressure.device.MonitorListener;
import org.communitykiosk.bloodpressure.device.SFloat;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * A monitor for demonstrations and tests: each measurement takes the next scripted step of the settings
 * ({@code simulatorReadings}), encodes it as a Bluetooth 0x2A35 record and delivers what the decoder makes of it after
 * {@code simulatorDelayMillis}. A step {@code disconnect} drops the connection, {@code garbage} sends a truncated record.
 */
@Component(service = BloodPressureMonitor.class, configurationPid = StationConfig.PID,
        property = BloodPressureMonitor.DRIVER + "=" + SimulatedMonitor.DRIVER)
public final class SimulatedMonitor implements BloodPressureMonitor {

    static final String DRIVER = "simulator";

    /** One scripted step: a record to send, or {@code null} for a disconnect. */
    record Step(byte[] record) {
    }

    private final List<Step> script;
    private final long delayMillis;
    private final AtomicInteger next = new AtomicInteger();
    private final ScheduledExecutorService executor;
    private final Object lock = new Object();
    private ScheduledFuture<?> pending;
    private MonitorListener current;

    @Activate
    public SimulatedMonitor(StationConfig config) {
        this(parse(config.simulatorReadings()), Math.max(0, config.simulatorDelayMillis()));
    }

    SimulatedMonitor(List<Step> script, long delayMillis) {
        this.script = List.copyOf(script);
        this.delayMillis = delayMillis;
        this.executor = Executors.newSingleThreadScheduledExecutor(Drivers.thread("bloodpressure-simulator"));
    }

    @Deactivate
    void close() {
        stop();
        executor.shutdownNow();
    }

    @Override
    public String driver() {
        return DRIVER;
    }

    @Override
    public void start(MonitorListener listener) {
        synchronized (lock) {
            cancel();
            current = listener;
            Step step = script.isEmpty() ? new Step(null) : script.get(Math.floorMod(next.getAndIncrement(),
                    script.size()));
            pending = executor.schedule(() -> deliver(listener, step), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            cancel();
        }
    }

    private void cancel() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = null;
        current = null;
    }

    private void deliver(MonitorListener listener, Step step) {
        synchronized (lock) {
            if (current != listener) {
                return; // stopped or replaced meanwhile
            }
            current = null;
            pending = null;
        }
        if (step.record() == null) {
            listener.disconnected();
            return;
        }
        Drivers.deliver(step.record(), listener);
    }

    /** The script of the settings; an entry that cannot be read becomes a malformed record (a visible fault). */
    static List<Step> parse(String readings) {
        List<Step> steps = new ArrayList<>();
        for (String entry : (readings == null ? "" : readings).split(";")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            if (e.equalsIgnoreCase("disconnect")) {
                steps.add(new Step(null));
                continue;
            }
            try {
                String[] valueAndStatus = e.split(":");
                String[] values = valueAndStatus[0].split("/");
                int status = valueAndStatus.length > 1 ? Integer.parseInt(valueAndStatus[1].strip()) : -1;
                steps.add(new Step(record(Integer.parseInt(values[0].strip()), Integer.parseInt(values[1].strip()),
                        values.length > 2 ? Integer.parseInt(values[2].strip()) : -1, status)));
            } catch (RuntimeException notAReading) {
                steps.add(new Step(new byte[] { 0x1E, 0x01 })); // "garbage": flags announce more than is sent
            }
        }
        return steps;
    }

    /** A 0x2A35 record in mmHg; pulse and status only when not negative. */
    static byte[] record(int systolic, int diastolic, int pulse, int status) {
        int flags = (pulse >= 0 ? BloodPressureRecordDecoder.FLAG_PULSE_RATE : 0)
                | (status >= 0 ? BloodPressureRecordDecoder.FLAG_STATUS : 0);
        byte[] record = new byte[BloodPressureRecordDecoder.expectedLength(flags)];
        record[0] = (byte) flags;
        put(record, 1, SFloat.encode(systolic, 0));
        put(record, 3, SFloat.encode(diastolic, 0));
        put(record, 5, SFloat.encode((systolic + 2 * diastolic) / 3, 0));
        int offset = 7;
        if (pulse >= 0) {
            put(record, offset, SFloat.encode(pulse, 0));
            offset += 2;
        }
        if (status >= 0) {
            put(record, offset, status);
        }
        return record;
    }

    private static void put(byte[] record, int offset, int value) {
        record[offset] = (byte) value;
        record[offset + 1] = (byte) (value >> 8);
    }
}
