package org.communitykiosk.bloodpressure.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the blood-pressure station, PID {@value #PID} ({@code etc/org.communitykiosk.bloodpressure.cfg}). */
@ObjectClassDefinition(name = "Blood-pressure station", description = "Guideline, monitor driver and protocol timings")
@interface StationConfig {

    String PID = "org.communitykiosk.bloodpressure";

    @AttributeDefinition(description = "CHINA_2018 (default), ACC_AHA_2017 or ESH_2023")
    String guideline() default "CHINA_2018";

    @AttributeDefinition(description = "Monitor driver: simulator, serial, or none for manual entry only")
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
}
