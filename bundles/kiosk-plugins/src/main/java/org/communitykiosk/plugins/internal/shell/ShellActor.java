package org.communitykiosk.plugins.internal.shell;

import org.apache.karaf.shell.api.console.Session;
import org.communitykiosk.api.Actor;

/** The technician at the shell, as recorded in the audit log: the signed-in shell user. */
final class ShellActor {

    private ShellActor() {
    }

    static Actor of(Session session) {
        Object user = session == null ? null : session.get("USER");
        return user == null || user.toString().isBlank() ? Actor.system("karaf-shell") : Actor.staff(user.toString());
    }
}
