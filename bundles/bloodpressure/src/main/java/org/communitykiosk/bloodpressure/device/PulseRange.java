package org.communitykiosk.bloodpressure.device;

/** Bits 3-4 of the measurement status: where the pulse rate lies against the monitor's own limits. */
public enum PulseRange {
    WITHIN, EXCEEDS_UPPER, BELOW_LOWER, RESERVED
}
