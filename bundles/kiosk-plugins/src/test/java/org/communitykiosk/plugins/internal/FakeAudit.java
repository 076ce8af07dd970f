package org.communitykiosk.plugins.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.audit.AuditQuery;

/** Records audit entries as "actor action subject detail" lines. */
final class FakeAudit implements AuditLog {

    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void record(Actor actor, String action, String subject, String detail) {
        lines.add(actor + " " + action + " " + subject + " " + detail);
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        return List.of();
    }
}
