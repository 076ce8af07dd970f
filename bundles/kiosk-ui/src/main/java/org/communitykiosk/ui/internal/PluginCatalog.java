package org.communitykiosk.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.communitykiosk.api.plugin.KioskPlugin;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins installed right now. Tracks {@link KioskPlugin} service registrations rather than bound services: a
 * delayed component that throws in activation still has its registration, and the shell shows an error card for it
 * instead of silently dropping its tile.
 */
@Component(service = PluginCatalog.class, immediate = true)
public class PluginCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCatalog.class);

    private final Map<ServiceReference<KioskPlugin>, PluginEntry> entries = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ServiceTracker<KioskPlugin, PluginEntry> tracker;

    @Activate
    public PluginCatalog(BundleContext context) {
        tracker = new ServiceTracker<>(context, KioskPlugin.class, new Customizer(context));
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
        listeners.clear();
    }

    /** Every plugin, working or failed, one per id (the highest ranking wins), by id. */
    List<PluginEntry> all() {
        Map<String, PluginEntry> byId = new ConcurrentHashMap<>();
        for (PluginEntry entry : entries.values()) {
            byId.merge(entry.id(), entry, (a, b) -> a.ranking() >= b.ranking() ? a : b);
        }
        List<PluginEntry> list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparing(PluginEntry::id));
        return list;
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
            PluginEntry entry = entryFor(reference);
            entries.put(reference, entry);
            LOG.info("plugin {} {}", entry.id(), entry.failed() ? "FAILED to start" : "available");
            changed();
            return entry;
        }

        @Override
        public void modifiedService(ServiceReference<KioskPlugin> reference, PluginEntry previous) {
            entries.put(reference, entryFor(reference));
            changed();
        }

        @Override
        public void removedService(ServiceReference<KioskPlugin> reference, PluginEntry entry) {
            entries.remove(reference);
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
            Object rankingProperty = reference.getProperty(Constants.SERVICE_RANKING);
            int ranking = rankingProperty instanceof Integer i ? i : 0;
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
            return new PluginEntry(id, reference.getBundle(), Optional.ofNullable(plugin), ranking);
        }
    }
}
