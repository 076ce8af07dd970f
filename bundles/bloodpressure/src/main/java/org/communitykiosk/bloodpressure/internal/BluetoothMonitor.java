package org.communitykiosk.bloodpressure.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.communitykiosk.bloodpressure.device.BloodPressureMonitor;
import org.communitykiosk.bloodpressure.device.DecodeResult.DecodeFailure;
import org.communitykiosk.bloodpressure.device.Measurement;
import org.communitykiosk.bloodpressure.device.MonitorListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Bluetooth Low Energy monitor (Blood Pressure service 0x1810) reached through BlueZ on D-Bus: a measurement finds
 * the monitor on the configured adapter, connects, subscribes to the intermediate cuff pressure (0x2A36, forwarded as
 * {@link MonitorListener#cuffPressure}) and to the measurement (0x2A35, decoded by
 * {@link org.communitykiosk.bloodpressure.device.BloodPressureRecordDecoder}). BlueZ, the adapter or the monitor
 * missing or going away before the reading is a disconnect; so is no reading within {@code bluetoothTimeoutSeconds}.
 * <p>
 * The D-Bus library (bluez-dbus-osgi) is an optional import: this class names none of its types, so the component
 * loads without it; then {@link #start} reports a disconnect and logs why once. Everything that needs the library is
 * in {@link BluezSession}. Values are never logged (health data).
 */
@Component(service = BloodPressureMonitor.class, configurationPid = StationConfig.PID,
        property = BloodPressureMonitor.DRIVER + "=" + BluetoothMonitor.DRIVER)
public final class BluetoothMonitor implements BloodPressureMonitor {

    static final String DRIVER = "bluetooth";
    private static final Logger LOG = LoggerFactory.getLogger(BluetoothMonitor.class);

    /**
     * @param busAddress the D-Bus address of BlueZ, empty for the system bus
     * @param adapter the adapter's name, as in {@code /org/bluez/hci0}
     * @param device the monitor's address in upper case; empty: the first device offering service 0x1810
     * @param timeout how long one measurement waits for the monitor
     */
    record Settings(String busAddress, String adapter, Optional<String> device, Duration timeout) {

        static Settings of(StationConfig config) {
            String device = config.bluetoothDevice() == null ? "" : config.bluetoothDevice().strip();
            String adapter = config.bluetoothAdapter() == null ? "" : config.bluetoothAdapter().strip();
            return new Settings(config.bluetoothBusAddress() == null ? "" : config.bluetoothBusAddress().strip(),
                    adapter.isEmpty() ? "hci0" : adapter,
                    device.isEmpty() ? Optional.empty() : Optional.of(device.toUpperCase(Locale.ROOT)),
                    Duration.ofSeconds(Math.max(1, config.bluetoothTimeoutSeconds())));
        }
    }

    private final Settings settings;
    private final ExecutorService executor;
    private final Object lock = new Object();
    /** Reasons already logged: a kiosk retrying every few minutes must not fill the log with the same line. */
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private Measuring current;

    @Activate
    public BluetoothMonitor(StationConfig config) {
        this(Settings.of(config));
    }

    BluetoothMonitor(Settings settings) {
        this.settings = settings;
        this.executor = Executors.newSingleThreadExecutor(Drivers.thread("bloodpressure-bluetooth"));
    }

    @Deactivate
    void close() {
        stop();
        executor.shutdown();
    }

    @Override
    public String driver() {
        return DRIVER;
    }

    @Override
    public void start(MonitorListener listener) {
        Measuring measuring = new Measuring(listener);
        synchronized (lock) {
            stopCurrent();
            current = measuring;
        }
        // one measurement at a time: a replaced one finishes its clean-up (unsubscribe, disconnect from D-Bus) first
        executor.execute(() -> measure(measuring));
    }

    @Override
    public void stop() {
        synchronized (lock) {
            stopCurrent();
        }
    }

    private void stopCurrent() {
        if (current != null) {
            current.stop();
            current = null;
        }
    }

    private void measure(Measuring measuring) {
        if (!measuring.live()) {
            return;
        }
        BluezSession session;
        try {
            session = new BluezSession(settings, measuring);
        } catch (LinkageError noLibrary) {
            measuring.unavailable("the D-Bus library (bluez-dbus-osgi) is not installed", noLibrary);
            return;
        }
        if (measuring.attach(session)) {
            session.run();
        }
    }

    /**
     * One measurement as its {@link BluezSession} reports it: passes each outcome to the listener unless the
     * measurement was stopped or replaced, and ends it with the first of reading, failure or disconnect.
     */
    final class Measuring implements MonitorListener {

        private final MonitorListener listener;
        private boolean stopped;
        private boolean ended;
        private AutoCloseable session;

        Measuring(MonitorListener listener) {
            this.listener = listener;
        }

        boolean live() {
            synchronized (lock) {
                return !stopped && !ended;
            }
        }

        /** Lets {@link #stop} wake the session; false if it was stopped before it began. */
        boolean attach(AutoCloseable session) {
            synchronized (lock) {
                this.session = session;
                return !stopped;
            }
        }

        void stop() {
            AutoCloseable toClose;
            synchronized (lock) {
                stopped = true;
                toClose = session;
            }
            if (toClose != null) {
                try {
                    toClose.close(); // only asks the session to end: its clean-up runs on the driver thread
                } catch (Exception e) {
                    LOG.debug("Bluetooth measurement did not take the stop", e);
                }
            }
        }

        private boolean end() {
            synchronized (lock) {
                if (stopped || ended) {
                    return false;
                }
                ended = true;
                if (current == this) {
                    current = null;
                }
                return true;
            }
        }

        @Override
        public void cuffPressure(double mmHg) {
            if (live()) {
                listener.cuffPressure(mmHg);
            }
        }

        @Override
        public void reading(Measurement measurement) {
            if (end()) {
                logged.clear(); // the station works: a later fault is worth a line again
                listener.reading(measurement);
            }
        }

        @Override
        public void failed(DecodeFailure reason) {
            if (end()) {
                LOG.info("Bluetooth monitor sent a record that is not a reading: {}", reason);
                listener.failed(reason);
            }
        }

        @Override
        public void disconnected() {
            if (end()) {
                listener.disconnected();
            }
        }

        /**
         * A disconnect whose cause is worth telling the technician once (BlueZ not running, no adapter, the library
         * missing); the detail must not carry measurement values.
         */
        void unavailable(String why, Throwable detail) {
            if (logged.add(why)) {
                if (detail == null) {
                    LOG.warn("Bluetooth monitor unavailable: {}", why);
                } else {
                    LOG.warn("Bluetooth monitor unavailable: {} ({})", why, detail.toString());
                }
            } else {
                LOG.debug("Bluetooth monitor unavailable: {}", why);
            }
            disconnected();
        }
    }
}
