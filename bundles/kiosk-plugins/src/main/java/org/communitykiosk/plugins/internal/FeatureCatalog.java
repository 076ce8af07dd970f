package org.communitykiosk.plugins.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.framework.Version;

/**
 * The few things the plugin manager asks of Karaf, so that its rules can be tested without a running Karaf. The one
 * implementation is {@link KarafFeatureCatalog}; every answer comes from Karaf's own (persistent) state.
 */
interface FeatureCatalog {

    /** Every version of every feature in the kiosk's repositories. */
    List<FeatureEntry> features() throws Exception;

    void install(String name, String version) throws Exception;

    /** Installs the version in place of the installed one (Karaf's upgrade option). */
    void upgrade(String name, String version) throws Exception;

    void uninstall(String name, String version) throws Exception;

    /** A manifest header of the bundle at the location, read without installing it; empty when unreadable. */
    Optional<String> manifestHeader(String bundleLocation, String header);

    /** The version of {@value Compatibility#PLUGIN_API} this platform exports. */
    Version platformApiVersion();
}
