package org.communitykiosk.api.plugin;

import java.util.List;

/**
 * The actions that may ask for the resident's PIN before they run ({@link ViewContext#confirmWithPin}); the kiosk
 * setting {@code pinRequiredFor} lists those that do on a kiosk (by default all of them). A check-in at a staffed
 * meeting door is not among them: there a member of staff sees who taps the card.
 *
 * @since 1.2
 */
public final class PinAction {

    /** Spending points: the love market's redemption, a charity market sale paid in points. */
    public static final String POINTS_SPEND = "points.spend";
    /** Giving points away: to a household member, or as a donation. */
    public static final String POINTS_TRANSFER = "points.transfer";
    /** Confirming someone's volunteer hours as the person served: the served person's PIN. */
    public static final String POINTS_CONFIRM_SERVED = "points.confirmServed";
    /** Opening a resident's own blood-pressure history. */
    public static final String BLOOD_PRESSURE_HISTORY = "bloodpressure.history";

    /** Every action, in the order above: the default of {@code pinRequiredFor}. */
    public static final List<String> ALL = List.of(POINTS_SPEND, POINTS_TRANSFER, POINTS_CONFIRM_SERVED,
            BLOOD_PRESSURE_HISTORY);

    private PinAction() {
    }
}
