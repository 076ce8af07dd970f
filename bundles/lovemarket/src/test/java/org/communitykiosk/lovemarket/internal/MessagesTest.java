package org.communitykiosk.lovemarket.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.communitykiosk.core.testing.BundleMessagesContract;
import org.junit.jupiter.api.Test;

/**
 * Every translation key in the plugin's sources exists in Chinese and in English, and the two files have the same
 * keys. Keys are the string literals {@code "lovemarket.<...>"} in the main sources; audit actions are built from the
 * {@link #AUDIT_ACTIONS} are audit actions, not keys.
 */
class MessagesTest extends BundleMessagesContract {

    MessagesTest() {
        super("lovemarket");
    }

    private static final Set<String> AUDIT_ACTIONS = Set.of("lovemarket.item.create", "lovemarket.item.edit",
            "lovemarket.intake.record", "lovemarket.item.photo", "lovemarket.lottery.create",
            "lovemarket.lottery.draw", "lovemarket.lottery.request", "lovemarket.household.flag",
            "lovemarket.household.unflag", "lovemarket.charity.day", "lovemarket.charity.stall",
            "lovemarket.charity.sale", "lovemarket.charity.correct", "lovemarket.stock.adjust", "lovemarket.order.redeem",
            "lovemarket.order.handOver", "lovemarket.order.cancel", "lovemarket.swap.post", "lovemarket.swap.ask",
            "lovemarket.swap.promise", "lovemarket.swap.close", "lovemarket.swap.repost", "lovemarket.swap.photo");

    @Test
    void everyKeyUsedInTheSourcesIsTranslatedInBothLanguages() {
        Set<String> used = messages.keysInSources(AUDIT_ACTIONS);
        assertTrue(used.size() > 30, "found the keys: " + used);
        messages.assertTranslated(used);
    }
}
