package org.communitykiosk.admin.internal;

import java.time.Clock;
import java.util.List;

import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Staff console: the audit log, filtered by days, actor and action, newest first, with a CSV export.
 * <p>
 * View {@code /audit} (staff). Element ids, kept stable for browser tests: filters {@code audit-from},
 * {@code audit-to}, {@code audit-actor}, {@code audit-action}, {@code audit-apply}; a filter that cannot match
 * {@code audit-filter-error}; {@code audit-grid}, {@code audit-empty}; pager {@code audit-prev}, {@code audit-page},
 * {@code audit-next}; {@code audit-export} (download); back home {@code audit-home}.
 */
@Component(service = KioskPlugin.class, property = KioskPlugin.PLUGIN_ID + "=" + AuditPlugin.ID)
public final class AuditPlugin implements KioskPlugin {

    static final String ID = "audit";

    private final List<PluginView> views;

    @Activate
    public AuditPlugin(@Reference(name = "log") AuditLog log, @Reference(name = "clock") Clock clock) {
        this.views = List.of(new PluginView("", Audience.STAFF, context -> new AuditView(context, log, clock)));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "admin.audit.title";
    }

    @Override
    public String descriptionKey() {
        return "admin.audit.description";
    }

    @Override
    public String icon() {
        return "vaadin:records";
    }

    @Override
    public int order() {
        return 910;
    }

    @Override
    public Audience audience() {
        return Audience.STAFF;
    }

    @Override
    public List<PluginView> views() {
        return views;
    }
}
