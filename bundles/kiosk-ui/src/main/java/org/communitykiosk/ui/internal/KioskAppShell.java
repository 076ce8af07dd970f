package org.communitykiosk.ui.internal;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;

/**
 * Page-wide settings: the age-friendly kiosk theme, push (live tiles, idle countdown, projector screens) and a
 * viewport that stops pinch zoom from breaking the touch layout.
 */
@Theme("kiosk")
@Push(transport = Transport.WEBSOCKET_XHR)
@Viewport("width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no")
public class KioskAppShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;
}
