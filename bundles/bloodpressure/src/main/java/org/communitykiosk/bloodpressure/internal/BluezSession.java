package org.communitykiosk.bloodpressure.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bluez.Adapter1;
import org.bluez.Device1;
import org.bluez.GattCharacteristic1;
import org.bluez.exceptions.BluezAlreadyConnectedException;
import org.communitykiosk.bloodpressure.device.BloodPressureRecordDecoder;
import org.communitykiosk.bloodpressure.device.DecodeResult;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.IDisconnectCallback;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Bluetooth measurement against BlueZ (bluez-dbus-osgi: dbus-java with the {@code org.bluez} interfaces): reads
 * BlueZ's objects through {@code org.freedesktop.DBus.ObjectManager}, follows them through {@code InterfacesAdded},
 * {@code InterfacesRemoved} and {@code PropertiesChanged}, finds and connects the monitor (discovering if BlueZ does
 * not know it yet), subscribes to 0x2A36 and 0x2A35 and reports to its {@link BluetoothMonitor.Measuring}.
 * <p>
 * Runs on the driver thread only; D-Bus signals are queued for it, so the copy of BlueZ's objects has one writer.
 * Its own D-Bus connection is closed at the end, which also ends every subscription BlueZ holds for it.
 */
final class BluezSession implements AutoCloseable {

    static final String BLUEZ = "org.bluez";
    static final String BLOOD_PRESSURE_SERVICE = "00001810-0000-1000-8000-00805f9b34fb";
    static final String MEASUREMENT = "00002a35-0000-1000-8000-00805f9b34fb";
    static final String CUFF_PRESSURE = "00002a36-0000-1000-8000-00805f9b34fb";
    static final String ADAPTER = "org.bluez.Adapter1";
    static final String DEVICE = "org.bluez.Device1";
    static final String SERVICE = "org.bluez.GattService1";
    static final String CHARACTERISTIC = "org.bluez.GattCharacteristic1";

    /** Between connection attempts: an LE monitor is connectable only while it advertises. */
    private static final Duration RETRY = Duration.ofSeconds(2);
    /**
     * dbus-java tries a bus that is not there again every 500 ms for its transport time-out (10 s by default), for a
     * bus starting alongside; here the missing bus is a disconnect at once, as the other failures are. Over TCP this
     * is also the time a connection may take.
     */
    private static final int CONNECT_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(BluezSession.class);

    private sealed interface Event {
    }

    private record Changed(String sender, String path, String iface, Map<String, Variant<?>> values)
            implements Event {
    }

    private record Added(String sender, String path, Map<String, Map<String, Variant<?>>> interfaces)
            implements Event {
    }

    private record Removed(String sender, String path, List<String> interfaces) implements Event {
    }

    private record OwnerChanged(String name, String newOwner) implements Event {
    }

    private record BusLost() implements Event {
    }

    private record Stop() implements Event {
    }

    private enum Kind {
        /** stopped or replaced: the listener hears nothing */
        STOPPED,
        /** the monitor went away or did not deliver: a disconnect, nothing for the technician */
        GONE,
        /** BlueZ, the adapter or the monitor is not there: a disconnect, and a line in the log once */
        UNAVAILABLE
    }

    /** Ends the measurement early. */
    private static final class Ended extends Exception {

        private static final long serialVersionUID = 1L;
        private final Kind kind;

        Ended(Kind kind, String why, Throwable cause) {
            super(why, cause, false, false);
            this.kind = kind;
        }
    }

    private final BluetoothMonitor.Settings settings;
    private final BluetoothMonitor.Measuring outcome;
    private final String adapterPath;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** BlueZ's objects as last reported: path, interface, property, value. */
    private final Map<String, Map<String, Map<String, Variant<?>>>> objects = new HashMap<>();
    private final List<String> notifying = new ArrayList<>();
    private Instant deadline;
    private String bluezOwner;
    private boolean discoveryTried;
    private boolean discovering;
    private String connectedByUs;

