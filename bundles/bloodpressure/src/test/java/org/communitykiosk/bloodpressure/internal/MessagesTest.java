package org.communitykiosk.bloodpressure.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.communitykiosk.core.testing.BundleMessagesContract;
import org.junit.jupiter.api.Test;

/**
 * Every translation key in the plugin's sources exists in Chinese and in English, and the two files have the same
 * keys. Keys are the string literals {@code "bloodpressure.<...>"} in the main sources, plus the keys built from enum
 * names (categories, alert kinds, session tags, keypad keys); audit actions and the driver service property are not
 * keys.
 */
class MessagesTest extends BundleMessagesContract {

    MessagesTest() {
        super("bloodpressure");
    }

    private static final Set<String> NOT_KEYS = Set.of("bloodpressure.reading.record", "bloodpressure.alert.raise",
            "bloodpressure.alert.acknowledge", "bloodpressure.driver");

    @Test
    void everyKeyUsedInTheSourcesIsTranslatedInBothLanguages() {
        Set<String> used = messages.keysInSources(NOT_KEYS);
        assertTrue(used.size() > 60, "found the keys: " + used);
        for (Category c : Category.values()) {
            used.add(c.key());
        }
        for (Alert.Kind k : Alert.Kind.values()) {
            used.add(k.key());
        }
        for (Reading.SessionTag t : Reading.SessionTag.values()) {
            used.add(t.key());
        }
        used.add("bloodpressure.manual.key.clear");
        used.add("bloodpressure.manual.key.back");
        messages.assertTranslated(used);
    }
}
