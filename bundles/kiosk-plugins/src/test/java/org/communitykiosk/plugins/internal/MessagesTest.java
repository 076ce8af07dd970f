package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;

import org.communitykiosk.api.plugin.PinAction;
import org.communitykiosk.core.testing.BundleMessagesContract;
import org.junit.jupiter.api.Test;

/**
 * Every translation key in the bundle's sources exists in Chinese and in English, and the two files have the same
 * keys. Keys are the string literals {@code "plugins.<...>"}, {@code "settings.<...>"}, {@code "backup.<...>"} in the
 * main sources, except the audit action names, which are not keys.
 */
class MessagesTest extends BundleMessagesContract {

    MessagesTest() {
        super("plugins", "settings", "backup");
    }

    private static final Set<String> AUDIT_ACTIONS = Set.of("plugins.install", "plugins.upgrade",
            "plugins.uninstall", "plugins.import", "plugins.publisher", "settings.update", "backup.start");

    @Test
    void everyKeyUsedInTheSourcesIsTranslatedInBothLanguages() {
        Set<String> used = messages.keysInSources(AUDIT_ACTIONS);
        assertTrue(used.size() > 20, "found the keys: " + used);
        messages.assertTranslated(used);
    }

    /** The settings screen names each step-up action and what its PIN protects from keys made of the action's id. */
    @Test
    void everyPinActionHasItsNameAndWhatItProtects() {
        messages.assertTranslated(PinAction.ALL.stream()
                .flatMap(action -> Set.of("settings.pin." + action, "settings.pin." + action + ".protects").stream())
                .collect(Collectors.toSet()));
    }
}
