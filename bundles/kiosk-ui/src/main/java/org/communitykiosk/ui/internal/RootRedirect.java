package org.communitykiosk.ui.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The kiosk browser opens the bare host; every path outside the kiosk context lands on the kiosk home instead of a
 * Jetty error page. While the kiosk context itself is not there yet (the first moment of a start), its paths reach
 * this servlet too: they get the {@link StartingPage} instead of a redirect to themselves.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("kiosk-root-redirect")
public class RootRedirect extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient StartingPage starting = new StartingPage(new Translations(), "no kiosk context");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (path.equals(KioskContext.PATH) || path.startsWith(KioskContext.PATH + "/")) {
            starting.write(request, response);
            return;
        }
        SecurityHeaders.ensure(request, response);
        response.sendRedirect(KioskContext.PATH + "/");
    }
}
