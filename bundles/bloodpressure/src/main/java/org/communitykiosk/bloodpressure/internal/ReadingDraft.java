package org.communitykiosk.bloodpressure.internal;

/**
 * A reading to record, in whole mmHg.
 *
 * @param pulse {@code null} when not measured
 */
record ReadingDraft(int systolic, int diastolic, Integer pulse, Reading.Source source) {

    @Override
    public String toString() {
        return "ReadingDraft[" + source + "]";
    }
}
