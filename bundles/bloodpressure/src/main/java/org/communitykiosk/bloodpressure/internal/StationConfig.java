package org.communitykiosk.bloodpressure.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the blood-pressure station, PID {@value #PID} ({@code etc/org.communitykiosk.bloodpressure.cfg}). */
@ObjectClassDefinition(name = "Blood-pressure station", description = "Guideline, monitor driver and protocol timings")
@interface StationConfig {

    String PID = "org.communitykiosk.bloodpressure";

    @AttributeDefinition(description = "CHINA_2018 (default), ACC_AHA_2017 or ESH_2023")
    String guideline() default "CHINA_2018";

    @AttributeDefinition(description = "Monitor driver: simulator, serial, bluetooth, or none for manual entry only")
    String driver() default "simulator";

    @AttributeDefinition(description = "Rest before the first reading, seconds (a volunteer may skip it)")
    int restSeconds() default 300;

    @AttributeDefinition(description = "Pause between readings, seconds")
    int pauseSeconds() default 60;

    @AttributeDefinition(description = "Simulator: readings in turn, separated by ';': systolic/diastolic/pulse with"
            + " optional :statusBits (1 movement, 2 cuff loose, 4 irregular pulse), or 'disconnect' or 'garbage'")
    String simulatorReadings() default "132/84/72;126/80/70;124/79/69";

    @AttributeDefinition(description = "Simulator: milliseconds from start to the reading")
    int simulatorDelayMillis() default 3000;

    @AttributeDefinition(description = "Serial driver: the port, for example /dev/ttyUSB0 or COM3")
    String serialPort() default "";

    @AttributeDefinition(description = "Serial driver: baud rate (8 data bits, 1 stop bit, no parity)")
    int serialBaudRate() default 9600;

    @AttributeDefinition(description = "Serial driver: a regular expression matched against each line the monitor"
            + " prints, with named groups sys and dia, optionally pulse, and optionally irregular (any text there"
            + " marks an irregular pulse)")
    String serialLinePattern() default LinePattern.DEFAULT;

    @AttributeDefinition(description = "Bluetooth driver: the BlueZ adapter, for example hci0")
    String bluetoothAdapter() default "hci0";

    @AttributeDefinition(description = "Bluetooth driver: the monitor's address, for example 00:5F:BF:12:34:56; empty:"
            + " the first device of the adapter offering the Blood Pressure service (0x1810)")
    String bluetoothDevice() default "";

    @AttributeDefinition(description = "Bluetooth driver: seconds a measurement waits for the monitor to be found,"
            + " to connect and to send its reading")
    int bluetoothTimeoutSeconds() default 180;

    @AttributeDefinition(description = "Bluetooth driver: the D-Bus address where BlueZ is, for example"
            + " unix:path=/run/dbus/system_bus_socket; empty: the system bus")
    String bluetoothBusAddress() default "";
}
