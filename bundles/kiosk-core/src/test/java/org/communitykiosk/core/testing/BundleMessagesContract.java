package org.communitykiosk.core.testing;

import org.junit.jupiter.api.Test;

/**
 * The part of a bundle's messages test that is the same in every bundle: both languages have the same keys, and no
 * value is blank or has a single quote. A bundle's {@code MessagesTest} extends it and adds what only it knows, the
 * keys its sources use, checked with {@link #messages}. (Not named *Test: the test-jar leaves those out, and it runs
 * in each bundle that extends it.)
 */
public abstract class BundleMessagesContract {

    protected final BundleMessages messages;

    /** @param prefixes the bundle's key prefixes, for example {@code "points"} */
    protected BundleMessagesContract(String... prefixes) {
        messages = BundleMessages.of(getClass(), prefixes);
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        messages.assertSameKeysInBothLanguages();
    }

    @Test
    void valuesAreNotBlankAndHaveNoSingleQuotes() {
        messages.assertValuesNotBlankWithoutSingleQuotes();
    }
}
