package org.communitykiosk.api.audit;

import java.util.List;

import org.communitykiosk.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who did what and when. {@link #record} joins the caller's transaction when there is one
 * ({@link org.communitykiosk.api.store.Transactions}), so a write and its audit entry commit or fail together.
 * Never put personal or health data (PINs, readings, names) into {@code detail}: use ids.
 */
@ProviderType
public interface AuditLog {

    /**
     * @param actor who
     * @param action dotted action name, plugin first, for example {@code bulletin.notice.publish}
     * @param subject what was acted on, for example {@code notice:12}
     * @param detail short free text, may be {@code null}
     */
    void record(Actor actor, String action, String subject, String detail);

    /** Entries matching the query, newest first. */
    List<AuditEntry> find(AuditQuery query);
}
