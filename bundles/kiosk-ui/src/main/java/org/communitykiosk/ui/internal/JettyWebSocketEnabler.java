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
 * <p>
 * It must reach Pax Web before any servlet of the kiosk context, even before the context itself: an endpoint arriving
 * at a started context makes Pax Web stop and start the context, which initialised Vaadin a second time on first
 * boots and could leave a browser loading the home screen on the starting page. SCR registers a bundle's components
 * in the order of its {@code Service-Component} header, which bnd sorts by name, hence this class's name ahead of
 * {@link KioskContext}. A DS reference cannot order them: the dependent's registration would run inside this
 * service's registration event, and reach Pax Web first. {@code RestartAndRestoreIT} checks karaf.log for a restart.
 * <p>
 * Atmosphere still runs push on its long-polling fallback: it cannot learn the servlet's mapping from Pax Web, and
 * its endpoints, when given one, never reached Jetty's upgrade filter.
 */
@ServerEndpoint("/ws-enabler")
@Component(service = Object.class, property = {
        "org.ops4j.pax.web.http.whiteboard.websocket=true",
        "osgi.http.whiteboard.context.select=" + KioskContext.SELECT })
public class JettyWebSocketEnabler {

    @OnOpen
    public void onOpen(Session session) throws IOException {
        session.close();
    }
}
