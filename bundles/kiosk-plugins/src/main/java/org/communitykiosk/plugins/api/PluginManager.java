package org.communitykiosk.plugins.api;

import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Installs, upgrades and uninstalls plugins through Karaf's FeaturesService, one action at a time, each recorded in
 * the audit log ({@code plugins.install}, {@code plugins.upgrade}, {@code plugins.uninstall}) with its result.
 * <p>
 * A refused action throws {@link org.communitykiosk.api.InvalidInputException} with translated problem keys
 * ({@code plugins.error.*}, in this bundle's messages) and has changed nothing: an unknown or platform feature, a
 * plugin not compatible with this platform's API, a plugin that another installed plugin needs (uninstall),
 * another action still running, or a Karaf failure after which the previous state was restored. Calls block while
 * Karaf works (seconds): do not call them on a UI thread.
 */
@ProviderType
public interface PluginManager {

    /** Every plugin, installed or available, by feature name. */
    List<PluginInfo> list();

    Optional<PluginInfo> find(String featureName);

    /** Installs the newest available version; returns the plugin's state afterwards. */
    PluginInfo install(String featureName, Actor actor);

    /** Replaces the installed version by the newest available one. */
    PluginInfo upgrade(String featureName, Actor actor);

    /** Uninstalls the plugin; its data stays in the database and is found again on reinstall. */
    PluginInfo uninstall(String featureName, Actor actor);
}
