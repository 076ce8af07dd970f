package org.communitykiosk.points.internal;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Service hours as a volunteer logs them, checked by {@link PointsRules#check}.
 *
 * @param servedResidentId the resident served, who may confirm by tapping their card; may be null
 * @param idempotencyKey one key per form, so a double tap on Submit logs once
 * @param organisation id of the resident organisation that ran the service (for reports); may be null
 */
record HoursDraft(long volunteerId, String category, LocalDate date, LocalTime start, int durationMinutes,
        String place, Long servedResidentId, String idempotencyKey, String organisation) {

    /** Service not run by an organisation: a volunteer helping on their own. */
    HoursDraft(long volunteerId, String category, LocalDate date, LocalTime start, int durationMinutes, String place,
            Long servedResidentId, String idempotencyKey) {
        this(volunteerId, category, date, start, durationMinutes, place, servedResidentId, idempotencyKey, null);
    }
}