    BluezSession(BluetoothMonitor.Settings settings, BluetoothMonitor.Measuring outcome) {
        this.settings = settings;
        this.outcome = outcome;
        this.adapterPath = "/org/bluez/" + settings.adapter();
    }

    /** Asks the measurement to end; it cleans up on its own thread. */
    @Override
    public void close() {
        events.add(new Stop());
    }

    void run() {
        deadline = Instant.now().plus(settings.timeout());
        DBusConnection bus;
        try {
            bus = open();
        } catch (DBusException | RuntimeException e) {
            outcome.unavailable("D-Bus is not reachable at "
                    + (settings.busAddress().isEmpty() ? "the system bus" : settings.busAddress()), e);
            return;
        }
        try {
            measure(bus);
        } catch (Ended e) {
            switch (e.kind) {
            case STOPPED -> LOG.debug("Bluetooth measurement stopped");
            case GONE -> {
                LOG.debug("Bluetooth monitor went away: {}", e.getMessage());
                outcome.disconnected();
            }
            case UNAVAILABLE -> outcome.unavailable(e.getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (DBusException | DBusExecutionException e) {
            // a call BlueZ refused or that found the bus gone: the measurement cannot go on
            LOG.debug("Bluetooth measurement ended by a D-Bus error", e);
            outcome.disconnected();
        } finally {
            cleanUp(bus);
        }
    }

    private DBusConnection open() throws DBusException {
        DBusConnectionBuilder builder = settings.busAddress().isEmpty() ? DBusConnectionBuilder.forSystemBus()
                : DBusConnectionBuilder.forAddress(settings.busAddress());
        // not shared: closing it must not close another user's connection, and must drop our subscriptions
        return builder.withShared(false).withDisconnectCallback(new IDisconnectCallback() {
            @Override
            public void disconnectOnError(IOException e) {
                events.add(new BusLost());
            }
        }).transportConfig().withTimeout(CONNECT_MILLIS).back().build();
    }

    private void measure(DBusConnection bus) throws Ended, InterruptedException, DBusException {
        // subscribe before reading the objects, so that no change between the two is lost; closing the connection
        // ends the subscriptions
        bus.addSigHandler(Properties.PropertiesChanged.class, s -> events.add(
                new Changed(s.getSource(), s.getPath(), s.getInterfaceName(), s.getPropertiesChanged())));
        bus.addSigHandler(ObjectManager.InterfacesAdded.class, s -> events.add(
                new Added(s.getSource(), s.getSignalSource().getPath(), s.getInterfaces())));
        bus.addSigHandler(ObjectManager.InterfacesRemoved.class, s -> events.add(
                new Removed(s.getSource(), s.getSignalSource().getPath(), s.getInterfaces())));
        bus.addSigHandler(DBus.NameOwnerChanged.class, s -> events.add(new OwnerChanged(s.name, s.newOwner)));
        try {
            bluezOwner = bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class)
                    .GetNameOwner(BLUEZ);
        } catch (DBusExecutionException e) {
            throw new Ended(Kind.UNAVAILABLE, "BlueZ (bluetoothd) is not running", e);
        }
        Map<DBusPath, Map<String, Map<String, Variant<?>>>> managed = bus
                .getRemoteObject(BLUEZ, "/", ObjectManager.class).GetManagedObjects();
        managed.forEach((path, interfaces) -> add(path.getPath(), interfaces));
        requireAdapter();

        String device = connectMonitor(bus);
        Map<String, String> characteristics = characteristics(device);
        String measurement = characteristics.get(MEASUREMENT);
        if (measurement == null) {
            throw new Ended(Kind.UNAVAILABLE, "the Bluetooth device " + address(device)
                    + " has no blood-pressure measurement characteristic (0x2A35)", null);
        }
        String cuff = characteristics.get(CUFF_PRESSURE);
        if (cuff != null) {
            try {
                bus.getRemoteObject(BLUEZ, cuff, GattCharacteristic1.class).StartNotify();
                notifying.add(cuff);
            } catch (DBusException | DBusExecutionException e) {
                LOG.debug("Bluetooth monitor gives no cuff pressure while measuring", e); // a progress display only
            }
        }
        try {
            bus.getRemoteObject(BLUEZ, measurement, GattCharacteristic1.class).StartNotify();
            notifying.add(measurement);
        } catch (DBusException | DBusExecutionException e) {
            throw new Ended(Kind.GONE, "could not subscribe to the measurement", e);
        }
        awaitReading(device, measurement, cuff);
    }

    /** Waits for the measurement record, forwarding cuff pressures, until the monitor goes or time is up. */
    private void awaitReading(String device, String measurement, String cuff) throws Ended, InterruptedException {
        while (true) {
            Event event = next(deadline);
            if (event == null) {
                throw new Ended(Kind.GONE, "no reading within " + settings.timeout().toSeconds() + " s", null);
            }
            if (event instanceof Changed changed && CHARACTERISTIC.equals(changed.iface())
                    && changed.values().containsKey("Value")) {
                byte[] value = bytes(changed.values().get("Value").getValue());
                if (changed.path().equals(measurement)) {
                    Drivers.deliver(value, outcome);
                    return;
                }
                if (changed.path().equals(cuff)
                        && BloodPressureRecordDecoder.decode(value, true) instanceof DecodeResult.Decoded decoded
                        && decoded.measurement().systolicMmHg().isPresent()) {
                    // a cuff pressure record carries the pressure in the systolic field
                    outcome.cuffPressure(decoded.measurement().systolicMmHg().getAsDouble());
                }
            }
            if (!flag(device, DEVICE, "Connected")) {
                throw new Ended(Kind.GONE, "the monitor disconnected", null);
            }
        }
    }

    /**
     * Finds the monitor and connects it, until BlueZ reports its services resolved. A monitor BlueZ does not know yet
     * is discovered; a known one is connected again and again, since it accepts a connection only while advertising.
     */
    private String connectMonitor(DBusConnection bus) throws Ended, InterruptedException {
        Instant nextAttempt = Instant.MIN;
        while (true) {
            Optional<String> found = findDevice();
            boolean connected = found.isPresent() && flag(found.get(), DEVICE, "Connected");
            if (connected) {
                stopDiscovery(bus);
                if (flag(found.get(), DEVICE, "ServicesResolved")) {
                    return found.get();
                }
            } else {
                startDiscovery(bus);
                if (found.isPresent() && !Instant.now().isBefore(nextAttempt)) {
                    if (connect(bus, found.get())) {
                        continue;
                    }
                    nextAttempt = Instant.now().plus(RETRY);
                }
            }
            Instant until = found.isPresent() && !connected && nextAttempt.isBefore(deadline) ? nextAttempt
                    : deadline;
            if (next(until) == null && !Instant.now().isBefore(deadline)) {
                if (found.isEmpty()) {
                    throw new Ended(Kind.UNAVAILABLE, "no blood-pressure monitor found on " + settings.adapter()
                            + settings.device().map(d -> " with the address " + d).orElse(""), null);
                }
                throw new Ended(Kind.GONE, "the monitor did not connect", null);
            }
        }
    }

    private boolean connect(DBusConnection bus, String device) {
        try {
            bus.getRemoteObject(BLUEZ, device, Device1.class).Connect();
        } catch (BluezAlreadyConnectedException e) {
            LOG.trace("already connected", e);
        } catch (DBusException | DBusExecutionException e) {
            LOG.debug("Bluetooth monitor {} not connected yet: {}", address(device), e.getMessage());
            return false;
        }
        // BlueZ answers Connect once connected; its PropertiesChanged may still be on the way
        objects.get(device).get(DEVICE).put("Connected", new Variant<>(Boolean.TRUE));
        connectedByUs = device;
        return true;
    }

    private void startDiscovery(DBusConnection bus) {
        if (discoveryTried) {
            return;
        }
        discoveryTried = true;
        try {
            Adapter1 adapter = bus.getRemoteObject(BLUEZ, adapterPath, Adapter1.class);
            Map<String, Variant<?>> filter = new LinkedHashMap<>();
            filter.put("Transport", new Variant<>("le"));
            if (settings.device().isEmpty()) {
                filter.put("UUIDs", new Variant<>(new String[] { BLOOD_PRESSURE_SERVICE }, "as"));
            }
            adapter.SetDiscoveryFilter(filter);
            adapter.StartDiscovery();
            discovering = true;
        } catch (DBusException | DBusExecutionException e) {
            // another program may be discovering already: BlueZ then reports what it finds to us as well
            LOG.debug("Bluetooth discovery not started: {}", e.getMessage());
        }
    }

    private void stopDiscovery(DBusConnection bus) {
        if (!discovering) {
            return;
        }
        discovering = false;
        try {
            bus.getRemoteObject(BLUEZ, adapterPath, Adapter1.class).StopDiscovery();
        } catch (DBusException | DBusExecutionException e) {
            LOG.debug("Bluetooth discovery not stopped: {}", e.getMessage());
        }
    }

    /** The configured monitor, or the first device offering the Blood Pressure service, connected ones first. */
    private Optional<String> findDevice() {
        return objects.entrySet().stream()
                .filter(o -> o.getKey().startsWith(adapterPath + "/") && o.getValue().containsKey(DEVICE))
                .filter(o -> settings.device()
                        .map(address -> address.equalsIgnoreCase(text(o.getValue().get(DEVICE).get("Address"))))
                        .orElseGet(() -> strings(value(o.getValue().get(DEVICE).get("UUIDs")))
                                .contains(BLOOD_PRESSURE_SERVICE)))
                .map(Map.Entry::getKey)
                .min(Comparator.comparing((String path) -> !flag(path, DEVICE, "Connected"))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** The characteristics of the device's Blood Pressure service, by UUID. */
    private Map<String, String> characteristics(String device) {
        List<String> services = objects.entrySet().stream()
                .filter(o -> o.getKey().startsWith(device + "/") && o.getValue().containsKey(SERVICE))
                .filter(o -> BLOOD_PRESSURE_SERVICE.equalsIgnoreCase(text(o.getValue().get(SERVICE).get("UUID"))))
                .map(Map.Entry::getKey).toList();
        Map<String, String> found = new HashMap<>();
        objects.forEach((path, interfaces) -> {
            if (interfaces.containsKey(CHARACTERISTIC) && services.stream().anyMatch(s -> path.startsWith(s + "/"))) {
                String uuid = text(interfaces.get(CHARACTERISTIC).get("UUID")).toLowerCase();
                found.merge(uuid, path, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        return found;
    }

    /**
     * The next event from BlueZ, applied to the copy of its objects; null when {@code until} came first. BlueZ or
     * the adapter going away, the bus dropping and a stop end the measurement here.
     */
    private Event next(Instant until) throws Ended, InterruptedException {
        while (true) {
            long wait = Duration.between(Instant.now(), until).toMillis();
            Event event = wait <= 0 ? events.poll() : events.poll(wait, TimeUnit.MILLISECONDS);
            if (event == null) {
                return null;
            }
            if (event instanceof Stop) {
                throw new Ended(Kind.STOPPED, "stopped", null);
            }
            if (event instanceof BusLost) {
                throw new Ended(Kind.GONE, "the D-Bus connection broke", null);
            }
            if (event instanceof OwnerChanged owner) {
                if (BLUEZ.equals(owner.name()) && !bluezOwner.equals(owner.newOwner())) {
                    throw new Ended(Kind.UNAVAILABLE, "BlueZ (bluetoothd) stopped", null);
                }
                continue;
            }
            if (event instanceof Added added && bluezOwner.equals(added.sender())) {
                add(added.path(), added.interfaces());
            } else if (event instanceof Removed removed && bluezOwner.equals(removed.sender())) {
                Map<String, Map<String, Variant<?>>> interfaces = objects.get(removed.path());
                if (interfaces != null) {
                    removed.interfaces().forEach(interfaces::remove);
                    if (interfaces.isEmpty()) {
                        objects.remove(removed.path());
                    }
                }
            } else if (event instanceof Changed changed && bluezOwner.equals(changed.sender())) {
                Map<String, Map<String, Variant<?>>> interfaces = objects.get(changed.path());
                if (interfaces != null && interfaces.containsKey(changed.iface())) {
                    interfaces.get(changed.iface()).putAll(changed.values());
                }
            } else {
                continue; // another program's signal
            }
            requireAdapter();
            return event;
        }
    }

    private void requireAdapter() throws Ended {
        Map<String, Map<String, Variant<?>>> adapter = objects.get(adapterPath);
        if (adapter == null || !adapter.containsKey(ADAPTER)) {
            throw new Ended(Kind.UNAVAILABLE, "BlueZ has no Bluetooth adapter " + settings.adapter(), null);
        }
        Object powered = value(adapter.get(ADAPTER).get("Powered"));
        if (Boolean.FALSE.equals(powered)) {
            throw new Ended(Kind.UNAVAILABLE, "the Bluetooth adapter " + settings.adapter() + " is off", null);
        }
    }

    private void add(String path, Map<String, Map<String, Variant<?>>> interfaces) {
        Map<String, Map<String, Variant<?>>> known = objects.computeIfAbsent(path, p -> new HashMap<>());
        interfaces.forEach((name, properties) -> known.put(name, new HashMap<>(properties)));
    }

    private boolean flag(String path, String iface, String property) {
        Map<String, Map<String, Variant<?>>> interfaces = objects.get(path);
        return interfaces != null && interfaces.containsKey(iface)
                && Boolean.TRUE.equals(value(interfaces.get(iface).get(property)));
    }

    private String address(String device) {
        Map<String, Map<String, Variant<?>>> interfaces = objects.get(device);
        return interfaces == null || !interfaces.containsKey(DEVICE) ? device
                : text(interfaces.get(DEVICE).get("Address"));
    }

    private void cleanUp(DBusConnection bus) {
        // BlueZ would also end these when our connection closes; asking first is kinder to a monitor that stays on
        for (String characteristic : notifying) {
            try {
                bus.getRemoteObject(BLUEZ, characteristic, GattCharacteristic1.class).StopNotify();
            } catch (DBusException | RuntimeException e) {
                LOG.debug("Bluetooth notifications not stopped: {}", e.getMessage());
            }
        }
        stopDiscovery(bus);
        if (connectedByUs != null && flag(connectedByUs, DEVICE, "Connected")) {
            try {
                // the monitor is free for the next measurement (or for its own power-saving) at once
                bus.getRemoteObject(BLUEZ, connectedByUs, Device1.class).Disconnect();
            } catch (DBusException | RuntimeException e) {
                LOG.debug("Bluetooth monitor not disconnected: {}", e.getMessage());
            }
        }
        // our own connection (not shared): closing it drops our match rules at the bus, no RemoveMatch call needed
        bus.disconnect();
    }

    private static Object value(Variant<?> variant) {
        return variant == null ? null : variant.getValue();
    }

    private static String text(Variant<?> variant) {
        Object value = value(variant);
        return value == null ? "" : value.toString();
    }

    /** D-Bus string arrays arrive as a list or an array, depending on how they were sent. */
    private static List<String> strings(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(String::valueOf).map(String::toLowerCase).toList();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::toLowerCase).toList();
        }
        return List.of();
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] array) {
            return array;
        }
        if (value instanceof Byte[] boxed) {
            byte[] array = new byte[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                array[i] = boxed[i];
            }
            return array;
        }
        if (value instanceof List<?> list) {
            byte[] array = new byte[list.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = ((Number) list.get(i)).byteValue();
            }
            return array;
        }
        return new byte[0]; // the decoder refuses it as EMPTY
    }
}
