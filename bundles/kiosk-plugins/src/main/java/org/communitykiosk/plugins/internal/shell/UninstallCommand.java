package org.communitykiosk.plugins.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.plugins.api.PluginInfo;
import org.communitykiosk.plugins.api.PluginManager;

/** {@code kiosk:uninstall NAME}: removes the plugin; its data stays in the database. */
@Service
@Command(scope = "kiosk", name = "uninstall", description = "Uninstalls a kiosk plugin (its data is kept)")
public class UninstallCommand implements Action {

    @Reference
    PluginManager plugins;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", description = "Plugin feature name, for example kiosk-bulletin",
            required = true)
    @Completion(PluginNameCompleter.class)
    String name;

    @Override
    public Object execute() {
        try {
            PluginInfo after = plugins.uninstall(name, ShellActor.of(session));
            System.out.println(after.featureName() + " " + after.state());
        } catch (InvalidInputException refused) {
            System.out.println(Problems.describe(refused));
        }
        return null;
    }
}
