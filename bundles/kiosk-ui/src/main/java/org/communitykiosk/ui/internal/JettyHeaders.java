package org.communitykiosk.ui.internal;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.osgi.service.component.annotations.Component;

/**
 * The security headers also on what Jetty answers before any servlet runs: its redirect of {@code /kiosk} to
 * {@code /kiosk/}, its own error pages, and the first moment of a start before {@link DeviceGate} is in front of the
 * contexts. Pax Web 8 adds every {@link HttpConfiguration.Customizer} service to each of its connectors' configurations
 * (the device connector's too); Jetty calls it for each request before handling it. The gate sets the same headers
 * again for what reaches the servlets, with the same nonce.
 */
@Component(service = HttpConfiguration.Customizer.class)
public class JettyHeaders implements HttpConfiguration.Customizer {

    @Override
    public void customize(Connector connector, HttpConfiguration channelConfig, Request request) {
        SecurityHeaders.apply(request, request.getResponse());
    }
}
