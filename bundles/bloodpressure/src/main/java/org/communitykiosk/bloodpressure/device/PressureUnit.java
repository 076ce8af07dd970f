package org.communitykiosk.bloodpressure.device;

/** The unit a monitor reports pressures in (flag bit 0 of the Bluetooth record). */
public enum PressureUnit {
    MMHG, KPA;

    /** 1 kPa = 7.50062 mmHg. */
    public static final double MMHG_PER_KPA = 7.50062;

    /** The value in mmHg. */
    public double toMmHg(double value) {
        return this == KPA ? value * MMHG_PER_KPA : value;
    }
}
