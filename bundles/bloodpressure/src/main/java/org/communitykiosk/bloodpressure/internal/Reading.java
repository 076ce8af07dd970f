package org.communitykiosk.bloodpressure.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded blood pressure of a resident. Health data: shown only to that resident and to staff, never logged
 * ({@link #toString()} shows ids only).
 *
 * @param takenOn the community's date of {@code takenAt}
 * @param pulse beats per minute, {@code null} when not measured
 * @param category as classified when recorded, by the guideline then set
 * @param hypertensive whether the category is grade 1 or higher
 */
record Reading(long id, long residentId, Instant takenAt, LocalDate takenOn, int systolic, int diastolic,
        Integer pulse, Guideline guideline, Category category, boolean crisis, boolean hypertensive, Source source,
        SessionTag sessionTag) {

    enum Source { MANUAL, DEVICE }

    /** Morning readings (before noon) and the rest of the day, which doctors compare. */
    enum SessionTag {
        MORNING, EVENING;

        static SessionTag at(int hourOfDay) {
            return hourOfDay < 12 ? MORNING : EVENING;
        }

        String key() {
            return "bloodpressure.tag." + name();
        }
    }

    @Override
    public String toString() {
        return "Reading#" + id + "[resident " + residentId + "]";
    }
}
