package org.communitykiosk.plugins.internal.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.plugins.internal.PluginImport;

/**
 * {@code kiosk:import FILE}: imports a plugin archive (KAR) with the same checks and audit as the console's import
 * screen: signed by a trusted publisher, nothing but its plugin features. Its plugins are then offered, not installed
 * ({@code kiosk:install}).
 */
@Service
@Command(scope = "kiosk", name = "import", description = "Imports a signed plugin archive (KAR): its plugins are offered,"
        + " not installed")
public class ImportCommand implements Action {

    @Reference
    PluginImport importer;

    @Reference
    Session session;

    @Argument(index = 0, name = "file", description = "The archive's path on the kiosk", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() {
        Path archive = Path.of(file).toAbsolutePath();
        if (!Files.isRegularFile(archive)) {
            System.out.println("No such file: " + archive);
            return null;
        }
        try {
            List<String> added = importer.importArchive(archive, archive.getFileName().toString(),
                    ShellActor.of(session));
            System.out.println("imported " + String.join(", ", added) + " (not installed: kiosk:install NAME)");
        } catch (InvalidInputException refused) {
            System.out.println(Problems.describe(refused));
        }
        return null;
    }
}
