package org.communitykiosk.ui.internal;

import java.io.IOException;

import javax.websocket.OnOpen;
import javax.websocket.Session;
import javax.websocket.server.ServerEndpoint;

/**
 * A WebSocket endpoint that exists only so that Pax Web 8 puts Jetty's JSR-356 ServerContainer into the kiosk's
 * whiteboard context, which Vaadin push (Atmosphere) needs to use WebSockets. {@link KioskServlet} registers it as a
 * whiteboard service once it is itself in the context, and starts Vaadin in the context restart that follows.
 */
@ServerEndpoint("/ws-enabler")
public class JettyWebSocketEnabler {

    @OnOpen
    public void onOpen(Session session) throws IOException {
        session.close();
    }
}
