package org.communitykiosk.plugins.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.karaf.features.FeaturesService;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.plugins.api.PluginInfo;
import org.communitykiosk.plugins.api.PluginInfo.State;
import org.communitykiosk.plugins.api.PluginManager;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin manager over Karaf's FeaturesService. One action at a time (a second tap while Karaf works is refused,
 * not queued). Each action: refuse what cannot work (unknown, platform, already in that state, incompatible) before
 * Karaf is asked; call Karaf, whose deployment is resolved as a whole before anything changes; then read Karaf's state
 * again and, if the plugin did not start, put the previous state back. Every outcome is audited.
 */
@Component(service = PluginManager.class)
public final class FeaturePluginManager implements PluginManager {

    static final String INSTALL = "plugins.install";
    static final String UPGRADE = "plugins.upgrade";
    static final String UNINSTALL = "plugins.uninstall";

    private static final Logger LOG = LoggerFactory.getLogger(FeaturePluginManager.class);

    private final FeatureCatalog catalog;
    private final AuditLog audit;
    private final Supplier<List<String>> hiddenPlugins;
    private final ReentrantLock busy = new ReentrantLock();
    private ServiceTracker<KioskSettings, KioskSettings> settingsTracker;

    @Activate
    public FeaturePluginManager(@Reference(name = "features") FeaturesService features,
            @Reference(name = "audit") AuditLog audit,
            @Reference(name = "components") ServiceComponentRuntime components,
            BundleContext context) {
        this(new KarafFeatureCatalog(features, context, components), audit,
                new ServiceTracker<>(context, KioskSettings.class, null));
    }

    /*
     * The settings service is re-registered on every settings change. Tracked, not referenced: a static reference would
     * re-activate this manager (and the console plugins using it, whose tiles would blink) on every change.
     */
    private FeaturePluginManager(FeatureCatalog catalog, AuditLog audit,
            ServiceTracker<KioskSettings, KioskSettings> settings) {
        this(catalog, audit, () -> {
            KioskSettings current = settings.getService();
            return current == null ? List.<String>of() : current.hiddenPlugins();
        });
        this.settingsTracker = settings;
        settings.open();
    }

    @Deactivate
    void deactivate() {
        if (settingsTracker != null) {
            settingsTracker.close();
        }
    }

    FeaturePluginManager(FeatureCatalog catalog, AuditLog audit, Supplier<List<String>> hiddenPlugins) {
        this.catalog = catalog;
        this.audit = audit;
        this.hiddenPlugins = hiddenPlugins;
    }

    @Override
    public List<PluginInfo> list() {
        try {
            return PluginListing.plugins(catalog.features(), hiddenPlugins.get());
        } catch (Exception e) {
            throw new IllegalStateException("Karaf's features cannot be listed", e);
        }
    }

    @Override
    public Optional<PluginInfo> find(String featureName) {
        return list().stream().filter(p -> p.featureName().equals(featureName)).findFirst();
    }

    @Override
    public PluginInfo install(String featureName, Actor actor) {
        return act(INSTALL, featureName, actor, () -> {
            PluginInfo before = known(featureName);
            if (before.installed()) {
                throw refused("plugins.error.alreadyInstalled", featureName);
            }
            FeatureEntry target = newestEntry(featureName);
            checkCompatible(target);
            try {
                catalog.install(featureName, target.version());
            } catch (Exception e) {
                LOG.warn("installing {} {} failed", featureName, target.version(), e);
                restoreUninstalled(featureName);
                throw refused("plugins.error.failed", featureName, reason(e));
            }
            PluginInfo after = known(featureName);
            if (after.state() == State.FAILED) {
                restoreUninstalled(featureName);
                throw refused("plugins.error.notStarted", featureName);
            }
            return after;
        });
    }

    @Override
    public PluginInfo upgrade(String featureName, Actor actor) {
        return act(UPGRADE, featureName, actor, () -> {
            PluginInfo before = known(featureName);
            if (before.state() != State.UPDATE_AVAILABLE && before.state() != State.FAILED
                    || Versions.ORDER.compare(before.availableVersion(), before.version()) <= 0) {
                throw refused("plugins.error.noUpdate", featureName);
            }
            FeatureEntry target = newestEntry(featureName);
            checkCompatible(target);
            try {
                catalog.upgrade(featureName, target.version());
            } catch (Exception e) {
                LOG.warn("upgrading {} to {} failed", featureName, target.version(), e);
                restoreVersion(featureName, before.version());
                throw refused("plugins.error.failed", featureName, reason(e));
            }
            PluginInfo after = known(featureName);
            if (after.state() == State.FAILED) {
                restoreVersion(featureName, before.version());
                throw refused("plugins.error.notStarted", featureName);
            }
            return after;
        });
    }

