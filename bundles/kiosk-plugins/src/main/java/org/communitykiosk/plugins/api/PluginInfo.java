package org.communitykiosk.plugins.api;

import java.util.List;
import java.util.Objects;

/**
 * One plugin as the kiosk knows it now.
 *
 * @param featureName the Karaf feature, for example {@code kiosk-bulletin}; what install and uninstall take
 * @param pluginIds the {@code kiosk.plugin.id}s its bundles register (a feature may contribute several, for example
 *        the staff console's {@code residents} and {@code audit}); while it is not installed, the id guessed from the
 *        feature name ({@code kiosk-bulletin} gives {@code bulletin})
 * @param name display name: the feature's description when it has one, else the feature name
 * @param description the feature's description, may be empty
 * @param version the installed version, or the newest available one when not installed
 * @param availableVersion the newest version in the kiosk's plugin repositories
 * @param state see {@link State}
 * @param shownOnThisKiosk installed, working, and at least one of its plugin ids is not hidden by the kiosk settings
 */
public record PluginInfo(String featureName, List<String> pluginIds, String name, String description, String version,
        String availableVersion, State state, boolean shownOnThisKiosk) {

    public enum State {
        /** Installed and every bundle started. */
        INSTALLED,
        /** Available in a repository, not installed. */
        NOT_INSTALLED,
        /** Installed but a bundle did not start or a plugin component failed. */
        FAILED,
        /** Installed and working; a newer version is available. */
        UPDATE_AVAILABLE
    }

    public PluginInfo {
        Objects.requireNonNull(featureName, "featureName");
        Objects.requireNonNull(state, "state");
        pluginIds = List.copyOf(pluginIds);
        description = description == null ? "" : description;
    }

    public boolean installed() {
        return state != State.NOT_INSTALLED;
    }
}
