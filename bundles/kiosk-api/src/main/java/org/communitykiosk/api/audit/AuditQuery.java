package org.communitykiosk.api.audit;

import java.time.Instant;

/**
 * Filter for the audit log; {@code null} fields do not filter.
 *
 * @param from entries at or after
 * @param until entries before
 * @param actorId actor id (user name or resident id)
 * @param actionPrefix action starts with, for example a plugin id {@code bulletin.}
 */
public record AuditQuery(Instant from, Instant until, String actorId, String actionPrefix, int offset, int limit) {

    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, 0, limit);
    }
}
