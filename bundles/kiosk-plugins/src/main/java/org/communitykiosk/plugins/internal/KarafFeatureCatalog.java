package org.communitykiosk.plugins.internal;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.FeaturesService.Option;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin manager's view of Karaf: features from the FeaturesService (whose state Karaf keeps across restarts in
 * {@code data/cache}), running bundles and their {@link KioskPlugin} registrations from the framework.
 */
final class KarafFeatureCatalog implements FeatureCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(KarafFeatureCatalog.class);

    private final FeaturesService features;
    private final BundleContext context;
    private final ServiceComponentRuntime components;

    KarafFeatureCatalog(FeaturesService features, BundleContext context, ServiceComponentRuntime components) {
        this.features = features;
        this.context = context;
        this.components = components;
    }

    @Override
    public List<FeatureEntry> features() throws Exception {
        List<FeatureEntry> entries = new ArrayList<>();
        String self = context.getBundle().getLocation();
        for (Feature feature : features.listFeatures()) {
            if (!PluginListing.isPluginFeature(feature.getName())) {
                continue;
            }
            boolean installed = features.isInstalled(feature);
            List<String> locations = new ArrayList<>();
            for (BundleInfo bundle : feature.getBundles()) {
                if (!bundle.isDependency()) {
                    locations.add(bundle.getLocation());
                }
            }
            List<String> ids = new ArrayList<>();
            boolean started = installed;
            if (installed) {
                for (BundleInfo info : feature.getBundles()) {
                    Bundle bundle = context.getBundle(info.getLocation());
                    if (bundle == null) {
                        started = false;
                        continue;
                    }
                    started &= running(bundle, info) && !componentFailed(bundle);
                    ids.addAll(pluginIds(bundle));
                }
            }
            List<String> required = new ArrayList<>();
            for (Dependency dependency : feature.getDependencies()) {
                required.add(dependency.getName());
            }
            entries.add(new FeatureEntry(feature.getName(), feature.getVersion(), feature.getDescription(), installed,
                    locations, ids, started, locations.contains(self), required));
        }
        return entries;
    }

    private static boolean running(Bundle bundle, BundleInfo info) {
        if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null || !info.isStart()) {
            return bundle.getState() >= Bundle.RESOLVED;
        }
        return bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING;
    }

    /**
     * Whether one of the bundle's components threw when it was activated: the bundle is active, but the plugin does
     * not work. A plugin's service is a delayed component that SCR activates on first use, so it is used here once
     * first; a failure then shows in the component's state (DS 1.4 FAILED_ACTIVATION).
     */
    private boolean componentFailed(Bundle bundle) {
        if (bundle.getState() != Bundle.ACTIVE) {
            return false;
        }
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered != null) {
            for (ServiceReference<?> reference : registered) {
                if (reference.getProperty(KioskPlugin.PLUGIN_ID) != null) {
                    try {
                        if (context.getService(reference) != null) {
                            context.ungetService(reference);
                        }
                    } catch (RuntimeException e) {
                        LOG.debug("plugin service of {} could not be used", bundle.getSymbolicName(), e);
                    }
                }
            }
        }
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> pluginIds(Bundle bundle) {
        List<String> ids = new ArrayList<>();
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered == null) {
            return ids;
        }
        for (ServiceReference<?> reference : registered) {
            Object classes = reference.getProperty(Constants.OBJECTCLASS);
            Object id = reference.getProperty(KioskPlugin.PLUGIN_ID);
            if (classes instanceof String[] names && List.of(names).contains(KioskPlugin.class.getName())
                    && id != null && !ids.contains(id.toString())) {
                ids.add(id.toString());
            }
        }
        return ids;
    }

    @Override
    public void install(String name, String version) throws Exception {
        features.installFeature(name, version, EnumSet.noneOf(Option.class));
    }

    @Override
    public void upgrade(String name, String version) throws Exception {
        features.installFeature(name, version, EnumSet.of(Option.Upgrade));
    }

    @Override
    public void uninstall(String name, String version) throws Exception {
        features.uninstallFeature(name, version, EnumSet.noneOf(Option.class));
    }

    @Override
    public Optional<String> manifestHeader(String bundleLocation, String header) {
        Bundle installed = context.getBundle(bundleLocation);
        if (installed != null) {
            return Optional.ofNullable(installed.getHeaders("").get(header));
        }
        // mvn: (and wrap:) URLs resolve through Karaf's URL handlers, offline from the kiosk's system repository
        try (InputStream in = new URL(bundleLocation).openStream(); JarInputStream jar = new JarInputStream(in)) {
            Manifest manifest = jar.getManifest();
            return manifest == null ? Optional.empty() : Optional.ofNullable(manifest.getMainAttributes().getValue(header));
        } catch (Exception e) {
            LOG.warn("cannot read the manifest of {}: {}", bundleLocation, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public Version platformApiVersion() {
        return pluginApiVersion();
    }

    /** The version of the plugin SPI package the kiosk-api bundle exports. */
    static Version pluginApiVersion() {
        Bundle api = FrameworkUtil.getBundle(KioskPlugin.class);
        if (api == null) {
            return Version.emptyVersion;
        }
        BundleWiring wiring = api.adapt(BundleWiring.class);
        if (wiring != null) {
            for (BundleCapability capability : wiring.getCapabilities("osgi.wiring.package")) {
                if (Compatibility.PLUGIN_API.equals(capability.getAttributes().get("osgi.wiring.package"))) {
                    Object version = capability.getAttributes().get("version");
                    if (version instanceof Version v) {
                        return v;
                    }
                }
            }
        }
        return api.getVersion();
    }
}
