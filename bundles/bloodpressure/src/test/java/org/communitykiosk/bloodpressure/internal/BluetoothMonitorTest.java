package org.communitykiosk.bloodpressure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.communitykiosk.bloodpressure.device.DecodeResult.DecodeFailure;
import org.communitykiosk.bloodpressure.device.Measurement;
import org.communitykiosk.bloodpressure.device.MeasurementStatus;
import org.communitykiosk.bloodpressure.device.MonitorListener;
import org.communitykiosk.core.testing.WithoutPackage;
import org.freedesktop.dbus.bin.EmbeddedDBusDaemon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bluetooth driver against a fake BlueZ on dbus-java's embedded D-Bus daemon, over a unix socket as on a kiosk
 * (where BlueZ is on the system bus): the real driver, the real library, only bluetoothd is played by the test.
 */
class BluetoothMonitorTest {

    private static final String MONITOR = "00:5F:BF:12:34:56";

    @TempDir
    Path dir;
    private String address;
    private EmbeddedDBusDaemon daemon;
    private FakeBluez bluez;
    private BluetoothMonitor monitor;

    @BeforeEach
    void startBus() {
        address = "unix:path=" + dir.resolve("system_bus_socket");
        daemon = new EmbeddedDBusDaemon(address + ",listen=true"); // the server's end of the same address
        daemon.startInBackgroundAndWait(10_000);
    }

    @AfterEach
    void stopBus() throws Exception {
        if (monitor != null) {
            monitor.close();
        }
        if (bluez != null) {
            bluez.close();
        }
        daemon.close();
    }

    private BluetoothMonitor monitor(Optional<String> device, Duration timeout) {
        monitor = new BluetoothMonitor(new BluetoothMonitor.Settings(address, "hci0", device, timeout));
        return monitor;
    }

    /** BlueZ knowing one monitor ({@link #MONITOR}) on hci0, and a measurement subscribed to it; the monitor's path. */
    private String subscribed(Optional<String> device, RecordingListener listener) throws Exception {
        bluez = new FakeBluez(address);
        String path = bluez.monitor(bluez.adapter("hci0"), MONITOR, false);
        monitor(device, Duration.ofSeconds(30)).start(listener);
        assertTrue(bluez.awaitNotifying(FakeBluez.measurementOf(path)), () -> "subscribed: " + bluez.calls());
        return path;
    }

    private static RecordingListener listener() {
        return new RecordingListener(Duration.ofSeconds(15));
    }

    @Test
    void aReadingArrivesDecodedAfterTheCuffPressures() throws Exception {
        RecordingListener listener = listener();
        String device = subscribed(Optional.empty(), listener);

        assertTrue(bluez.calls().contains("Connect " + device), bluez.calls()::toString);
        assertTrue(bluez.calls().contains("StartNotify " + FakeBluez.cuffOf(device)), bluez.calls()::toString);
        bluez.send(FakeBluez.cuffOf(device), cuff(165));
        bluez.send(FakeBluez.cuffOf(device), cuff(118));
        await(() -> listener.cuffs.size() == 2, "two cuff pressures");
        assertEquals(List.of(165.0, 118.0), listener.cuffs);
        assertTrue(listener.outcomes.isEmpty(), "no outcome while the cuff deflates");

        bluez.send(FakeBluez.measurementOf(device), SimulatedMonitor.record(128, 82, 70, 4));
        Measurement reading = assertInstanceOf(Measurement.class, listener.next());
        assertEquals(128, reading.systolicMmHg().getAsDouble());
        assertEquals(82, reading.diastolicMmHg().getAsDouble());
        assertEquals(70, reading.pulseRate().getAsDouble());
        assertTrue(reading.status().irregularPulse());
        assertFalse(reading.intermediate());

        // the measurement ends: notifications off, and the monitor it connected is let go
        await(() -> bluez.calls().contains("Disconnect " + device), "disconnect after the reading");
        assertFalse(bluez.property(FakeBluez.measurementOf(device), "Notifying"));
        assertFalse(bluez.property(FakeBluez.cuffOf(device), "Notifying"));
        bluez.send(FakeBluez.measurementOf(device), SimulatedMonitor.record(140, 90, 75, -1));
        assertNull(listener.outcomes.poll(300, TimeUnit.MILLISECONDS), "one measurement, one outcome");
    }