    @Override
    public PluginInfo uninstall(String featureName, Actor actor) {
        return act(UNINSTALL, featureName, actor, () -> {
            PluginInfo before = known(featureName);
            if (!before.installed()) {
                throw refused("plugins.error.notInstalled", featureName);
            }
            List<String> neededBy = installedDependents(featureName);
            if (!neededBy.isEmpty()) {
                // Karaf would only drop it from its requirements and keep it for the others: it would stay installed
                // now and disappear later, when they are uninstalled
                throw refused("plugins.error.neededBy", featureName, String.join(", ", neededBy));
            }
            try {
                catalog.uninstall(featureName, before.version());
            } catch (Exception e) {
                LOG.warn("uninstalling {} failed", featureName, e);
                throw refused("plugins.error.failed", featureName, reason(e));
            }
            return known(featureName);
        });
    }

    private interface Action {
        PluginInfo run();
    }

    /** One action at a time, audited with its result (never with personal data: feature names and versions only). */
    private PluginInfo act(String action, String featureName, Actor actor, Action work) {
        String subject = "feature:" + featureName;
        if (!busy.tryLock()) {
            record(actor, action, subject, "refused: busy");
            throw refused("plugins.error.busy", featureName);
        }
        try {
            PluginInfo after = work.run();
            record(actor, action, subject, "ok " + after.version() + " " + after.state());
            return after;
        } catch (InvalidInputException e) {
            record(actor, action, subject, "refused: " + e.problems().get(0).key());
            throw e;
        } catch (RuntimeException e) {
            record(actor, action, subject, "failed: " + e.getClass().getSimpleName());
            throw e;
        } finally {
            busy.unlock();
        }
    }

    private void record(Actor actor, String action, String subject, String detail) {
        try {
            audit.record(actor, action, subject, detail);
        } catch (RuntimeException e) {
            // the plugin action is done either way; a kiosk without audit would be noticed in the log
            LOG.error("audit entry {} {} {} could not be written", action, subject, detail, e);
        }
    }

    private PluginInfo known(String featureName) {
        return find(featureName).orElseThrow(() -> refused("plugins.error.unknown", featureName));
    }

    private FeatureEntry newestEntry(String featureName) {
        try {
            List<FeatureEntry> versions = new ArrayList<>();
            for (FeatureEntry entry : catalog.features()) {
                if (entry.name().equals(featureName)) {
                    versions.add(entry);
                }
            }
            return PluginListing.newest(versions).orElseThrow(() -> refused("plugins.error.unknown", featureName));
        } catch (InvalidInputException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Karaf's features cannot be listed", e);
        }
    }

    private void checkCompatible(FeatureEntry target) {
        List<Optional<String>> headers = new ArrayList<>();
        for (String location : target.bundleLocations()) {
            headers.add(catalog.manifestHeader(location, "Import-Package"));
        }
        Optional<String> conflict = Compatibility.conflict(headers, catalog.platformApiVersion());
        if (conflict.isPresent()) {
            throw refused("plugins.error.incompatible", target.name(), conflict.get(),
                    catalog.platformApiVersion().toString());
        }
    }

    /** Installed plugin features that require this one, by name. */
    private List<String> installedDependents(String featureName) {
        try {
            return catalog.features().stream()
                    .filter(e -> e.installed() && !e.name().equals(featureName)
                            && PluginListing.isPluginFeature(e.name()) && e.requiredFeatures().contains(featureName))
                    .map(FeatureEntry::name).distinct().sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("Karaf's features cannot be listed", e);
        }
    }

    /** After a failed install: whatever Karaf left installed of the plugin goes again. */
    private void restoreUninstalled(String featureName) {
        try {
            for (FeatureEntry entry : catalog.features()) {
                if (entry.name().equals(featureName) && entry.installed()) {
                    catalog.uninstall(featureName, entry.version());
                }
            }
        } catch (Exception e) {
            LOG.error("{} could not be put back to not installed", featureName, e);
        }
    }

    /** After a failed upgrade: the previous version again, if Karaf no longer has it. */
    private void restoreVersion(String featureName, String version) {
        try {
            boolean previousInstalled = catalog.features().stream()
                    .anyMatch(e -> e.name().equals(featureName) && e.version().equals(version) && e.installed()
                            && e.started());
            if (!previousInstalled) {
                catalog.upgrade(featureName, version);
            }
        } catch (Exception e) {
            LOG.error("{} could not be put back to version {}", featureName, version, e);
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // Karaf's resolution messages can be pages long: the first line is the one staff can act on
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }

    private static InvalidInputException refused(String key, Object... args) {
        return InvalidInputException.of(null, key, args);
    }
}
