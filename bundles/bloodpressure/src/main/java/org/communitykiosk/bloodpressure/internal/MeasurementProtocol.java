package org.communitykiosk.bloodpressure.internal;

import java.util.ArrayList;
import java.util.List;

import org.communitykiosk.bloodpressure.device.Measurement;

/**
 * The ESH measuring protocol as a state machine, without timers or screens: rest, reading 1, pause, reading 2, a
 * third reading when the first two differ by more than 10 mmHg (systolic or diastolic), and the recorded value is the
 * mean of the last two. A reading with body movement, a loose cuff or an irregular pulse, or without both pressures,
 * is not counted: the same reading is taken again. The screen runs the timers and tells the protocol when they end.
 * Not thread-safe: used from the UI thread only.
 */
final class MeasurementProtocol {

    static final int MAX_DIFFERENCE = 10;

    enum Phase { REST, MEASURE, PAUSE, DONE }

    /** What the protocol makes of a reading. */
    enum Verdict {
        /** Counted; a pause follows before the next reading. */
        PAUSE,
        /** Counted; the measurement is complete, see {@link #result()}. */
        DONE,
        /** Not counted: the monitor reported movement, a loose cuff or an irregular pulse. */
        REPEAT_STATUS,
        /** Not counted: the monitor gave no valid systolic or diastolic value. */
        REPEAT_INVALID
    }

    /** One counted reading, rounded to whole mmHg. */
    record Taken(int systolic, int diastolic, Integer pulse) {
    }

    private final List<Taken> taken = new ArrayList<>();
    private Phase phase = Phase.REST;

    Phase phase() {
        return phase;
    }

    /** The reading being taken or next: 1, 2 or 3. */
    int readingNumber() {
        return Math.min(taken.size() + 1, 3);
    }

    List<Taken> taken() {
        return List.copyOf(taken);
    }

    /** The rest time is over or a volunteer skipped it. */
    void restDone() {
        if (phase == Phase.REST) {
            phase = Phase.MEASURE;
        }
    }

    void pauseDone() {
        if (phase == Phase.PAUSE) {
            phase = Phase.MEASURE;
        }
    }

    Verdict accept(Measurement measurement) {
        if (phase != Phase.MEASURE) {
            throw new IllegalStateException("not measuring: " + phase);
        }
        if (!measurement.complete()) {
            return Verdict.REPEAT_INVALID;
        }
        if (measurement.status().needsRepeat()) {
            return Verdict.REPEAT_STATUS;
        }
        Integer pulse = measurement.pulseRate().isPresent()
                ? (int) Math.round(measurement.pulseRate().getAsDouble()) : null;
        taken.add(new Taken((int) Math.round(measurement.systolicMmHg().getAsDouble()),
                (int) Math.round(measurement.diastolicMmHg().getAsDouble()), pulse));
        if (taken.size() == 1 || taken.size() == 2 && differ(taken.get(0), taken.get(1))) {
            phase = Phase.PAUSE;
            return Verdict.PAUSE;
        }
        phase = Phase.DONE;
        return Verdict.DONE;
    }

    /** The mean of the last two readings, rounded half up; the pulse when both have one. */
    ReadingDraft result() {
        if (phase != Phase.DONE) {
            throw new IllegalStateException("not done: " + phase);
        }
        Taken a = taken.get(taken.size() - 2);
        Taken b = taken.get(taken.size() - 1);
        Integer pulse = a.pulse() != null && b.pulse() != null ? mean(a.pulse(), b.pulse()) : null;
        return new ReadingDraft(mean(a.systolic(), b.systolic()), mean(a.diastolic(), b.diastolic()), pulse,
                Reading.Source.DEVICE);
    }

    private static boolean differ(Taken a, Taken b) {
        return Math.abs(a.systolic() - b.systolic()) > MAX_DIFFERENCE
                || Math.abs(a.diastolic() - b.diastolic()) > MAX_DIFFERENCE;
    }

    private static int mean(int a, int b) {
        return (int) Math.floor((a + b) / 2.0 + 0.5);
    }
}
