package org.communitykiosk.plugins.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.plugins.internal.Backups;

/** {@code kiosk:backup}: an online backup now (as the console's Backup screen), or with {@code -l} the list. */
@Service
@Command(scope = "kiosk", name = "backup", description = "Backs the kiosk database up now (-l: list the backups)")
public class BackupCommand implements Action {

    @Reference
    Backups backups;

    @Reference
    KioskSettings settings;

    @Reference
    Session session;

    @Option(name = "-l", aliases = "--list", description = "List the backups, newest first")
    boolean list;

    @Override
    public Object execute() {
        if (list) {
            for (Backups.Backup backup : backups.list()) {
                System.out.println(backup.name() + "  " + backup.folder());
            }
            return null;
        }
        try {
            Backups.Backup done = backups.start(ShellActor.of(session), settings.zone(), java.util.Locale.ENGLISH);
            System.out.println(done.folder());
        } catch (InvalidInputException refused) {
            System.out.println(Problems.describe(refused));
        }
        return null;
    }
}
