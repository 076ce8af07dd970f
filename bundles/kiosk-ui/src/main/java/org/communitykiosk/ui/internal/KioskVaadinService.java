package org.communitykiosk.ui.internal;

import java.net.URL;
import java.util.List;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.RequestHandler;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import com.vaadin.flow.server.communication.UidlRequestHandler;

/**
 * Vaadin's servlet service adapted to OSGi: classes and the production build are loaded through this bundle (the
 * default would be Pax Web's context loader), static resources of other bundles are found, and shell views are built
 * with their services passed to their constructors.
 */
final class KioskVaadinService extends VaadinServletService {

    private static final long serialVersionUID = 1L;

    private final transient Shell shell;

    KioskVaadinService(VaadinServlet servlet, DeploymentConfiguration configuration, Shell shell) {
        super(servlet, configuration);
        this.shell = shell;
    }

    @Override
    protected void setDefaultClassLoader() {
        setClassLoader(KioskVaadinService.class.getClassLoader());
    }

    @Override
    protected Instantiator createInstantiator() throws ServiceException {
        return new ShellInstantiator(this, shell);
    }

    /** Vaadin's handlers, with the UIDL handler that notes a person's activity ({@link Activity}). */
    @Override
    protected List<RequestHandler> createRequestHandlers() throws ServiceException {
        List<RequestHandler> handlers = super.createRequestHandlers();
        int uidl = -1;
        for (int i = 0; i < handlers.size(); i++) {
            if (handlers.get(i).getClass() == UidlRequestHandler.class) {
                uidl = i;
            }
        }
        if (uidl < 0) {
            // without it the server would see no activity and sign everybody out at the timeout
            throw new ServiceException("Vaadin's UIDL request handler was not found");
        }
        handlers.set(uidl, new Activity.RequestHandler());
        return handlers;
    }

    /**
     * Marks the page's inline scripts (Vaadin's bootstrap with the first screen) with this answer's nonce, the only
     * inline scripts the Content-Security-Policy lets run ({@link SecurityHeaders}).
     */
    @Override
    public void modifyIndexHtmlResponse(IndexHtmlResponse response) {
        super.modifyIndexHtmlResponse(response);
        Object nonce = response.getVaadinRequest().getAttribute(SecurityHeaders.NONCE);
        if (nonce instanceof String value) {
            response.getDocument().select("script").forEach(script -> script.attr("nonce", value));
        }
    }

    @Override
    public URL getStaticResource(String path) {
        URL url = super.getStaticResource(path);
        return url != null ? url : inOtherBundles(path);
    }

    @Override
    public URL getResource(String path) {
        URL url = super.getResource(path);
        return url != null ? url : inOtherBundles(path);
    }

    private static URL inOtherBundles(String path) {
        return BundleResourceProvider.findInBundles("META-INF/resources" + (path.startsWith("/") ? path : "/" + path));
    }
}
