package org.communitykiosk.bloodpressure.internal;

import java.util.ArrayList;
import java.util.List;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;

/** The one place that decides whether a reading may be recorded; the keypad shows the same limits. */
final class ReadingRules {

    static final int SYSTOLIC_MIN = 60;
    static final int SYSTOLIC_MAX = 260;
    static final int DIASTOLIC_MIN = 30;
    static final int DIASTOLIC_MAX = 160;
    static final int PULSE_MIN = 30;
    static final int PULSE_MAX = 220;

    static final String SYSTOLIC = "systolic";
    static final String DIASTOLIC = "diastolic";
    static final String PULSE = "pulse";

    private ReadingRules() {
    }

    /** @throws InvalidInputException with every problem found */
    static ReadingDraft check(ReadingDraft draft) {
        List<Problem> problems = new ArrayList<>();
        if (draft.source() == null) {
            throw new IllegalArgumentException("source");
        }
        if (draft.systolic() < SYSTOLIC_MIN || draft.systolic() > SYSTOLIC_MAX) {
            problems.add(Problem.of(SYSTOLIC, "bloodpressure.problem.systolic.range", SYSTOLIC_MIN, SYSTOLIC_MAX));
        }
        if (draft.diastolic() < DIASTOLIC_MIN || draft.diastolic() > DIASTOLIC_MAX) {
            problems.add(Problem.of(DIASTOLIC, "bloodpressure.problem.diastolic.range", DIASTOLIC_MIN,
                    DIASTOLIC_MAX));
        }
        if (draft.pulse() != null && (draft.pulse() < PULSE_MIN || draft.pulse() > PULSE_MAX)) {
            problems.add(Problem.of(PULSE, "bloodpressure.problem.pulse.range", PULSE_MIN, PULSE_MAX));
        }
        if (draft.systolic() <= draft.diastolic()) {
            problems.add(Problem.of(null, "bloodpressure.problem.systolicNotAbove"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return draft;
    }
}
