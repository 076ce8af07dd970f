package org.communitykiosk.ui.internal;

import java.security.SecureRandom;
import java.util.Base64;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The headers every answer of the kiosk carries, whichever servlet makes it (set by {@link JettyHeaders} for each
 * request Jetty handles, and by {@link DeviceGate} before any servlet runs; the starting page sets them itself, as it
 * may answer before either is registered): a Content-Security-Policy that the Vaadin UI works under, and the ones that keep other sites from
 * framing the kiosk, reading where it was, or having a file run as another type.
 * <p>
 * Scripts: only the kiosk's own files and the inline scripts it wrote itself, marked with this answer's nonce (Vaadin's
 * bootstrap, see {@link KioskVaadinService}, and the starting page). {@code 'unsafe-eval'} stays: Vaadin's client runs
 * the server's {@code executeJs} calls with {@code new Function}. Styles may be inline (Lumo and the components set
 * theirs at run time). Frames: the kiosk's own pages only, so that printouts can be shown in a frame of the UI and no
 * other site can frame the kiosk (clickjacking).
 */
final class SecurityHeaders {

    /** Request attribute holding this answer's script nonce. */
    static final String NONCE = "org.communitykiosk.ui.nonce";

    static final String POLICY = "default-src 'self'; script-src 'self' 'nonce-%s' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; media-src 'self' blob:; frame-src 'self' blob:; worker-src 'self' blob:; "
            + "frame-ancestors 'self'; form-action 'self'; base-uri 'self'";

    /** The enrolment page: no script at all, nothing from anywhere but its own form and styles. */
    static final String ENROLMENT_POLICY = "default-src 'none'; style-src 'nonce-%s'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecurityHeaders() {
    }

    /** Sets the headers for an answer about to be made, and the request's nonce (kept if it has one already). */
    static void apply(HttpServletRequest request, HttpServletResponse response) {
        String nonce = request.getAttribute(NONCE) instanceof String given ? given : newNonce();
        request.setAttribute(NONCE, nonce);
        response.setHeader("Content-Security-Policy", POLICY.formatted(nonce));
        response.setHeader("X-Content-Type-Options", "nosniff");
        // not no-referrer: with it, browsers send "Origin: null" with a form's POST, and the enrolment form's origin
        // is checked; same-origin gives other sites nothing either
        response.setHeader("Referrer-Policy", "same-origin");
        // for browsers older than frame-ancestors; the same rule
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
    }

    /** Sets the headers unless something before (the gate, Jetty's customizer) did. */
    static void ensure(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(NONCE) == null || !response.containsHeader("Content-Security-Policy")) {
            apply(request, response);
        }
    }

    /** The stricter policy of the enrolment page, replacing the general one. */
    static void enrolmentPage(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", ENROLMENT_POLICY.formatted(nonce(request)));
        response.setHeader("X-Frame-Options", "DENY");
    }

    /** This request's script nonce (a fresh one if the gate did not run, which then matches no policy). */
    static String nonce(HttpServletRequest request) {
        Object nonce = request.getAttribute(NONCE);
        return nonce instanceof String text ? text : newNonce();
    }

    private static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
