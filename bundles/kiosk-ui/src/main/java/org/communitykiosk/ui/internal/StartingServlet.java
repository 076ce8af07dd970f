package org.communitykiosk.ui.internal;

import java.io.IOException;

import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;

/**
 * The kiosk context's "not found" page. Once the Vaadin servlet runs it answers every path itself (an unknown route
 * is its own screen), so a 404 here means the kiosk is still starting: show {@link StartingPage}. A missing static
 * file stays a plain 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(KioskContext.SELECT)
@HttpWhiteboardServletErrorPage(errorPage = "404")
@HttpWhiteboardServletName("kiosk-starting")
public class StartingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient StartingPage page = new StartingPage(new Translations(), "no servlet for the path");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.toString().startsWith(KioskContext.PATH + "/VAADIN/")) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        page.write(request, response);
    }
}
