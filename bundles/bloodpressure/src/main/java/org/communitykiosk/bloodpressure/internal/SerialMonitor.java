package org.communitykiosk.bloodpressure.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.communitykiosk.bloodpressure.device.BloodPressureMonitor;
import org.communitykiosk.bloodpressure.device.Measurement;
import org.communitykiosk.bloodpressure.device.MonitorListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A monitor that prints each reading as a text line on a serial port (USB or RS-232), read with jSerialComm. A
 * measurement opens the port, waits for the first line matching {@code serialLinePattern} and closes the port; the port
 * failing or closing first is a disconnect. Lines are never logged (they are health data).
 * <p>
 * jSerialComm is an optional import: without it {@link #start} reports a disconnect and logs why once.
 */
@Component(service = BloodPressureMonitor.class, configurationPid = StationConfig.PID,
        property = BloodPressureMonitor.DRIVER + "=" + SerialMonitor.DRIVER)
public final class SerialMonitor implements BloodPressureMonitor {

    static final String DRIVER = "serial";
    private static final Logger LOG = LoggerFactory.getLogger(SerialMonitor.class);

    private final String portName;
    private final int baudRate;
    private final Optional<LinePattern> pattern;
    private final Object lock = new Object();
    private Thread reader;
    private AutoCloseable open;

    @Activate
    public SerialMonitor(StationConfig config) {
        this.portName = config.serialPort() == null ? "" : config.serialPort().strip();
        this.baudRate = config.serialBaudRate();
        this.pattern = LinePattern.compile(config.serialLinePattern());
        if (pattern.isEmpty()) {
            LOG.warn("serialLinePattern is not a regular expression with the groups sys and dia");
        }
    }

    @Override
    public String driver() {
        return DRIVER;
    }

    @Override
    public void start(MonitorListener listener) {
        stop();
        if (portName.isEmpty() || pattern.isEmpty()) {
            listener.disconnected();
            return;
        }
        Thread thread = Drivers.thread("bloodpressure-serial").newThread(() -> read(listener));
        synchronized (lock) {
            reader = thread;
        }
        thread.start();
    }

    @Override
    @Deactivate
    public void stop() {
        synchronized (lock) {
            if (reader != null) {
                reader.interrupt();
                reader = null;
            }
            closeQuietly();
        }
    }

    private boolean current() {
        synchronized (lock) {
            return reader == Thread.currentThread();
        }
    }

    private void read(MonitorListener listener) {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(portName);
            port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING, 0, 0);
            if (!port.openPort()) {
                finish(listener, null, false);
                return;
            }
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("serial driver cannot use the port: {}", e.toString());
            finish(listener, null, false);
            return;
        }
        synchronized (lock) {
            if (!current()) {
                port.closePort();
                return;
            }
            open = port::closePort;
        }
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(port.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = lines.readLine()) != null && current()) {
                Optional<Measurement> reading = pattern.get().parse(line);
                if (reading.isPresent()) {
                    finish(listener, reading.get(), true);
                    return;
                }
            }
            finish(listener, null, false);
        } catch (IOException | RuntimeException e) {
            finish(listener, null, false);
        }
    }

    /** Delivers the outcome unless the measurement was stopped or replaced meanwhile. */
    private void finish(MonitorListener listener, Measurement reading, boolean ok) {
        synchronized (lock) {
            if (!current()) {
                return;
            }
            reader = null;
            closeQuietly();
        }
        if (ok) {
            listener.reading(reading);
        } else {
            listener.disconnected();
        }
    }

    private void closeQuietly() {
        if (open != null) {
            try {
                open.close();
            } catch (Exception e) {
                // closing a port that already went away
            }
            open = null;
        }
    }
}
