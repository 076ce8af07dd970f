package org.communitykiosk.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.device.DeviceRole;
import org.communitykiosk.core.internal.device.JdbcDeviceRegistry;
import org.communitykiosk.core.testing.TestDatabase;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate in front of a servlet standing for the UI, in Jetty 9.4 (the kiosk's) with a plain connector on loopback
 * (the kiosk's screen) and a TLS connector (devices), over real HTTP, with the real device registry.
 */
class DeviceGateTest {

    @TempDir
    static Path folder;
    private static SSLContext trust;
    private static Path keyStore;

    private TestDatabase db;
    private JdbcDeviceRegistry registry;
    private Server server;
    private int plainPort;
    private int tlsPort;
    private final HttpClient client = HttpClient.newBuilder().sslContext(trust)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /** A key store for 127.0.0.1, made once by the JDK's keytool, as a centre would install one. */
    @BeforeAll
    static void keys() throws Exception {
        keyStore = folder.resolve("devices.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "kiosk", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", "secret").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), output);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, "secret".toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        trust = SSLContext.getInstance("TLS");
        trust.init(null, factory.getTrustManagers(), null);
    }

    @AfterAll
    static void noMore() {
        trust = null;
    }

    @BeforeEach
    void start() throws Exception {
        db = new TestDatabase();
        registry = new JdbcDeviceRegistry(db.transactions(), db.migrations(), db.auditLog(), db.settings(),
                db.clock(), new SecureRandom());
        DeviceGate gate = new DeviceGate(registry);
        gate.bindSettings(db.settings());

        server = new Server();
        ServerConnector plain = new ServerConnector(server);
        plain.setHost("127.0.0.1");
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keyStore.toString());
        ssl.setKeyStorePassword("secret");
        ssl.setKeyStoreType("PKCS12");
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector tls = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        tls.setHost("127.0.0.1");
        server.addConnector(plain);
        server.addConnector(tls);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.addFilter(new FilterHolder(gate), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new Ui()), "/*");
        server.setHandler(context);
        server.start();
        plainPort = plain.getLocalPort();
        tlsPort = tls.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        db.close();
    }

    /** Stands for the kiosk's UI: says where the request came from, as the gate marked it, and keeps a session. */
    static final class Ui extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (!DeviceGate.passed(request)) {
                response.sendError(500, "not through the gate");
                return;
            }
            HttpSession session = request.getSession(true);
            response.setContentType("text/plain");
            response.getWriter().print("UI for " + DeviceGate.device(request).map(d -> "device " + d.name())
                    .orElse("the screen") + (session.isNew() ? ", new session" : ", same session"));
        }
    }

    private HttpResponse<String> get(boolean device, String path, String... headers) throws Exception {
        return send(device, "GET", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    private HttpResponse<String> send(boolean device, String method, String path, HttpRequest.BodyPublisher body,
            String... headers) throws Exception {
        URI uri = URI.create((device ? "https://127.0.0.1:" + tlsPort : "http://127.0.0.1:" + plainPort) + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, body).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> enrol(String code, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(true, "POST", "/kiosk/enrol", HttpRequest.BodyPublishers.ofString("code=" + code), all);
    }

    private String newCode(String name, DeviceRole role) {
        return registry.createPairingCode(name, role, Actor.staff("admin")).code();
    }

    private static String credential(HttpResponse<?> enrolled) {
        String cookie = enrolled.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(DeviceGate.CREDENTIAL_COOKIE + "=")).findFirst().orElseThrow();
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    private static String session(HttpResponse<?> answer) {
        String cookie = answer.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session: " + answer.headers()));
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static void assertHeaders(HttpResponse<?> answer) {
        assertEquals(Optional.of("nosniff"), answer.headers().firstValue("X-Content-Type-Options"));
        assertEquals(Optional.of("same-origin"), answer.headers().firstValue("Referrer-Policy"));
        List<String> policies = answer.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), policies.toString());
        assertTrue(policies.get(0).contains("frame-ancestors"), policies.get(0));
        assertFalse(policies.get(0).matches(".*script-src[^;]*unsafe-inline.*"), policies.get(0));
    }

    @Test
    void theKioskScreenPassesWithTheHeadersAndAFreshNonceEachTime() throws Exception {
        HttpResponse<String> first = get(false, "/kiosk/");
        assertEquals(200, first.statusCode());
        assertEquals("UI for the screen, new session", first.body());
        assertHeaders(first);
        String policy = first.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.matches(".*script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'unsafe-eval';.*"), policy);
        assertNotEquals(policy, get(false, "/kiosk/").headers().firstValue("Content-Security-Policy").orElseThrow(),
                "a nonce per answer");
    }

    @Test
    void aBrowserOverTlsWithoutCredentialGetsTheEnrolmentPageOnly() throws Exception {
        for (String path : List.of("/", "/kiosk/", "/kiosk/VAADIN/build/indexhtml.js", "/kiosk/?v-r=init",
                "/kiosk/enrol/", "/kiosk/enrol/kiosk-ca.crt", "/kiosk/enrolment")) {
            HttpResponse<String> answer = get(true, path);
            assertEquals(403, answer.statusCode(), path);
            assertTrue(answer.body().contains("id=\"enrol-form\""), path + ": " + answer.body());
            assertFalse(answer.body().contains("UI for"), path);
            assertTrue(answer.headers().allValues("set-cookie").isEmpty(), path + " made no session, set no cookie");
            assertTrue(answer.headers().firstValue("Content-Security-Policy").orElseThrow()
                    .startsWith("default-src 'none'"), "the enrolment page's own policy");
        }
        HttpResponse<String> uidl = send(true, "POST", "/kiosk/?v-r=uidl&v-uiId=0",
                HttpRequest.BodyPublishers.ofString("{}"), "Content-Type", "application/json");
        assertEquals(403, uidl.statusCode());
        HttpResponse<String> page = get(true, "/kiosk/enrol", "Accept-Language", "en-GB,en;q=0.8");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().startsWith("<!DOCTYPE html>\n<html lang=\"en\""), page.body());
        assertFalse(page.body().contains("<script"), "no script on the enrolment page");
        assertTrue(get(true, "/kiosk/enrol").body().contains("<html lang=\"zh-CN\""), "the kiosk's language else");
        // a scanned QR code's address fills the field with the code's digits, nothing else
        assertTrue(get(true, "/kiosk/enrol?code=1234%205678%22%3E%3Cscript%3E").body()
                .contains("value=\"12345678\""));
    }

    @Test
    void aPairingCodeGivesTheDeviceACredentialThatPasses() throws Exception {
        String code = newCode("Booth 1", DeviceRole.BOOTH);
        HttpResponse<String> enrolled = enrol(code);
        assertEquals(303, enrolled.statusCode(), enrolled.body());
        assertEquals(Optional.of("/kiosk/"), enrolled.headers().firstValue("Location"));
        String cookie = enrolled.headers().allValues("set-cookie").get(0);
        assertTrue(cookie.matches("__Host-kiosk-device=[A-Za-z0-9_-]{43}; Max-Age=34560000; Path=/; Secure; "
                + "HttpOnly; SameSite=Strict"), cookie);
        String credential = DeviceGate.CREDENTIAL_COOKIE + "=" + credential(enrolled);
        HttpResponse<String> ui = get(true, "/kiosk/", "Cookie", credential);
        assertEquals("UI for device Booth 1, new session", ui.body());
        assertHeaders(ui);
        // the enrolment page for an enrolled device: its home
        assertEquals(303, get(true, "/kiosk/enrol", "Cookie", credential).statusCode());
        // the same code once more: refused, and no credential
        HttpResponse<String> again = enrol(code);
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("data-problem=\"device.code.used\""), again.body());
        assertTrue(again.headers().allValues("set-cookie").isEmpty());
    }

    @Test
    void refusedCredentialsAreClearedAndSayWhy() throws Exception {
        String credential = credential(enrol(newCode("Booth", DeviceRole.BOOTH)));
        HttpResponse<String> forged = get(true, "/kiosk/", "Cookie",
                DeviceGate.CREDENTIAL_COOKIE + "=" + "A".repeat(43));
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("data-problem=\"device.credential.unknown\""), forged.body());
        assertTrue(forged.headers().allValues("set-cookie").contains(DeviceGate.CREDENTIAL_COOKIE
                + "=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Strict"));
        // two different credentials at once (one planted beside the real one): neither counts
        HttpResponse<String> two = get(true, "/kiosk/", "Cookie", DeviceGate.CREDENTIAL_COOKIE + "=" + credential
                + "; " + DeviceGate.CREDENTIAL_COOKIE + "=" + "B".repeat(43));
        assertEquals(403, two.statusCode());
        registry.revoke(registry.devices().get(0).id(), Actor.staff("admin"));
        HttpResponse<String> revoked = get(true, "/kiosk/", "Cookie", DeviceGate.CREDENTIAL_COOKIE + "=" + credential);
        assertEquals(403, revoked.statusCode());
        assertTrue(revoked.body().contains("data-problem=\"device.credential.revoked\""), revoked.body());
    }

    @Test
    void aSessionOfTheScreenPresentedByADeviceIsEnded() throws Exception {
        String screenSession = session(get(false, "/kiosk/"));
        assertEquals("UI for the screen, same session", get(false, "/kiosk/", "Cookie", screenSession).body());
        String credential = DeviceGate.CREDENTIAL_COOKIE + "=" + credential(enrol(newCode("Tablet",
                DeviceRole.STAFF_TABLET)));
        HttpResponse<String> stolen = get(true, "/kiosk/", "Cookie", credential + "; " + screenSession);
        assertEquals("UI for device Tablet, new session", stolen.body(), "not the screen's session");
        assertEquals("UI for the screen, new session", get(false, "/kiosk/", "Cookie", screenSession).body(),
                "and the session whose id was shown elsewhere is over");
        // a device's own session goes on
        String deviceSession = session(stolen);
        assertEquals("UI for device Tablet, same session",
                get(true, "/kiosk/", "Cookie", credential + "; " + deviceSession).body());
        // ... but not on the screen
        assertEquals("UI for the screen, new session", get(false, "/kiosk/", "Cookie", deviceSession).body());
    }

    @Test
    void wrongCodesAreThrottledAndMalformedOnesAreNotCounted() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertEquals(400, enrol("12").statusCode(), "malformed: refused, not counted");
        }
        for (int i = 0; i < EnrolmentThrottle.PER_CLIENT; i++) {
            assertEquals(400, enrol(String.format("%08d", i)).statusCode());
        }
        HttpResponse<String> throttled = enrol(newCode("Booth", DeviceRole.BOOTH));
        assertEquals(429, throttled.statusCode());
        assertTrue(throttled.body().contains("data-problem=\"device.code.tooMany\""));
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() throws Exception {
        String code = newCode("Booth", DeviceRole.BOOTH);
        assertEquals(403, enrol(code, "Origin", "https://attacker.example").statusCode());
        assertEquals(303, enrol(code, "Origin", "https://127.0.0.1:" + tlsPort).statusCode(), "the code is unused");
    }
}
