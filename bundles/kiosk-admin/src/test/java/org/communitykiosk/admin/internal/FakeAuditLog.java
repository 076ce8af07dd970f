package org.communitykiosk.admin.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.audit.AuditQuery;

/** An audit log in memory that answers queries as kiosk-core's does (newest first, at most 1000 per query). */
final class FakeAuditLog implements AuditLog {

    static final int LIMIT_MAX = 1000;

    final List<AuditEntry> entries = new ArrayList<>();
    final List<AuditQuery> queries = new ArrayList<>();
    final List<AuditEntry> recorded = new ArrayList<>();

    void add(Instant at, Actor actor, String action, String subject, String detail) {
        entries.add(new AuditEntry(entries.size() + 1, at, "kiosk-1", actor, action, subject, detail));
    }

    @Override
    public void record(Actor actor, String action, String subject, String detail) {
        recorded.add(new AuditEntry(0, Instant.EPOCH, "kiosk-1", actor, action, subject, detail));
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        queries.add(query);
        int limit = query.limit() <= 0 ? LIMIT_MAX : Math.min(query.limit(), LIMIT_MAX);
        return entries.stream()
                .filter(e -> query.from() == null || !e.at().isBefore(query.from()))
                .filter(e -> query.until() == null || e.at().isBefore(query.until()))
                .filter(e -> query.actorId() == null || e.actor().id().equals(query.actorId()))
                .filter(e -> query.actionPrefix() == null || e.action().startsWith(query.actionPrefix()))
                .sorted(Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id).reversed())
                .skip(Math.max(0, query.offset()))
                .limit(limit)
                .toList();
    }
}
