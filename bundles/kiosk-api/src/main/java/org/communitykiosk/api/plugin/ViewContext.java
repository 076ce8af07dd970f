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
     * Keeps the session from ending for being idle while the returned lease is active (a resident told to sit still).
     * The platform ends the lease when this screen is left or drawn anew, at sign-out and after the kiosk's maximum
     * time; the screen closes it as soon as its state no longer needs it. Call it where the screen changes its state
     * (an event listener, or within {@code UI.access} for a device's callback); closing works from any thread.
     *
     * @since 1.2
     */
    AwakeLease keepAwake();

    /**
     * {@code true} takes a lease as {@link #keepAwake()} does (unless this screen holds one from this method already),
     * {@code false} closes it.
     *
     * @since 1.1
     * @deprecated a flag that nobody clears keeps the session open for the next person: use {@link #keepAwake()}
     */
    @Deprecated
    void keepSessionAwake(boolean awake);

    /**
     * Shows a printout (a PDF) in a dialog on the kiosk's screen, with a button that prints it; never in a tab or a
     * window of its own. The dialog goes when the resident closes it, when the screen is left and at sign-out.
     *
     * @param fileName a name for the file, for example {@code statement.pdf}
     * @param pdf the whole PDF file
     * @since 1.2
     */
    void showPrintout(String fileName, byte[] pdf);

    /**
     * Staff only: lets the staff member save a file with personal or health data to a place they choose (a removable
     * medium of the kiosk, see the README), never to the public kiosk's own disk or its browser's downloads. The shell
     * asks where, writes the file and records the export in the audit log (the file's name and size, not its content).
     * Refused with a message in words for anybody but staff.
     *
     * @param fileName the file's name, without folders, for example {@code blood-pressure.csv}
     * @param content the whole file
     * @since 1.2
     */
    void export(String fileName, byte[] content);

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
