package org.communitykiosk.deliberation.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.deliberation.internal.Council;

/**
 * {@code deliberation:verify POLL}: recomputes a closed poll's hash chain from the stored ballots and compares it with
 * the seal its close wrote, as the chair's meeting screen does; audited. Prints INTACT or NOT INTACT with the figures.
 */
@Service
@Command(scope = "deliberation", name = "verify", description = "Checks a closed vote's stored ballots against its seal")
public class VerifyCommand implements Action {

    @Reference
    Council council;

    @Reference
    Session session;

    @Argument(index = 0, name = "poll", description = "The poll's number (the meeting screen's poll id)",
            required = true)
    long pollId;

    @Override
    public Object execute() {
        Object user = session == null ? null : session.get("USER");
        Actor technician = user == null ? Actor.system("karaf-shell") : Actor.staff(user.toString());
        try {
            Council.Verification v = council.verify(pollId, technician);
            if (v.seal().isEmpty()) {
                System.out.println("NOT SEALED: poll " + pollId + " closed before votes were sealed; " + v.ballots()
                        + " ballots stored, chain head " + v.head());
            } else {
                Council.Seal seal = v.seal().get();
                System.out.println((v.intact() ? "INTACT" : "NOT INTACT") + ": poll " + pollId + ", ballots stored "
                        + v.ballots() + " (sealed " + seal.ballots() + "), voters registered " + v.registered()
                        + " (sealed " + seal.registered() + "), chain head " + v.head() + " (sealed " + seal.head()
                        + ")");
            }
        } catch (InvalidInputException refused) {
            System.out.println("Refused: " + refused.problems().get(0).key() + " (is poll " + pollId
                    + " closed?)");
        }
        return null;
    }
}
