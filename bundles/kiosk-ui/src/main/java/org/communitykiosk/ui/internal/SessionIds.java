package org.communitykiosk.ui.internal;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

/**
 * Renews the session id at every sign-in and sign-out, so that an id known before (read off the screen's browser,
 * planted in it, or left from the person before) is worth nothing afterwards (session fixation). The servlet's own
 * {@link HttpServletRequest#changeSessionId()} keeps the session and everything in it (the Vaadin session, its UIs
 * and their push connections) and gives it a new id, sent back as a new cookie with this request's response; Vaadin's
 * {@code VaadinService.reinitializeSession} would instead copy the attributes into a new session and invalidate the old
 * one, which Vaadin's own issue 9247 proposes to replace with exactly this call.
 */
final class SessionIds {

    private static final Logger LOG = LoggerFactory.getLogger(SessionIds.class);

    private SessionIds() {
    }

    /** Renews the id within the current request, or at the next one when there is none to do it in. */
    static void renew() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request instanceof VaadinServletRequest servlet) {
            HttpServletRequest http = servlet.getHttpServletRequest();
            HttpSession session = http.getSession(false);
            if (session != null) {
                try {
                    http.changeSessionId();
                    session.removeAttribute(IdleWatch.RENEW_ID);
                    return;
                } catch (IllegalStateException | UnsupportedOperationException e) {
                    LOG.debug("session id not renewed within the request: {}", e.toString());
                }
            }
        }
        renewAtNextRequest(VaadinSession.getCurrent());
    }

    /** Marks the session so that {@link KioskServlet} renews its id at its next request. */
    static void renewAtNextRequest(VaadinSession session) {
        WrappedSession http = session == null ? null : session.getSession();
        if (http != null) {
            http.setAttribute(IdleWatch.RENEW_ID, Boolean.TRUE);
        }
    }

    /** In the servlet, before Vaadin sees the request: renews the id if a sign-out without a request asked for it. */
    static void renewIfAsked(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            if (session.getAttribute(IdleWatch.RENEW_ID) != null) {
                session.removeAttribute(IdleWatch.RENEW_ID);
                request.changeSessionId();
            }
        } catch (IllegalStateException invalidated) {
            // the session ended meanwhile: a new one gets a new id anyway
        }
    }
}
