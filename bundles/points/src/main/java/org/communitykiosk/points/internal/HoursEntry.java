package org.communitykiosk.points.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Logged service hours. Points are set once the entry is confirmed.
 *
 * @param points credited to the volunteer on confirmation
 * @param poolPoints credited to the community pool (beyond the yearly cap)
 * @param decidedBy who confirmed or rejected, as an actor string
 */
record HoursEntry(long id, long volunteerId, String category, LocalDate date, LocalTime start, int durationMinutes,
        String place, Long servedResidentId, Status status, Instant createdAt, Instant decidedAt, String decidedBy,
        String rejectReason, long points, long poolPoints) {

    enum Status { PENDING, CONFIRMED, REJECTED }
}
