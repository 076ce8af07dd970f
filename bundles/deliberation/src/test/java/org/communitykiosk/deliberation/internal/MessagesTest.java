package org.communitykiosk.deliberation.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.communitykiosk.core.testing.BundleMessagesContract;
import org.junit.jupiter.api.Test;

/**
 * Every translation key in the plugin's sources exists in Chinese and in English, and the two files have the same
 * keys. Keys are the string literals {@code "deliberation.<...>"} in the main sources; audit actions are built from the
 * prefix {@code "deliberation.notice."} and are not keys.
 */
class MessagesTest extends BundleMessagesContract {

    MessagesTest() {
        super("deliberation");
    }

    @Test
    void everyKeyUsedInTheSourcesIsTranslatedInBothLanguages() {
        Set<String> used = messages.keysInSources(Set.of());
        used.addAll(enumKeys());
        assertTrue(used.size() > 100, "found the keys: " + used);
        messages.assertTranslated(used);
    }

    /** Keys built from enum names: prefix + constant. */
    private static Set<String> enumKeys() {
        Set<String> keys = new TreeSet<>();
        add(keys, "deliberation.category.", Matters.Category.values());
        add(keys, "deliberation.route.", Matters.Route.values());
        add(keys, "deliberation.state.", Matters.State.values());
        add(keys, "deliberation.eligibility.", Council.Eligibility.values());
        add(keys, "deliberation.kind.", Council.PollKind.values());
        add(keys, "deliberation.rule.", Council.MajorityRule.values());
        add(keys, "deliberation.pollState.", Council.PollState.values());
        add(keys, "deliberation.outcome.", Council.Outcome.values());
        return keys;
    }

    private static void add(Set<String> keys, String prefix, Enum<?>[] values) {
        for (Enum<?> value : values) {
            keys.add(prefix + value.name());
        }
    }
}
