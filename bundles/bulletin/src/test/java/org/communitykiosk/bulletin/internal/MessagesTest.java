package org.communitykiosk.bulletin.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.communitykiosk.core.testing.BundleMessagesContract;
import org.junit.jupiter.api.Test;

/**
 * Every translation key in the plugin's sources exists in Chinese and in English, and the two files have the same
 * keys. Keys are the string literals {@code "bulletin.<...>"} in the main sources; audit actions are built from the
 * prefix {@code "bulletin.notice."} and are not keys.
 */
class MessagesTest extends BundleMessagesContract {

    MessagesTest() {
        super("bulletin");
    }

    @Test
    void everyKeyUsedInTheSourcesIsTranslatedInBothLanguages() {
        Set<String> used = messages.keysInSources(Set.of());
        assertTrue(used.size() > 30, "found the keys: " + used);
        messages.assertTranslated(used);
    }
}
