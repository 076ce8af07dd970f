package org.communitykiosk.api.plugin;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.communitykiosk.api.InvalidInputException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the shell offers a plugin screen while it is shown: who is at the kiosk, translations in the current
 * language, the request path, navigation, and the card reader.
 */
@ProviderType
public interface ViewContext {

    /** Who is at the kiosk in this browser session. */
    KioskSession session();

    /** Current language. */
    Locale locale();

    /** The community's time zone. */
    ZoneId zone();

    /**
     * Translated text for a key of the plugin's messages (or the platform's), formatted with {@code args}
     * ({@link java.text.MessageFormat}). A missing key shows as {@code !key!} and is logged.
     */
    String text(String key, Object... args);

    /** All problems of a refused input as one translated message. */
    String describe(InvalidInputException refused);

    /** Path segments after the view's own path, for example the notice id in {@code /bulletin/notice/12}. */
    List<String> pathSegments();

    /** A query parameter of the current location. */
    Optional<String> queryParameter(String name);

    /** Navigates to another view of the same plugin ({@code ""} for its start screen), with an optional query. */
    void navigate(String path);

    /** Back to the kiosk home screen. */
    void home();

    /**
     * Directs card taps (card reader or QR scanner) to this screen instead of signing the resident in, until the
     * screen is left. Used for "confirm by tapping your card" and voting booths.
     */
    void onCardTapped(CardHandler handler);

    /**
     * While {@code true}, the idle countdown does not run for this screen: for a resident told to sit still (a
     * blood-pressure rest) or a screen nobody touches on purpose. Reset to {@code false} when the screen is left.
     *
     * @since 1.1
     */
    void keepSessionAwake(boolean awake);

    /** Shows a short notification in large type. */
    void notify(String text);

    /**
     * Runs {@code confirmed} once {@code who} has entered their PIN, for an action that moves value or shows health
     * data (step-up: a card alone is not enough where the resident has a PIN). The PIN is asked on a large keypad
     * dialog when the kiosk's settings list {@code action} ({@code pinRequiredFor}) and {@code who} has a PIN;
     * otherwise {@code confirmed} runs at once. A wrong PIN counts towards {@code who}'s PIN lockout; cancelling,
     * or a locked PIN, runs nothing. {@code confirmed} runs on the UI thread, within the same screen.
     *
     * @param who the resident whose points or data the action concerns (the person served, for hours confirmed in
     *        their name)
     * @param action one of the {@link PinAction} ids
     * @since 1.2
     */
    void confirmWithPin(org.communitykiosk.api.resident.Resident who, String action, Runnable confirmed);
}
