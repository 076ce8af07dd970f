package org.communitykiosk.api.plugin;

import java.util.Objects;

/**
 * One screen of a plugin, reached at {@code /<plugin id>/<path>} (the empty path is the plugin's start screen).
 * The shell checks the audience before it calls the factory, whether the screen is reached by a tile or by a typed
 * URL, and shows an error card instead of the screen if the factory throws.
 *
 * @param path sub-path below the plugin id, without slashes at either end; may be empty
 * @param audience who may open it
 * @param factory builds the screen, once per visit
 */
public record PluginView(String path, Audience audience, ViewFactory factory) {

    public PluginView {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(factory, "factory");
        if (path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("path without leading or trailing slash: " + path);
        }
    }
}
