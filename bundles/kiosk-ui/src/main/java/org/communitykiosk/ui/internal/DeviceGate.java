package org.communitykiosk.ui.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.device.CredentialCheck;
import org.communitykiosk.api.device.Device;
import org.communitykiosk.api.device.DeviceConnector;
import org.communitykiosk.api.device.DeviceRegistry;
import org.communitykiosk.api.device.Enrolment;
import org.communitykiosk.api.resident.CardReads;
import org.communitykiosk.api.resident.Identification;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.Preprocessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's trust boundary for the network, in front of every servlet of every context (a whiteboard
 * {@link Preprocessor}: it runs before the servlets, their filters and WebSocket upgrades, for every path):
 * <ul>
 * <li>Every answer gets the {@link SecurityHeaders}.</li>
 * <li>Plain HTTP is the kiosk's own screen, and only from loopback (the UI port listens on loopback; should somebody
 * open it to the network, requests from other machines are refused here all the same).</li>
 * <li>TLS is the device connector: a request passes only with the credential of an enrolled device (cookie
 * {@value #CREDENTIAL_COOKIE}). Anything else gets the {@link EnrolmentPage} (403), whatever it asked for: no page of
 * the UI, no UIDL, no static file, no push, and no session is made. The enrolment page itself is
 * {@code GET /kiosk/enrol}; {@code POST /kiosk/enrol} turns a pairing code into a credential
 * ({@link EnrolmentThrottle} limits wrong codes).</li>
 * <li>A session belongs to the place that made it: the kiosk's screen or one device. A session id shown from another
 * place is ended, so that a device cannot take over the screen's session (or another device's).</li>
 * </ul>
 * The place of a request is a request attribute ({@link #DEVICE} or {@link #SCREEN}); the Vaadin servlet serves only
 * requests that passed here ({@link #passed}).
 */
@Component(service = {Preprocessor.class, DeviceGate.class})
public class DeviceGate implements Preprocessor {

    static final String CREDENTIAL_COOKIE = "__Host-kiosk-device";
    /** Request attribute: the enrolled device a request comes from. */
    static final String DEVICE = "org.communitykiosk.device";
    /** Request attribute: the request comes from the kiosk's own screen. */
    static final String SCREEN = "org.communitykiosk.screen";
    /** Session attribute: the place that made the session ({@code screen} or {@code device:<id>}). */
    static final String PLACE = "org.communitykiosk.place";
    /** Chromium keeps a cookie at most 400 days; the credential is set again at page loads, so it keeps going. */
    static final int CREDENTIAL_MAX_AGE = (int) DeviceRegistry.IDLE_LIFETIME.toSeconds();

    private static final Logger LOG = LoggerFactory.getLogger(DeviceGate.class);

    /**
     * Optional and dynamic: the registry is rebuilt with the database (the DataSource comes and goes once as the kiosk
     * starts), and the gate must stay registered meanwhile, refusing devices, rather than leave the contexts without
     * it for a moment.
     */
    private volatile DeviceRegistry registry;
    private final EnrolmentPage page = new EnrolmentPage(new Translations());
    private final EnrolmentThrottle throttle = new EnrolmentThrottle(System::nanoTime);
    private volatile KioskSettings settings;
    private volatile DeviceConnector connector;

    @Activate
    public DeviceGate() {
        // the references are bound by their methods
    }

    /** For tests: a gate with its registry. */
    DeviceGate(DeviceRegistry registry) {
        this.registry = registry;
    }

    @Reference(name = "registry", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRegistry(DeviceRegistry newRegistry) {
        registry = newRegistry;
    }

    void unbindRegistry(DeviceRegistry old) {
        if (registry == old) {
            registry = null;
        }
    }

    @Reference(name = "settings", policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindSettings(KioskSettings newSettings) {
        settings = newSettings;
    }

    void unbindSettings(KioskSettings old) {
        // a mandatory dynamic reference is rebound before it is unbound; keep the newer one
    }

    @Reference(name = "connector", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindConnector(DeviceConnector newConnector) {
        connector = newConnector;
    }

    void unbindConnector(DeviceConnector old) {
        if (connector == old) {
            connector = null;
        }
    }

    /**
     * The key of a place: what a session belongs to here, and what sign-in throttles, PIN budgets and card reads
     * count under. {@link Identification#KIOSK_SCREEN} for the kiosk's own screen ({@code device} {@code null}),
     * {@link CardReads#device} for an enrolled device.
     */
    static String place(Device device) {
        return device == null ? Identification.KIOSK_SCREEN : CardReads.device(device.id());
    }

    /** Whether a request came through the gate (and so has a place): the UI serves no other. */
    static boolean passed(ServletRequest request) {
        return request.getAttribute(DEVICE) != null || Boolean.TRUE.equals(request.getAttribute(SCREEN));
    }

    /** The device of a request that passed the gate; empty for the kiosk's own screen. */
    static Optional<Device> device(ServletRequest request) {
        return request.getAttribute(DEVICE) instanceof Device device ? Optional.of(device) : Optional.empty();
    }

    @Override
    public void init(FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void destroy() {
        // nothing held
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        SecurityHeaders.apply(request, response);
        if (!request.isSecure()) {
            if (loopback(request.getRemoteAddr())) {
                request.setAttribute(SCREEN, Boolean.TRUE);
                pass(request, response, chain, place(null));
            } else {
                refusePlain(response);
            }
            return;
        }
        DeviceRegistry devices = registry;
        if (devices == null) {
            // the moment the registry is rebuilt (the kiosk starting): no device is let in
            busy(response);
            return;
        }
        String path = request.getRequestURI();
        String credential = credential(request);
        CredentialCheck check = credential == null ? null : devices.check(credential);
        Optional<Device> device = check == null ? Optional.empty() : check.accepted();
        if (device.isPresent()) {
            if (path.equals(EnrolmentPage.PATH)) {
                // enrolled already: to its home screen
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", KioskContext.PATH + "/");
                return;
            }
            if (isPageLoad(request)) {
                // the cookie's 400 days start again at every page load of a device in use
                setCredential(response, credential);
            }
            request.setAttribute(DEVICE, device.get());
            pass(request, response, chain, place(device.get()));
            return;
        }
        Problem refused = check == null ? null : Problem.of(null, check.refusal().problemKey());
        if (refused != null) {
            // a credential that is no more (revoked, forged, lapsed): the browser forgets it
            clearCredential(response);
        }
        Locale language = EnrolmentPage.language(request, settings.defaultLocale());
        if (path.equals(EnrolmentPage.PATH) && request.getMethod().equals("POST")) {
            enrol(request, response, language);
        } else if (path.equals(EnrolmentPage.PATH) && isRead(request)) {
            page.write(request, response, HttpServletResponse.SC_OK, language, refused,
                    digits(request.getParameter("code")), authority().isPresent());
        } else if (path.equals(EnrolmentPage.AUTHORITY_PATH) && isRead(request) && authority().isPresent()) {
            response.setContentType("application/x-x509-ca-cert");
            response.setHeader("Content-Disposition", "attachment; filename=\"kiosk-ca.crt\"");
            response.getOutputStream().write(authority().get());
        } else {
            page.write(request, response, HttpServletResponse.SC_FORBIDDEN, language, refused, null,
                    authority().isPresent());
        }
    }

    /** Lets a request of this place through, ending a session that another place made. */
    private static void pass(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String place)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Object owner = safeAttribute(session);
            if (owner != null && !owner.equals(place)) {
                LOG.warn("a session of {} was presented by {}: ended", owner, place);
                invalidate(session);
            }
        }
        chain.doFilter(request, response);
        session = request.getSession(false);
        if (session != null && safeAttribute(session) == null) {
            try {
                session.setAttribute(PLACE, place);
            } catch (IllegalStateException ended) {
                // invalidated meanwhile (a sign-out)
            }
        }
    }

    private void enrol(HttpServletRequest request, HttpServletResponse response, Locale language)
            throws IOException {
        String client = request.getRemoteAddr();
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals("https://" + request.getHeader("Host"))) {
            // a form of another site, posted by this browser: not the device's own doing
            LOG.warn("an enrolment from {} posted by a page of {} was refused", client, origin);
            page.write(request, response, HttpServletResponse.SC_FORBIDDEN, language, null, null,
                    authority().isPresent());
            return;
        }
        if (!throttle.allows(client)) {
            page.write(request, response, 429, language, Problem.of("code", "device.code.tooMany"), null,
                    authority().isPresent());
            return;
        }
        String typed;
        try {
            typed = request.getParameter("code");
        } catch (IllegalStateException tooLarge) {
            // a form beyond the container's size limit: no code in it
            typed = null;
        }
        try {
            DeviceRegistry devices = registry;
            if (devices == null) {
                busy(response);
                return;
            }
            Enrolment enrolment = devices.enrol(typed);
            HttpSession old = request.getSession(false);
            if (old != null) {
                invalidate(old);
            }
            setCredential(response, enrolment.credential());
            LOG.info("device {} ({}) enrolled from {}", enrolment.device().id(), enrolment.device().role().id(),
                    client);
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", KioskContext.PATH + "/");
        } catch (InvalidInputException refused) {
            Problem problem = refused.problems().get(0);
            // a malformed code cannot be a guess that hits; the others count
            if (!problem.key().equals("device.code.malformed")) {
                throttle.wrong(client);
            }
            page.write(request, response, HttpServletResponse.SC_BAD_REQUEST, language, problem, null,
                    authority().isPresent());
        }
    }

    private Optional<byte[]> authority() {
        DeviceConnector current = connector;
        return current == null ? Optional.empty() : current.authorityCertificate();
    }

    /** The device credential the browser sent: the value of the one cookie of that name (none if several differ). */
    static String credential(HttpServletRequest request) {
        String found = null;
        Enumeration<String> headers = request.getHeaders("Cookie");
        while (headers != null && headers.hasMoreElements()) {
            // read here rather than by the container's cookie parser, which drops values it finds malformed: a forged
            // value must be seen to be refused and cleared
            for (String pair : headers.nextElement().split(";")) {
                String trimmed = pair.trim();
                if (trimmed.startsWith(CREDENTIAL_COOKIE + "=")) {
                    String value = trimmed.substring(CREDENTIAL_COOKIE.length() + 1);
                    if (found != null && !found.equals(value)) {
                        return "";
                    }
                    found = value;
                }
            }
        }
        return found;
    }

    private static void setCredential(HttpServletResponse response, String credential) {
        // the __Host- prefix: browsers take it only Secure, for the whole host, from this host itself
        response.addHeader("Set-Cookie", CREDENTIAL_COOKIE + "=" + credential + "; Max-Age=" + CREDENTIAL_MAX_AGE
                + "; Path=/; Secure; HttpOnly; SameSite=Strict");
    }

    private static void clearCredential(HttpServletResponse response) {
        response.addHeader("Set-Cookie", CREDENTIAL_COOKIE + "=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Strict");
    }

    private static boolean isRead(HttpServletRequest request) {
        return request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
    }

    /** A page of the UI loaded by the browser (not one of Vaadin's own requests, not a static file). */
    private static boolean isPageLoad(HttpServletRequest request) {
        String path = request.getRequestURI();
        return request.getMethod().equals("GET") && request.getParameter("v-r") == null
                && !path.startsWith(KioskContext.PATH + "/VAADIN/");
    }

    /** The digits of a code given in the address (a scanned QR code opens the page with it), to fill the field. */
    private static String digits(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = typed.replaceAll("[^0-9]", "");
        return digits.substring(0, Math.min(DeviceRegistry.CODE_DIGITS, digits.length()));
    }

    static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    /** While the registry is not there: a device is asked to come back in a moment. */
    private static void busy(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().print("正在启动，请稍候。Starting, please wait a moment.\n");
    }

    /** Plain HTTP from another machine: only if the UI port was opened to the network by hand. */
    private static void refusePlain(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().print("请使用 https 的设备入口。Devices use the kiosk's https address.\n");
    }

    private static Object safeAttribute(HttpSession session) {
        try {
            return session.getAttribute(PLACE);
        } catch (IllegalStateException ended) {
            return null;
        }
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException ended) {
            // already over
        }
    }
}
