package org.communitykiosk.plugins.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Version;

/**
 * Karaf as the plugin manager sees it, in memory: features with versions, what is installed, which plugins start.
 * Only for the manager's rules (refusals, rollback, audit); the real calls are tested in Karaf by Pax Exam.
 */
final class FakeCatalog implements FeatureCatalog {

    final List<FeatureEntry> entries = new ArrayList<>();
    final Map<String, String> imports = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    /** Features whose bundles do not start once installed. */
    final List<String> broken = new ArrayList<>();
    /** Features Karaf refuses to resolve. */
    final List<String> unresolvable = new ArrayList<>();
    Version platform = new Version(1, 0, 0);

    FakeCatalog feature(String name, String version, boolean installed, String... pluginIds) {
        entries.add(new FeatureEntry(name, version, "Feature " + name, installed, List.of("mvn:test/" + name + "/" + version),
                installed ? List.of(pluginIds) : List.of(), installed, false));
        return this;
    }

    /** Every version of {@code name} requires these features. */
    FakeCatalog requires(String name, String... required) {
        for (int i = 0; i < entries.size(); i++) {
            FeatureEntry e = entries.get(i);
            if (e.name().equals(name)) {
                entries.set(i, new FeatureEntry(name, e.version(), e.description(), e.installed(), e.bundleLocations(),
                        e.pluginIds(), e.started(), e.containsManager(), List.of(required)));
            }
        }
        return this;
    }

    @Override
    public List<FeatureEntry> features() {
        return List.copyOf(entries);
    }

    @Override
    public void install(String name, String version) throws Exception {
        calls.add("install " + name + " " + version);
        if (unresolvable.contains(name)) {
            throw new Exception("Unable to resolve root: missing requirement\nlong details");
        }
        set(name, version, true);
    }

    @Override
    public void upgrade(String name, String version) throws Exception {
        calls.add("upgrade " + name + " " + version);
        if (unresolvable.contains(name + " " + version)) {
            throw new Exception("Unable to resolve " + name);
        }
        for (FeatureEntry e : List.copyOf(entries)) {
            if (e.name().equals(name) && e.installed()) {
                set(name, e.version(), false);
            }
        }
        set(name, version, true);
    }

    @Override
    public void uninstall(String name, String version) {
        calls.add("uninstall " + name + " " + version);
        set(name, version, false);
    }

    private void set(String name, String version, boolean installed) {
        for (int i = 0; i < entries.size(); i++) {
            FeatureEntry e = entries.get(i);
            if (e.name().equals(name) && e.version().equals(version)) {
                boolean started = installed && !broken.contains(name + " " + version) && !broken.contains(name);
                entries.set(i, new FeatureEntry(name, version, e.description(), installed, e.bundleLocations(),
                        installed ? List.of(PluginListing.guessedId(name)) : List.of(), started, false,
                        e.requiredFeatures()));
            }
        }
    }

    @Override
    public Optional<String> manifestHeader(String bundleLocation, String header) {
        return Optional.ofNullable(imports.get(bundleLocation));
    }

    @Override
    public Version platformApiVersion() {
        return platform;
    }
}
