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
 * Push is long polling. Atmosphere never got Jetty's JSR-356 container in the kiosk's whiteboard context: every start
 * logged "Unable to configure jsr356" and fell back to long polling, after every browser had first tried a WebSocket
 * in vain. The dummy endpoint that was meant to provide the container made Pax Web restart the kiosk context, on
 * first boots after Vaadin had started, which could leave a browser on the starting page.
 */
@Theme("kiosk")
@Push(transport = Transport.LONG_POLLING)
@Viewport("width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no")
public class KioskAppShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;
}
