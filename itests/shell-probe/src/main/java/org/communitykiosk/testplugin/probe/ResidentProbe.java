package org.communitykiosk.testplugin.probe;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.resident.ResidentDraft;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo shell functions (a plain service with {@code osgi.command.*} properties, which Karaf's shell picks up) for
 * tests that drive the distribution from outside through {@code bin/client}: they write and read residents through
 * the platform's {@link ResidentDirectory}, as the staff screens do, without a browser.
 */
@Component(service = ResidentProbe.class, property = {"osgi.command.scope=probe",
        "osgi.command.function=addresident", "osgi.command.function=resident"})
public class ResidentProbe {

    private final ResidentDirectory residents;

    @Activate
    public ResidentProbe(@Reference ResidentDirectory residents) {
        this.residents = residents;
    }

    /** Creates a resident; prints its id (printed, not returned: a batch ssh session does not print results). */
    public void addresident(String name, String card) {
        System.out.println("created resident " + residents.create(
                new ResidentDraft(name, card, null, null, null, null, null, null), Actor.staff("itest")).id());
    }

    /** Prints the name of the resident with this card, or a line saying there is none. */
    public void resident(String card) {
        System.out.println(residents.byCard(card).map(r -> "resident " + card + ": " + r.name())
                .orElse("no resident with card " + card));
    }
}
