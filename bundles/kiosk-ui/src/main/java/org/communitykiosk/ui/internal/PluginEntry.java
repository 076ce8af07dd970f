package org.communitykiosk.ui.internal;

import java.util.Optional;

import org.communitykiosk.api.plugin.KioskPlugin;
import org.osgi.framework.Bundle;

/**
 * A plugin as the shell sees it: either working ({@code plugin} present) or failed to start, in which case the shell
 * shows an error card for it and keeps everything else running.
 *
 * @param id plugin id from the service property
 * @param bundle the bundle that registered it (its class loader holds the plugin's translations)
 * @param plugin the plugin, empty when its component failed to activate
 */
record PluginEntry(String id, Bundle bundle, Optional<KioskPlugin> plugin) {

    boolean failed() {
        return plugin.isEmpty();
    }
}
