package org.communitykiosk.ui.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.StaffSignIn;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.di.ResourceProvider;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;

/**
 * The kiosk's one Vaadin servlet. Pax Web runs no ServletContainerInitializers for whiteboard contexts, so this does
 * by hand what Vaadin's initializers do in a WAR: the lookup, the app shell and the routes. Plugin screens need no
 * route registration: they are served by {@link PluginHost} below {@code /<plugin id>/...}.
 */
// load-on-startup (Pax Web's own property): Vaadin initialises while the kiosk starts, not on the first resident's
// request, which would otherwise wait for it
@Component(service = Servlet.class, property = {
        "load-on-startup:Integer=1",
        "servlet.init.productionMode=true",
        "servlet.init.closeIdleSessions=true",
        "servlet.init.heartbeatInterval=60" })
@HttpWhiteboardContextSelect(KioskContext.SELECT)
@HttpWhiteboardServletPattern("/*")
@HttpWhiteboardServletName("kiosk-vaadin")
@HttpWhiteboardServletAsyncSupported
public class KioskServlet extends VaadinServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(KioskServlet.class);

    private final transient Shell shell;
    private final transient ScheduledExecutorService timer;
    private transient volatile KioskSettings settings;

    @Activate
    public KioskServlet(@Reference PluginCatalog plugins, @Reference Identification identification,
            @Reference StaffSignIn staffSignIn) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kiosk-ui-timer");
            thread.setDaemon(true);
            return thread;
        });
        shell = new Shell(() -> settings, plugins, new Translations(), identification, staffSignIn, timer);
    }

    // dynamic so that a settings change made by staff applies without restarting the servlet and its sessions
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindSettings(KioskSettings newSettings) {
        settings = newSettings;
    }

    void unbindSettings(KioskSettings oldSettings) {
        // a mandatory dynamic reference is rebound before it is unbound; keep the newer one
    }

    @Deactivate
    void stopTimer() {
        timer.shutdownNow();
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        ServletContext servletContext = config.getServletContext();
        VaadinServletContext context = new VaadinServletContext(servletContext);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KioskServlet.class.getClassLoader());
        try {
            synchronized (servletContext) {
                if (context.getAttribute(Lookup.class) == null) {
                    // without a Lookup attribute VaadinServlet.init silently returns without a service;
                    // the initializer adds its defaults to this map, so it must be mutable
                    Map<Class<?>, Collection<Class<?>>> services = new HashMap<>();
                    services.put(ResourceProvider.class, List.of(BundleResourceProvider.class));
                    new LookupInitializer().initialize(context, services,
                            lookup -> context.setAttribute(Lookup.class, lookup));
                    VaadinAppShellInitializer.init(Set.of(KioskAppShell.class), context);
                    RouteConfiguration routes = RouteConfiguration
                            .forRegistry(ApplicationRouteRegistry.getInstance(context));
                    routes.setRoute("", HomeView.class, MainLayout.class);
                    routes.setRoute(SignInView.ROUTE, SignInView.class, MainLayout.class);
                    routes.setRoute(StaffSignInView.ROUTE, StaffSignInView.class, MainLayout.class);
                    routes.setRoute(PluginHost.ROUTE, PluginHost.class, MainLayout.class);
                }
            }
            super.init(config);
            LOG.info("kiosk UI ready (production mode {})",
                    getService().getDeploymentConfiguration().isProductionMode());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration)
            throws ServiceException {
        KioskVaadinService service = new KioskVaadinService(this, configuration, shell);
        service.init();
        service.addSessionInitListener(event -> event.getSession().setErrorHandler(error -> {
            LOG.error("unexpected error in a kiosk screen", error.getThrowable());
            if (com.vaadin.flow.component.UI.getCurrent() != null) {
                SessionState state = SessionState.of(event.getSession(), settings.kioskId(),
                        settings.defaultLocale());
                Notification.show(shell.translations().text(state.locale(), "shell.error.unexpected"), 5000,
                        Notification.Position.MIDDLE);
            }
        }));
        return service;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo();
        if (path == null || !path.startsWith("/VAADIN/")) {
            // pages may show personal data: never keep them in the browser cache or back-forward cache
            response.setHeader("Cache-Control", "no-store");
        }
        super.service(request, response);
    }
}
