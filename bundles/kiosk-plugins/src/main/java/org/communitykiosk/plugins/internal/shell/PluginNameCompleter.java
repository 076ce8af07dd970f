package org.communitykiosk.plugins.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.communitykiosk.plugins.api.PluginInfo;
import org.communitykiosk.plugins.api.PluginManager;

/** Tab completion of plugin feature names, from the same list the console shows. */
@Service
public class PluginNameCompleter implements Completer {

    @Reference
    PluginManager plugins;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter(plugins.list().stream().map(PluginInfo::featureName).toList());
        return names.complete(session, commandLine, candidates);
    }
}
