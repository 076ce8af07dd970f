package org.communitykiosk.plugins.internal;

import java.util.List;

/**
 * One version of one Karaf feature, as the plugin manager needs it; filled from the FeaturesService and the bundles
 * running now.
 *
 * @param name feature name
 * @param version feature version as Karaf writes it ({@code 0.1.0.SNAPSHOT})
 * @param description may be empty
 * @param installed whether Karaf has this version installed
 * @param bundleLocations the feature's own bundles (not its dependencies)
 * @param pluginIds {@code kiosk.plugin.id}s its running bundles register now (empty when not installed)
 * @param started every bundle of the feature is installed and started (fragments resolved); false when not installed
 * @param containsManager one of its bundles is this plugin manager itself: never offered for uninstall
 * @param requiredFeatures names of the features this one requires ({@code <feature>} inside it), for example the love
 *        market requires {@code kiosk-points}
 */
record FeatureEntry(String name, String version, String description, boolean installed, List<String> bundleLocations,
        List<String> pluginIds, boolean started, boolean containsManager, List<String> requiredFeatures) {

    FeatureEntry {
        description = description == null ? "" : description;
        bundleLocations = List.copyOf(bundleLocations);
        pluginIds = List.copyOf(pluginIds);
        requiredFeatures = List.copyOf(requiredFeatures);
    }

    /** A feature that requires no other feature. */
    FeatureEntry(String name, String version, String description, boolean installed, List<String> bundleLocations,
            List<String> pluginIds, boolean started, boolean containsManager) {
        this(name, version, description, installed, bundleLocations, pluginIds, started, containsManager, List.of());
    }
}
