package org.communitykiosk.admin.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.communitykiosk.api.audit.AuditQuery;

/**
 * What staff filter the audit log by, as entered: whole days in the community's time zone (both ends included),
 * an actor id and an action prefix.
 *
 * @param from first day, {@code null} for no lower bound
 * @param to last day (included), {@code null} for no upper bound
 * @param actorId exact actor id (staff user name, resident id, kiosk id); blank for any
 * @param actionPrefix start of the action name, for example {@code bulletin.}; blank for any
 */
record AuditFilter(LocalDate from, LocalDate to, String actorId, String actionPrefix) {

    static final AuditFilter NONE = new AuditFilter(null, null, null, null);

    AuditFilter {
        actorId = blankToNull(actorId);
        actionPrefix = blankToNull(actionPrefix);
    }

    /** Whether the days make a range (a start after the end matches nothing and is a slip of the finger). */
    boolean valid() {
        return from == null || to == null || !from.isAfter(to);
    }

    /**
     * The query for one page.
     *
     * @param asOf when the filter was applied: later entries are left out so that paging through the newest-first
     *        list does not shift while kiosks keep writing; applying again shows them
     */
    AuditQuery query(ZoneId zone, Instant asOf, int offset, int limit) {
        Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        if (asOf != null && (end == null || asOf.isBefore(end))) {
            end = asOf;
        }
        return new AuditQuery(start, end, actorId, actionPrefix, offset, limit);
    }

    private static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
