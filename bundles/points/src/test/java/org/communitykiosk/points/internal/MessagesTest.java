package org.communitykiosk.points.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.communitykiosk.core.testing.BundleMessagesContract;
import org.junit.jupiter.api.Test;

/**
 * Every translation key in the plugin's sources exists in Chinese and in English, and the two files have the same
 * keys. Keys are the string literals {@code "points.<...>"} in the main sources; audit actions
 * ({@code "points.hours.<verb>"}, {@code "points.need.<verb>"}) are not keys. Keys built at run time (kinds, states, default categories) are checked
 * by enumerating them.
 */
class MessagesTest extends BundleMessagesContract {

    MessagesTest() {
        super("points");
    }

    @Test
    void everyKeyUsedInTheSourcesIsTranslatedInBothLanguages() {
        // audit actions (points.hours.log, points.need.accept, ...) are not translation keys
        Set<String> used = messages.keysInSources(Set.of());
        used.removeIf(key -> key.matches("points\\.(hours|need)\\.[a-z]+"));
        assertTrue(used.size() > 30, "found the keys: " + used);
        // keys built at run time
        for (org.communitykiosk.points.api.TransferKind kind : org.communitykiosk.points.api.TransferKind.values()) {
            used.add("points.kind." + kind.name());
        }
        for (Need.State state : Need.State.values()) {
            used.add("points.needState." + state.name());
        }
        for (HoursEntry.Status status : HoursEntry.Status.values()) {
            used.add("points.status." + status.name());
        }
        PointsRules.defaults().pointsPerHour().keySet().forEach(id -> used.add("points.category." + id));
        PointsRules.defaults().organisations().forEach(id -> used.add("points.organisation." + id));
        messages.assertTranslated(used);
    }
}
