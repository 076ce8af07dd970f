package org.communitykiosk.ui.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.erasure.DemoResidents;
import org.communitykiosk.api.resident.CardReads;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.StaffSignIn;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
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
import com.vaadin.flow.server.VaadinRequest;
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
// immediate: Pax Web releases the servlet when it restarts the context, which must not dispose this component (and
// the endpoint it registered)
@Component(service = Servlet.class, immediate = true, property = {
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

    private static final String SERVER_CONTAINER = "javax.websocket.server.ServerContainer";
    private static final long RESTART_WAIT_NANOS = 20_000_000_000L;
    private static final long POLL_WAIT_NANOS = 5_000_000_000L;

    private final transient Shell shell;
    private final transient BundleContext bundleContext;
    private final transient StartingPage startingPage = new StartingPage(new Translations(), "Vaadin not started");
    private final transient AtomicReference<ServiceRegistration<?>> webSocketEndpoint = new AtomicReference<>();
    private transient volatile boolean endpointRequested;
    private transient volatile ServletConfig pendingConfig;
    private transient volatile long endpointRegisteredAt;
    private transient volatile boolean vaadinStarted;
    private final transient Object startedSignal = new Object();
    private final transient ScheduledExecutorService timer;
    private transient volatile KioskSettings settings;

    private final transient DeviceSessions deviceSessions;

    /**
     * Not a reference to the {@link DeviceGate}: this component must not be rebuilt when the gate is (Pax Web would
     * restart the kiosk context and its Vaadin, see {@link #init}); it serves nothing that did not come through the
     * gate instead ({@link #service}). The device sessions are a component of their own with no references, which
     * lives as long as this bundle.
     */
    @Activate
    public KioskServlet(BundleContext bundleContext, @Reference PluginCatalog plugins,
            @Reference Identification identification, @Reference CardReads cardReads,
            @Reference StaffSignIn staffSignIn, @Reference AuditLog audit, @Reference DemoResidents demo,
            @Reference DeviceSessions deviceSessions) {
        this.bundleContext = bundleContext;
        this.deviceSessions = deviceSessions;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kiosk-ui-timer");
            thread.setDaemon(true);
            return thread;
        });
        shell = new Shell(() -> settings, plugins, new Translations(), identification, cardReads, staffSignIn, timer,
                audit, new MonotonicClock(), demo);
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
        unregisterWebSocketEndpoint();
        synchronized (startedSignal) {
            startedSignal.notifyAll();
        }
    }

    private void unregisterWebSocketEndpoint() {
        ServiceRegistration<?> endpoint = webSocketEndpoint.getAndSet(null);
        if (endpoint != null) {
            try {
                endpoint.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered with the stopping bundle
            }
        }
    }

    /**
     * Pax Web gives a whiteboard context Jetty's JSR-356 container only with a WebSocket endpoint of its own, and
     * Atmosphere (Vaadin push) can use it only when the Vaadin servlet initialises during a context start that
     * includes the endpoint: registered into a started context, it cannot learn its mapping and its endpoints never
     * reach Jetty's upgrade filter, and push falls back to long polling (in which an open session saw a new tile 9 s
     * late and a staff tap was lost). An endpoint arriving at a started context makes Pax Web restart the context. So
     * the first init only registers the endpoint and answers with the starting page; Pax Web's restart calls init
     * again, and only then does Vaadin start. No browser gets a page from a Vaadin that is about to be restarted.
     */
    @Override
    public void init(ServletConfig config) throws ServletException {
        if (endpointRequested && config.getServletContext().getAttribute(SERVER_CONTAINER) != null) {
            synchronized (this) {
                // the long-polling fallback below may have started it meanwhile
                if (!vaadinStarted) {
                    initVaadin(config);
                }
            }
            return;
        }
        if (endpointRequested) {
            // seen once (2026-12-03) before a start that stayed on the starting page: the restart for the endpoint
            // came without Jetty's WebSocket container; this says so, for the next time
            LOG.warn("the kiosk context restarted without a WebSocket container; Vaadin waits for another restart, or"
                    + " starts on long polling at the first request after 20 s");
        }
        pendingConfig = config;
        if (!endpointRequested) {
            // set before the registration: Pax Web's restart calls init again while the registration is under way
            endpointRequested = true;
            endpointRegisteredAt = System.nanoTime();
            // not on Pax Web's own thread, which is calling this: the registration waits for that thread
            timer.execute(this::registerWebSocketEndpoint);
        }
    }

    private void registerWebSocketEndpoint() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("org.ops4j.pax.web.http.whiteboard.websocket", Boolean.TRUE);
        properties.put("osgi.http.whiteboard.context.select", KioskContext.SELECT);
        try {
            webSocketEndpoint.set(bundleContext.registerService(Object.class, new JettyWebSocketEnabler(), properties));
            timer.schedule(this::startUnlessRestarted, RESTART_WAIT_NANOS, TimeUnit.NANOSECONDS);
        } catch (IllegalStateException | RejectedExecutionException stopping) {
            // the bundle is stopping: nothing to start any more
        }
        // deactivated meanwhile: its unregistration found nothing yet
        if (timer.isShutdown()) {
            unregisterWebSocketEndpoint();
        }
    }

    private void startUnlessRestarted() {
        try {
            startWithoutRestart();
        } catch (ServletException | RuntimeException e) {
            LOG.error("the kiosk UI could not start", e);
        }
    }

    @Override
    public void destroy() {
        if (vaadinStarted) {
            vaadinStarted = false;
            super.destroy();
        }
    }

    private void initVaadin(ServletConfig config) throws ServletException {
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
                    routes.setRoute(DeviceRefusedView.ROUTE, DeviceRefusedView.class, MainLayout.class);
                }
            }
            super.init(config);
            vaadinStarted = true;
            pendingConfig = null;
            synchronized (startedSignal) {
                startedSignal.notifyAll();
            }
            LOG.info("kiosk UI ready (production mode {}, WebSocket container {})",
                    getService().getDeploymentConfiguration().isProductionMode(),
                    servletContext.getAttribute(SERVER_CONTAINER) != null);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Whether Vaadin serves requests. Should Pax Web not restart the context for the endpoint, the kiosk must still
     * come up, with push by long polling: {@link #RESTART_WAIT_NANOS} after the endpoint's registration, on the timer
     * (a kiosk nobody looks at yet must be ready when somebody does) or at the first request after that time.
     */
    private boolean vaadinReady() throws ServletException {
        if (vaadinStarted) {
            return true;
        }
        if (pendingConfig == null || System.nanoTime() - endpointRegisteredAt < RESTART_WAIT_NANOS) {
            return false;
        }
        startWithoutRestart();
        return vaadinStarted;
    }

    private synchronized void startWithoutRestart() throws ServletException {
        ServletConfig config = pendingConfig;
        if (!vaadinStarted && config != null) {
            LOG.warn("the kiosk context was not restarted for the WebSocket endpoint; push falls back to long polling");
            initVaadin(config);
        }
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration)
            throws ServiceException {
        KioskVaadinService service = new KioskVaadinService(this, configuration, shell);
        service.init();
        service.setBootstrapInitialPredicate(KioskServlet::isHomeScreen);
        service.addSessionInitListener(event -> {
            // where the session runs is fixed now, from the request that made it (the gate marked it)
            SessionState state = SessionState.create(event.getSession(), settings.kioskId(), settings.defaultLocale(),
                    event.getRequest());
            state.device().ifPresent(device -> deviceSessions.opened(device, event.getSession()));
            // the server's own idle logout, for every session from its first request to its end
            IdleWatch.start(shell, event.getSession(), shell.idleClock());
            event.getSession().setErrorHandler(error -> {
                LOG.error("unexpected error in a kiosk screen", error.getThrowable());
                if (com.vaadin.flow.component.UI.getCurrent() != null) {
                    Notification.show(shell.translations().text(SessionState.of(event.getSession(),
                            settings.kioskId(), settings.defaultLocale()).locale(), "shell.error.unexpected"), 5000,
                            Notification.Position.MIDDLE);
                }
            });
        });
        service.addSessionDestroyListener(event -> {
            IdleWatch.find(event.getSession()).ifPresent(IdleWatch::stop);
            deviceSessions.closed(event.getSession());
        });
        return service;
    }

    /**
     * Whether the first response for a page carries the whole screen (Vaadin's eager server load) instead of a
     * bootstrap that asks for it in two more round trips: for the home screen, the one a kiosk opens when it starts and
     * shows between residents. Deep links keep the two-step bootstrap: eagerly loaded, staff screens and the refusal
     * page did not render (2026-11-23).
     */
    private static boolean isHomeScreen(VaadinRequest request) {
        String path = request.getPathInfo();
        return path == null || path.equals("/");
    }

    /**
     * The starting page's question "is the home screen there?", held open until it is (at most
     * {@link #POLL_WAIT_NANOS}): the page loads the home screen the moment Vaadin has started instead of at its next
     * poll, and no home screen is built only to be thrown away (the home screen's first response carries the whole
     * screen, see {@link #isHomeScreen}).
     */
    private void answerPoll(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        long deadline = System.nanoTime() + POLL_WAIT_NANOS;
        while (!vaadinReady() && !timer.isShutdown()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            synchronized (startedSignal) {
                if (!vaadinStarted) {
                    try {
                        startedSignal.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
        if (vaadinStarted) {
            response.setHeader("Cache-Control", "no-store");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            startingPage.write(request, response);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!DeviceGate.passed(request)) {
            // the gate is not in front of the context yet (the first moment of a start): nothing of the UI until it is
            startingPage.write(request, response);
            return;
        }
        if (request.getHeader(StartingPage.POLL_HEADER) != null) {
            answerPoll(request, response);
            return;
        }
        if (!vaadinReady()) {
            startingPage.write(request, response);
            return;
        }
        // a sign-out without a request of its own (the idle timeout) asked for a new session id
        SessionIds.renewIfAsked(request);
        String path = request.getPathInfo();
        if (path == null || !path.startsWith("/VAADIN/")) {
            // pages may show personal data: never keep them in the browser cache or back-forward cache
            response.setHeader("Cache-Control", "no-store");
        }
        super.service(request, response);
    }
}
