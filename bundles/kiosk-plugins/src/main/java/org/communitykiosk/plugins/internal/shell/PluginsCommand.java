package org.communitykiosk.plugins.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.communitykiosk.plugins.api.PluginInfo;
import org.communitykiosk.plugins.api.PluginManager;

/** {@code kiosk:plugins}: every plugin with version, state and whether this kiosk shows it. */
@Service
@Command(scope = "kiosk", name = "plugins", description = "Lists the kiosk's plugins (installed and available)")
public class PluginsCommand implements Action {

    @Reference
    PluginManager plugins;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Feature");
        table.column("Plugin ids");
        table.column("Version");
        table.column("Available");
        table.column("State");
        table.column("Shown");
        table.column("Description");
        for (PluginInfo plugin : plugins.list()) {
            table.addRow().addContent(plugin.featureName(), String.join(",", plugin.pluginIds()), plugin.version(),
                    plugin.availableVersion(), plugin.state().name(), plugin.shownOnThisKiosk() ? "yes" : "no",
                    plugin.description());
        }
        table.print(System.out);
        return null;
    }
}
