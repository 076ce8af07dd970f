package org.communitykiosk.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins installed right now. Tracks {@link KioskPlugin} service registrations rather than bound services: a
 * delayed component that throws in activation still has its registration, and the shell shows an error card for it
 * instead of silently dropping its tile.
 * <p>
 * An id belongs to the first registration that claims it, whatever the service ranking: a second registration of a
 * taken id (a bundle trying to put its screens at a core plugin's address) is refused, logged, and recorded in the
 * audit log ({@value #REFUSED}, shown in the staff console's audit screen). A refused registration stays refused;
 * when the holder goes, the id is free for the next registration, and a refused one of the holder's own bundle (a
 * bundle updated in place) takes it over.
 */
@Component(service = PluginCatalog.class, immediate = true)
public class PluginCatalog {

    /** Audit action of a refused registration. */
    static final String REFUSED = "plugin.refused";

    private static final Logger LOG = LoggerFactory.getLogger(PluginCatalog.class);

    private final Map<ServiceReference<KioskPlugin>, PluginEntry> entries = new ConcurrentHashMap<>();
    // id -> the registration holding it; guarded by itself
    private final Map<String, ServiceReference<KioskPlugin>> holders = new java.util.HashMap<>();
    private final List<PluginEntry> refused = new CopyOnWriteArrayList<>();
    private final AuditLog audit;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ServiceTracker<KioskPlugin, PluginEntry> tracker;

    @Activate
    public PluginCatalog(BundleContext context, @Reference AuditLog audit) {
        this.audit = audit;
        tracker = new ServiceTracker<>(context, KioskPlugin.class, new Customizer(context));
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
        listeners.clear();
    }

    /** Every plugin, working or failed, one per id (the registration holding it), by id. */
    List<PluginEntry> all() {
        List<PluginEntry> list = new ArrayList<>();
        synchronized (holders) {
            for (ServiceReference<KioskPlugin> holder : holders.values()) {
                PluginEntry entry = entries.get(holder);
                if (entry != null) {
                    list.add(entry);
                }
            }
        }
        list.sort(Comparator.comparing(PluginEntry::id));
        return list;
    }

    /** Registrations refused because their id was taken. */
    List<PluginEntry> refused() {
        return List.copyOf(refused);
    }

    /** Whether the registration may hold its id: the id is free or already its own. */
    private boolean claim(String id, ServiceReference<KioskPlugin> reference) {
        synchronized (holders) {
            ServiceReference<KioskPlugin> holder = holders.putIfAbsent(id, reference);
            return holder == null || holder.equals(reference);
        }
    }

    /** The holder has gone: its id is free, or taken over by a refused registration of the same bundle. */
    private Optional<ServiceReference<KioskPlugin>> release(String id, ServiceReference<KioskPlugin> reference,
            String bundle) {
        synchronized (holders) {
            if (!reference.equals(holders.get(id))) {
                return Optional.empty();
            }
            holders.remove(id);
            for (PluginEntry waiting : refused) {
                if (waiting.id().equals(id) && waiting.bundle().getSymbolicName().equals(bundle)) {
                    Optional<ServiceReference<KioskPlugin>> next = entries.entrySet().stream()
                            .filter(e -> e.getValue() == waiting).map(Map.Entry::getKey).findFirst();
                    next.ifPresent(r -> {
                        holders.put(id, r);
                        refused.remove(waiting);
                    });
                    return next;
                }
            }
            return Optional.empty();
        }
    }

    private void refuse(PluginEntry entry, PluginEntry holder) {
        refused.add(entry);
        String bundle = entry.bundle().getSymbolicName() + " " + entry.bundle().getVersion();
        LOG.error("plugin id {} is taken by bundle {}: the registration of bundle {} is refused", entry.id(),
                holder == null ? "?" : holder.bundle().getSymbolicName(), bundle);
        try {
            audit.record(Actor.system("kiosk-ui"), REFUSED, "plugin:" + entry.id(), "bundle " + bundle);
        } catch (RuntimeException e) {
            LOG.warn("the refused plugin registration could not be audited: {}", e.toString());
        }
    }

    Optional<PluginEntry> find(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Called (on an OSGi thread) whenever a plugin comes or goes; returns a handle that removes the listener. */
    Runnable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("plugin change listener failed", e);
            }
        }
    }

    private final class Customizer implements ServiceTrackerCustomizer<KioskPlugin, PluginEntry> {

        private final BundleContext context;

        Customizer(BundleContext context) {
            this.context = context;
        }

        @Override
        public PluginEntry addingService(ServiceReference<KioskPlugin> reference) {
            Object idProperty = reference.getProperty(KioskPlugin.PLUGIN_ID);
            if (idProperty != null && !claim(idProperty.toString(), reference)) {
                // refused before it is activated: a refused plugin's code does not run for the shell
                PluginEntry entry = new PluginEntry(idProperty.toString(), reference.getBundle(), Optional.empty());
                entries.put(reference, entry);
                refuse(entry, find(entry.id()).orElse(null));
                return entry;
            }
            PluginEntry entry = entryFor(reference);
            if (idProperty == null && !claim(entry.id(), reference)) {
                entries.put(reference, entry);
                refuse(entry, find(entry.id()).orElse(null));
                return entry;
            }
            entries.put(reference, entry);
            LOG.info("plugin {} {}", entry.id(), entry.failed() ? "FAILED to start" : "available");
            changed();
            return entry;
        }

        @Override
        public void modifiedService(ServiceReference<KioskPlugin> reference, PluginEntry previous) {
            if (refused.contains(previous)) {
                return;
            }
            entries.put(reference, entryFor(reference));
            changed();
        }

        @Override
        public void removedService(ServiceReference<KioskPlugin> reference, PluginEntry entry) {
            entries.remove(reference);
            refused.remove(entry);
            release(entry.id(), reference, entry.bundle().getSymbolicName())
                    .ifPresent(next -> entries.put(next, entryFor(next)));
            if (entry.plugin().isPresent()) {
                try {
                    context.ungetService(reference);
                } catch (IllegalStateException e) {
                    // the plugin bundle is already stopping
                }
            }
            LOG.info("plugin {} removed", entry.id());
            changed();
        }

        private PluginEntry entryFor(ServiceReference<KioskPlugin> reference) {
            Object idProperty = reference.getProperty(KioskPlugin.PLUGIN_ID);
            KioskPlugin plugin = null;
            try {
                // a delayed component is activated here; SCR returns null (and logs why) when activation throws
                plugin = context.getService(reference);
            } catch (RuntimeException e) {
                LOG.error("plugin service of bundle {} could not be obtained",
                        reference.getBundle().getSymbolicName(), e);
            }
            String id = idProperty != null ? idProperty.toString()
                    : plugin != null ? plugin.id() : reference.getBundle().getSymbolicName();
            return new PluginEntry(id, reference.getBundle(), Optional.ofNullable(plugin));
        }
    }
}
