package org.communitykiosk.bloodpressure.device;

/**
 * The measurement status bits of the Bluetooth record (all false when the monitor reports none).
 *
 * @param bodyMovement bit 0: the body moved during the measurement
 * @param cuffTooLoose bit 1: the cuff fits too loosely
 * @param irregularPulse bit 2: an irregular pulse was detected
 * @param pulseRange bits 3-4
 * @param improperPosition bit 5: the measurement position was improper
 */
public record MeasurementStatus(boolean bodyMovement, boolean cuffTooLoose, boolean irregularPulse,
        PulseRange pulseRange, boolean improperPosition) {

    public static final MeasurementStatus NONE = new MeasurementStatus(false, false, false, PulseRange.WITHIN, false);

    public MeasurementStatus {
        java.util.Objects.requireNonNull(pulseRange, "pulseRange");
    }

    /** From the 16 status bits of the record; bits 6-15 are reserved and ignored. */
    public static MeasurementStatus fromBits(int bits) {
        return new MeasurementStatus((bits & 0x01) != 0, (bits & 0x02) != 0, (bits & 0x04) != 0,
                PulseRange.values()[(bits >> 3) & 0x03], (bits & 0x20) != 0);
    }

    /** The bits as the record carries them. */
    public int toBits() {
        return (bodyMovement ? 0x01 : 0) | (cuffTooLoose ? 0x02 : 0) | (irregularPulse ? 0x04 : 0)
                | pulseRange.ordinal() << 3 | (improperPosition ? 0x20 : 0);
    }

    /** Movement, a loose cuff or an irregular pulse make the reading unreliable: the protocol asks for a repeat. */
    public boolean needsRepeat() {
        return bodyMovement || cuffTooLoose || irregularPulse;
    }
}
