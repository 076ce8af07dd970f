package org.communitykiosk.ui.internal;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;

/**
 * Page-wide settings: the age-friendly kiosk theme, push (live tiles, idle countdown, projector screens) and a
 * viewport that stops pinch zoom from breaking the touch layout.
 * <p>
 * Server to browser, push falls back to long polling: Atmosphere never got Jetty's JSR-356 container in the kiosk's
 * whiteboard context (every start logged "Unable to configure jsr356"). The dummy WebSocket endpoint that was meant to
 * provide it made Pax Web restart the kiosk context, on first boots after Vaadin had started, which could leave a
 * browser on the starting page, so it is gone. Browser to server stays XHR: with LONG_POLLING, Vaadin sends taps
 * through the push connection too, and a tap on the staff console's Install was lost that way (ConsoleBrowserIT).
 */
@Theme("kiosk")
@Push(transport = Transport.WEBSOCKET_XHR)
@Viewport("width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no")
public class KioskAppShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;
}
