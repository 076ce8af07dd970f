package org.communitykiosk.plugins.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.communitykiosk.plugins.api.PluginInfo;
import org.communitykiosk.plugins.api.PluginInfo.State;

/**
 * From Karaf's features to the plugin list: which features are plugins, their installed and newest versions, state,
 * and whether this kiosk shows them. No state of its own: the list is computed from Karaf each time, so the console,
 * the shell and the home screen (which tracks the plugins' services) cannot disagree.
 */
final class PluginListing {

    static final String PREFIX = "kiosk-";
    /**
     * The platform's own features and the services plugins share (printing): never offered as plugins; they come and
     * go with the plugins that need them.
     */
    static final Set<String> PLATFORM = Set.of("kiosk-vaadin", "kiosk-derby", "kiosk-platform", "kiosk-print");

    private PluginListing() {
    }

    static boolean isPluginFeature(String name) {
        return name != null && name.startsWith(PREFIX) && !PLATFORM.contains(name);
    }

    /** Every plugin by feature name; features holding the manager itself are left out (it cannot remove itself). */
    static List<PluginInfo> plugins(List<FeatureEntry> features, List<String> hiddenPluginIds) {
        Map<String, List<FeatureEntry>> byName = new LinkedHashMap<>();
        for (FeatureEntry feature : features) {
            if (isPluginFeature(feature.name())) {
                byName.computeIfAbsent(feature.name(), n -> new ArrayList<>()).add(feature);
            }
        }
        List<PluginInfo> plugins = new ArrayList<>();
        for (Map.Entry<String, List<FeatureEntry>> entry : byName.entrySet()) {
            if (entry.getValue().stream().noneMatch(FeatureEntry::containsManager)) {
                plugins.add(plugin(entry.getKey(), entry.getValue(), hiddenPluginIds));
            }
        }
        plugins.sort(Comparator.comparing(PluginInfo::featureName));
        return plugins;
    }

    static PluginInfo plugin(String name, List<FeatureEntry> versions, List<String> hiddenPluginIds) {
        FeatureEntry newest = newest(versions).orElseThrow();
        Optional<FeatureEntry> installed = versions.stream().filter(FeatureEntry::installed)
                .max(Comparator.comparing(FeatureEntry::version, Versions.ORDER));
        FeatureEntry shown = installed.orElse(newest);
        State state;
        if (installed.isEmpty()) {
            state = State.NOT_INSTALLED;
        } else if (!installed.get().started()) {
            state = State.FAILED;
        } else if (Versions.ORDER.compare(newest.version(), installed.get().version()) > 0) {
            state = State.UPDATE_AVAILABLE;
        } else {
            state = State.INSTALLED;
        }
        List<String> ids = installed.isPresent() && !installed.get().pluginIds().isEmpty()
                ? installed.get().pluginIds()
                : List.of(guessedId(name));
        boolean shownHere = installed.isPresent() && state != State.FAILED && !installed.get().pluginIds().isEmpty()
                && installed.get().pluginIds().stream().anyMatch(id -> !hiddenPluginIds.contains(id));
        String display = shown.description().isBlank() ? name : shown.description();
        return new PluginInfo(name, ids, display, shown.description(), shown.version(), newest.version(), state,
                shownHere);
    }

    static Optional<FeatureEntry> newest(List<FeatureEntry> versions) {
        return versions.stream().max(Comparator.comparing(FeatureEntry::version, Versions.ORDER));
    }

    /** {@code kiosk-bulletin} gives {@code bulletin}: the convention until the plugin runs and says its ids. */
    static String guessedId(String featureName) {
        return featureName.startsWith(PREFIX) ? featureName.substring(PREFIX.length()) : featureName;
    }
}
