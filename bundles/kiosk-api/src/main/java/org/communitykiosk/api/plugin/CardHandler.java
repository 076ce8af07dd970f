package org.communitykiosk.api.plugin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives a card or QR code read while a screen has asked for card taps.
 */
@ConsumerType
@FunctionalInterface
public interface CardHandler {

    /**
     * @param token what the reader typed: a card token or its QR payload, or anything else (a register number, a
     *        misread card), for the screen to tell the person; resolve it with
     *        {@link org.communitykiosk.api.resident.Identification#byToken(String)}. The shell has already read it
     *        through {@link org.communitykiosk.api.resident.CardReads} (throttled per place, unknown cards audited);
     *        while card reading at the place is paused, the screen gets nothing.
     */
    void cardTapped(String token);
}
