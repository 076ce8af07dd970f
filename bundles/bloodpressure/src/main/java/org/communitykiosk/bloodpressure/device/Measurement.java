package org.communitykiosk.bloodpressure.device;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One reading delivered by a monitor, in the unit the monitor used. A value the monitor marked as not valid (the
 * reserved SFLOAT values NaN, NRes, +INF, -INF) is absent, never a number. Health data: never log it
 * ({@link #toString()} shows no values).
 *
 * @param systolic systolic pressure in {@code unit}
 * @param diastolic diastolic pressure in {@code unit}
 * @param meanArterial mean arterial pressure in {@code unit}
 * @param unit mmHg or kPa
 * @param timeStamp the monitor's clock when present and known (no zone)
 * @param pulseRate beats per minute
 * @param userId the monitor's user slot (255 = unknown user) when present
 * @param status the measurement status, {@link MeasurementStatus#NONE} when the monitor sent none
 * @param intermediate whether this is an intermediate cuff pressure (0x2A36) rather than the final reading
 */
public record Measurement(OptionalDouble systolic, OptionalDouble diastolic, OptionalDouble meanArterial,
        PressureUnit unit, Optional<LocalDateTime> timeStamp, OptionalDouble pulseRate, OptionalInt userId,
        MeasurementStatus status, boolean intermediate) {

    public Measurement {
        Objects.requireNonNull(systolic, "systolic");
        Objects.requireNonNull(diastolic, "diastolic");
        Objects.requireNonNull(meanArterial, "meanArterial");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(timeStamp, "timeStamp");
        Objects.requireNonNull(pulseRate, "pulseRate");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
    }

    /** A final reading in mmHg with a pulse and a status, as simple drivers produce it. */
    public static Measurement of(double systolic, double diastolic, double pulse, MeasurementStatus status) {
        return new Measurement(OptionalDouble.of(systolic), OptionalDouble.of(diastolic), OptionalDouble.empty(),
                PressureUnit.MMHG, Optional.empty(), OptionalDouble.of(pulse), OptionalInt.empty(), status, false);
    }

    public OptionalDouble systolicMmHg() {
        return mmHg(systolic);
    }

    public OptionalDouble diastolicMmHg() {
        return mmHg(diastolic);
    }

    public OptionalDouble meanArterialMmHg() {
        return mmHg(meanArterial);
    }

    /** Whether both pressures are present: only then can the reading be classified and recorded. */
    public boolean complete() {
        return systolic.isPresent() && diastolic.isPresent();
    }

    private OptionalDouble mmHg(OptionalDouble value) {
        return value.isPresent() ? OptionalDouble.of(unit.toMmHg(value.getAsDouble())) : value;
    }

    @Override
    public String toString() {
        // never the values: they are health data
        return "Measurement[" + unit + (intermediate ? ", intermediate" : "") + "]";
    }
}