    @Test
    void aMalformedRecordIsAFailure() throws Exception {
        RecordingListener listener = listener();
        String device = subscribed(Optional.of(MONITOR), listener);
        bluez.send(FakeBluez.measurementOf(device), new byte[] { 0x1E, 0x01 }); // flags announce more than is sent
        assertEquals(DecodeFailure.TRUNCATED, listener.next());
    }

    @Test
    void theMonitorDisconnectingMidMeasurementIsADisconnect() throws Exception {
        RecordingListener listener = listener();
        String device = subscribed(Optional.empty(), listener);
        bluez.send(FakeBluez.cuffOf(device), cuff(150));
        await(() -> listener.cuffs.size() == 1, "the cuff pressure");
        bluez.dropConnection(device);
        assertEquals(RecordingListener.DISCONNECTED, listener.next());
        assertNull(listener.outcomes.poll(200, TimeUnit.MILLISECONDS), "nothing after the disconnect");
    }

    @Test
    void noAdapterIsADisconnect() throws Exception {
        bluez = new FakeBluez(address);
        bluez.monitor(bluez.adapter("hci1"), MONITOR, false); // a monitor, but on another adapter
        RecordingListener listener = listener();
        long started = System.nanoTime();
        monitor(Optional.empty(), Duration.ofSeconds(30)).start(listener);

        assertEquals(RecordingListener.DISCONNECTED, listener.next());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos(), "at once, not at the time-out");
        assertTrue(bluez.calls().isEmpty(), () -> "nothing asked of BlueZ: " + bluez.calls());
    }

    @Test
    void noBluezOnTheBusIsADisconnect() throws Exception {
        RecordingListener listener = listener();
        monitor(Optional.empty(), Duration.ofSeconds(30)).start(listener);
        assertEquals(RecordingListener.DISCONNECTED, listener.next());
    }

    @Test
    void noBusIsADisconnect() throws Exception {
        RecordingListener listener = listener();
        monitor = new BluetoothMonitor(new BluetoothMonitor.Settings(
                "unix:path=" + dir.resolve("no_bus_here"), "hci0", Optional.empty(), Duration.ofSeconds(30)));
        monitor.start(listener);
        assertEquals(RecordingListener.DISCONNECTED, listener.next());
    }

    @Test
    void aMonitorBluezDoesNotKnowIsDiscoveredAndConnectedOnceItAccepts() throws Exception {
        bluez = new FakeBluez(address);
        String adapter = bluez.adapter("hci0");
        String device = adapter + "/dev_" + MONITOR.replace(':', '_');
        bluez.refusedConnects = 1; // the first attempt comes before the monitor accepts connections
        bluez.onDiscovery = () -> {
            try {
                bluez.monitor(adapter, MONITOR, true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        RecordingListener listener = listener();
        monitor(Optional.empty(), Duration.ofSeconds(30)).start(listener);

        assertTrue(bluez.awaitNotifying(FakeBluez.measurementOf(device)), () -> "subscribed: " + bluez.calls());
        assertEquals(List.of("StartDiscovery " + adapter, "Connect " + device, "Connect " + device,
                "StopDiscovery " + adapter), bluez.calls().subList(0, 4));
        assertTrue(bluez.discoveryFilters.get(0).toString().contains(BluezSession.BLOOD_PRESSURE_SERVICE),
                "discovers only blood-pressure monitors: " + bluez.discoveryFilters);
        bluez.send(FakeBluez.measurementOf(device), SimulatedMonitor.record(121, 79, 64, -1));
        Measurement reading = assertInstanceOf(Measurement.class, listener.next());
        assertEquals(121, reading.systolicMmHg().getAsDouble());
        assertEquals(MeasurementStatus.NONE, reading.status());
    }

    @Test
    void theConfiguredAddressChoosesAmongMonitors() throws Exception {
        bluez = new FakeBluez(address);
        String adapter = bluez.adapter("hci0");
        String other = bluez.monitor(adapter, "00:11:22:33:44:55", false);
        String configured = bluez.monitor(adapter, MONITOR, false);
        RecordingListener listener = listener();
        monitor(Optional.of(MONITOR), Duration.ofSeconds(30)).start(listener);

        assertTrue(bluez.awaitNotifying(FakeBluez.measurementOf(configured)), () -> "subscribed: " + bluez.calls());
        assertFalse(bluez.calls().contains("Connect " + other), bluez.calls()::toString);
    }

    @Test
    void noMonitorWithinTheTimeoutIsADisconnect() throws Exception {
        bluez = new FakeBluez(address);
        bluez.adapter("hci0");
        RecordingListener listener = listener();
        monitor(Optional.empty(), Duration.ofSeconds(1)).start(listener);
        assertEquals(RecordingListener.DISCONNECTED, listener.next());
        await(() -> bluez.calls().contains("StopDiscovery /org/bluez/hci0"), "discovery stopped");
    }

    @Test
    void stopUnsubscribesAndTheListenerHearsNothingMore() throws Exception {
        RecordingListener listener = listener();
        String device = subscribed(Optional.empty(), listener);
        monitor.stop();
        await(() -> bluez.calls().contains("StopNotify " + FakeBluez.measurementOf(device)), "unsubscribed");
        bluez.send(FakeBluez.cuffOf(device), cuff(150));
        bluez.send(FakeBluez.measurementOf(device), SimulatedMonitor.record(128, 82, 70, -1));
        assertNull(listener.outcomes.poll(300, TimeUnit.MILLISECONDS), "a stopped measurement reports nothing");
        assertTrue(listener.cuffs.isEmpty());
    }

    @Test
    void aNewStartReplacesTheMeasurementUnderWay() throws Exception {
        RecordingListener first = listener();
        RecordingListener second = listener();
        String device = subscribed(Optional.empty(), first);
        monitor.start(second);
        await(() -> bluez.calls().stream().filter(c -> c.startsWith("StartNotify " + FakeBluez.measurementOf(device)))
                .count() == 2, "subscribed again");
        bluez.send(FakeBluez.measurementOf(device), SimulatedMonitor.record(118, 76, 61, -1));
        assertInstanceOf(Measurement.class, second.next());
        assertNull(first.outcomes.poll(200, TimeUnit.MILLISECONDS), "the replaced listener hears nothing");
    }

    @Test
    void settingsComeFromTheStationConfiguration() {
        BluetoothMonitor.Settings settings = BluetoothMonitor.Settings.of(ScreensTest.config("bluetooth"));
        assertEquals(new BluetoothMonitor.Settings("", "hci0", Optional.of(MONITOR), Duration.ofSeconds(180)),
                settings);
    }

    /**
     * bluez-dbus-osgi is an optional import: without it the component still loads (DS builds it), and a measurement
     * is a disconnect rather than an error.
     */
    @Test
    void withoutTheDbusLibraryAMeasurementIsADisconnect() throws Exception {
        try (WithoutPackage loader = new WithoutPackage(BluetoothMonitor.class, "org.freedesktop.dbus")) {
            assertThrows(ClassNotFoundException.class,
                    () -> loader.loadClass("org.freedesktop.dbus.connections.impl.DBusConnection"));
            // the loader does hide it: the class that talks to BlueZ cannot be reflected on
            Class<?> session = loader.loadClass(BluezSession.class.getName());
            assertThrows(NoClassDefFoundError.class, session::getDeclaredMethods);
            Class<?> type = loader.loadClass(BluetoothMonitor.class.getName());
            type.getDeclaredMethods();
            type.getDeclaredFields();
            Class<?> settingsType = loader.loadClass(BluetoothMonitor.Settings.class.getName());
            var settingsConstructor = settingsType.getDeclaredConstructors()[0];
            settingsConstructor.setAccessible(true); // package-private, and this loader's package is another one
            Object settings = settingsConstructor.newInstance(address, "hci0", Optional.empty(), Duration.ofSeconds(30));
            var constructor = type.getDeclaredConstructor(settingsType);
            constructor.setAccessible(true);
            Object driver = constructor.newInstance(settings);
            RecordingListener listener = listener();
            type.getMethod("start", MonitorListener.class).invoke(driver, listener);
            assertEquals(RecordingListener.DISCONNECTED, listener.next());
            var close = type.getDeclaredMethod("close");
            close.setAccessible(true);
            close.invoke(driver);
        }
    }

    /** A 0x2A36 record: the cuff pressure in the systolic field, the others "not a number" (0x07FF). */
    private static byte[] cuff(int mmHg) {
        return new byte[] { 0x00, (byte) mmHg, (byte) (mmHg >> 8), (byte) 0xFF, 0x07, (byte) 0xFF, 0x07 };
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited in vain for " + what);
            }
            Thread.sleep(20);
        }
    }
}
