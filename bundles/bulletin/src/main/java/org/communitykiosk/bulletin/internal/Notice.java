package org.communitykiosk.bulletin.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A notice as stored. Title and body are plain text exactly as staff typed them (HTML included): screens must show
 * them with text APIs only.
 *
 * @param expiresOn last day the notice is on the public board, {@code null} for no end
 * @param createdBy actor who posted it, as {@link org.communitykiosk.api.Actor#toString()}
 * @param updatedBy actor of the last change, as {@link org.communitykiosk.api.Actor#toString()}
 */
public record Notice(long id, String title, String body, boolean pinned, boolean published, LocalDate expiresOn,
        Instant createdAt, Instant updatedAt, String createdBy, String updatedBy) {

    /** Whether the last day has passed. */
    public boolean expiredOn(LocalDate today) {
        return expiresOn != null && expiresOn.isBefore(today);
    }

    /** Whether passers-by see it on the board today. */
    public boolean onBoard(LocalDate today) {
        return published && !expiredOn(today);
    }
}
