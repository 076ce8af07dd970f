package org.communitykiosk.points.internal;

import java.time.Instant;

/**
 * A resident's request for help (精准对接): "I need someone to ..." Open until a volunteer accepts it; done when the
 * resident confirms, which logs and confirms the volunteer's hours.
 *
 * @param volunteerId the volunteer who accepted, 0 while open
 * @param hoursId the confirmed hours entry once done, 0 before
 */
record Need(long id, long requesterId, String category, String description, State state, long volunteerId,
        Instant createdAt, long hoursId) {

    enum State { OPEN, ACCEPTED, DONE, CANCELLED }
}
