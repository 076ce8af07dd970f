package org.communitykiosk.api.audit;

import java.time.Instant;

import org.communitykiosk.api.Actor;

/** One line of the audit log. */
public record AuditEntry(long id, Instant at, String kioskId, Actor actor, String action, String subject,
        String detail) {
}
