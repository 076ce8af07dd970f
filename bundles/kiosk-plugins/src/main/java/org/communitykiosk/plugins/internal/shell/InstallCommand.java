package org.communitykiosk.plugins.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.plugins.api.PluginInfo;
import org.communitykiosk.plugins.api.PluginManager;

/** {@code kiosk:install NAME} (or {@code -u} to upgrade): the same checks, rollback and audit as the console. */
@Service
@Command(scope = "kiosk", name = "install", description = "Installs (or with -u upgrades) a kiosk plugin")
public class InstallCommand implements Action {

    @Reference
    PluginManager plugins;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", description = "Plugin feature name, for example kiosk-bulletin",
            required = true)
    @Completion(PluginNameCompleter.class)
    String name;

    @Option(name = "-u", aliases = "--upgrade", description = "Upgrade the installed plugin to the newest version")
    boolean upgrade;

    @Override
    public Object execute() {
        try {
            PluginInfo after = upgrade ? plugins.upgrade(name, ShellActor.of(session))
                    : plugins.install(name, ShellActor.of(session));
            System.out.println(after.featureName() + " " + after.version() + " " + after.state());
        } catch (InvalidInputException refused) {
            System.out.println(Problems.describe(refused));
        }
        return null;
    }
}
