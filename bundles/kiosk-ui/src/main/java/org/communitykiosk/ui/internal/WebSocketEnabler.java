package org.communitykiosk.ui.internal;

import java.io.IOException;

import javax.websocket.OnOpen;
import javax.websocket.Session;
import javax.websocket.server.ServerEndpoint;

import org.osgi.service.component.annotations.Component;

/**
 * Pax Web 8 puts Jetty's JSR-356 ServerContainer into a whiteboard context only once a WebSocket endpoint is
 * registered for that context, and Vaadin push (Atmosphere) needs that container to use WebSockets. This endpoint
 * exists only to make Pax Web do that for the kiosk context.
 */
@ServerEndpoint("/ws-enabler")
@Component(service = Object.class, property = {
        "org.ops4j.pax.web.http.whiteboard.websocket=true",
        "osgi.http.whiteboard.context.select=" + KioskContext.SELECT })
public class WebSocketEnabler {

    @OnOpen
    public void onOpen(Session session) throws IOException {
        session.close();
    }
}
