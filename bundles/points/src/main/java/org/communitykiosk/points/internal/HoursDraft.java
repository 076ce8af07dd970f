package org.communitykiosk.points.internal;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Service hours as a volunteer logs them, checked by {@link PointsRules#check}.
 *
 * @param servedResidentId the resident served, who may confirm by tapping their card; may be null
 * @param idempotencyKey one key per form, so a double tap on Submit logs once
 */
record HoursDraft(long volunteerId, String category, LocalDate date, LocalTime start, int durationMinutes,
        String place, Long servedResidentId, String idempotencyKey) {
}
