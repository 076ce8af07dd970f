package org.communitykiosk.bloodpressure.device;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A driver for a blood-pressure monitor, registered as an OSGi service with the service property
 * {@value #DRIVER} naming it ({@code simulator}, {@code serial}, ...). The kiosk uses the driver named in its settings
 * ({@code driver} of PID {@code org.communitykiosk.bloodpressure}).
 */
@ConsumerType
public interface BloodPressureMonitor {

    /** Service property: the driver's name. */
    String DRIVER = "bloodpressure.driver";

    /** The driver's name, as in {@value #DRIVER}. */
    String driver();

    /**
     * Starts one measurement (or waits for the monitor to send one). The listener receives its outcome; a new start
     * replaces an unfinished measurement and its listener.
     */
    void start(MonitorListener listener);

    /** Stops the measurement under way, if any; its listener hears nothing more. */
    void stop();
}
