package org.communitykiosk.api.plugin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives a card or QR code read while a screen has asked for card taps.
 */
@ConsumerType
@FunctionalInterface
public interface CardHandler {

    /**
     * @param token what the reader typed: a card number or a QR payload; resolve it with
     *        {@link org.communitykiosk.api.resident.Identification#byToken(String)}
     */
    void cardTapped(String token);
}
