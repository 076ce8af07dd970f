package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Threat: anyone on the centre's Wi-Fi or LAN. Before issue 16 the kiosk's UI listened on every interface over plain
 * HTTP: anyone on the network could open every public screen, sign staff in (and sniff their passwords), read what
 * residents do, and fill the heap with sessions. Now the plain-HTTP UI listens on loopback only (the kiosk's own
 * browser), and other machines reach the kiosk only over TLS on the device connector, where a browser that an admin
 * has not enrolled (a one-time pairing code turned into a device credential) sees the enrolment page and nothing
 * else, and an enrolled device sees only the screens of its role.
 * <p>
 * The attacker is a client at 127.0.0.2, a second loopback address standing for another machine ({@link WebClient});
 * it uses its own HTTP client, sees every status and header, and forges what a browser would not send. The kiosk is
 * the real distribution started by {@code bin/karaf} (so {@code bin/kiosk-jvm} makes its certificate), on this
 * class's own ports. Pairing codes and revocations come from the technician's shell ({@code kiosk:device-*}); the
 * clock is moved by the shell probe's {@code probe:clockshift} (a higher-ranked Clock service).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackNetworkIT {

    static final KioskProcess.Ports PORTS = new KioskProcess.Ports(18981, 18901, 11999, 45345, 19043);
    static final String CREDENTIAL = "__Host-kiosk-device";
    static final String PROBE = "mvn:org.communitykiosk/kiosk-test-shell-probe/" + System.getProperty("kiosk.version");
    private static final Pattern CODE = Pattern.compile("pairing code (\\d{4}) (\\d{4})");
    /** What only a page of the Vaadin UI carries (the index page's bootstrap, the init request's JSON). */
    private static final List<String> VAADIN_MARKERS = List.of("window.Vaadin", "VAADIN/build", "\"appConfig\"",
            "\"uidl\"", "vaadin-push");

    static KioskProcess kiosk;
    /** Answers of the kiosk's starting page, seen while the kiosk started. */
    static final List<WebClient.Response> STARTING = Collections.synchronizedList(new ArrayList<>());
    static boolean shippedWithoutKeys;

    @BeforeAll
    static void start() throws IOException {
        Path root = Paths.get(System.getProperty("kiosk.runDirectory", "target/kiosk-browser"))
                .resolveSibling("kiosk-attack-network");
        kiosk = KioskProcess.unpack(root, PORTS);
        // a distribution must never ship a key: every kiosk makes its own on its first start
        shippedWithoutKeys = !Files.exists(kiosk.home().resolve("etc/tls"));
        AtomicBoolean started = new AtomicBoolean();
        Thread watcher = new Thread(() -> watchStartingPages(started), "starting-page-watcher");
        watcher.setDaemon(true);
        watcher.start();
        try {
            kiosk.start();
        } finally {
            started.set(true);
        }
        String installed = kiosk.shell("bundle:install -s " + PROBE);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!kiosk.shell("probe:clockshift 0").contains("clock shifted by 0")) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the shell probe did not come up: " + installed);
            }
            KioskServer.sleep(250);
        }
    }

    /** Asks for the home screen while the kiosk starts, keeping each starting page it is given. */
    private static void watchStartingPages(AtomicBoolean started) {
        WebClient screen = WebClient.screen(kiosk);
        while (!started.get()) {
            try {
                WebClient.Response answer = screen.get("/kiosk/");
                if (answer.header("X-Kiosk-Starting").isPresent()) {
                    STARTING.add(answer);
                } else if (answer.status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            KioskServer.sleep(30);
        }
    }

    @AfterAll
    static void stop() {
        if (kiosk != null) {
            kiosk.kill();
        }
    }

    @Test
    @Order(1)
    void theUiPortTakesNoConnectionFromTheNetwork() throws IOException {
        // the kiosk's own browser: loopback, plain HTTP, the home screen
        WebClient.Response home = WebClient.screen(kiosk).get("/kiosk/");
        assertEquals(200, home.status(), home.toString());
        assertTrue(VAADIN_MARKERS.stream().anyMatch(home.text()::contains), "the kiosk screen gets the UI");
        // another address of the machine: nothing listens there (before: Jetty on 0.0.0.0 answered on every one)
        for (String address : addressesOfThisMachine()) {
            try (Socket socket = new Socket()) {
                assertThrows(ConnectException.class,
                        () -> socket.connect(new InetSocketAddress(address, PORTS.http()), 5_000),
                        "the UI port refuses a connection to " + address);
            }
        }
        // plain HTTP on the device connector gets no page either: it speaks TLS only
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.2", PORTS.https()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /kiosk/ HTTP/1.0\r\nHost: kiosk\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(readSome(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            assertFalse(answer.startsWith("HTTP/1.1 200") || answer.contains("window.Vaadin"),
                    "plain HTTP on the device port: " + answer);
        }
    }

    /** 127.0.0.2 always (another machine of the LAN), and this machine's own non-loopback addresses. */
    private static List<String> addressesOfThisMachine() throws IOException {
        List<String> addresses = new ArrayList<>(List.of("127.0.0.2"));
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof java.net.Inet4Address) {
                        addresses.add(address.getHostAddress());
                    }
                }
            }
        }
        return addresses;
    }

    private static byte[] readSome(InputStream in) {
        byte[] buffer = new byte[4096];
        try {
            int n = in.read(buffer);
            return n <= 0 ? new byte[0] : java.util.Arrays.copyOf(buffer, n);
        } catch (IOException closed) {
            return new byte[0];
        }
    }

    @Test
    @Order(2)
    void withoutACredentialOnlyTheEnrolmentPageAnswers() throws IOException {
        String staticFile = staticFileOfTheUi();
        Map<String, String[]> attempts = new LinkedHashMap<>();
        attempts.put("GET /", new String[] {"GET", "/"});
        attempts.put("GET /kiosk/", new String[] {"GET", "/kiosk/"});
        attempts.put("staff sign-in", new String[] {"GET", "/kiosk/staff"});
        attempts.put("a staff screen", new String[] {"GET", "/kiosk/residents"});
        attempts.put("a booth", new String[] {"GET", "/kiosk/deliberation/vote/1"});
        attempts.put("Vaadin init", new String[] {"GET", "/kiosk/?v-r=init&location=staff&query="});
        attempts.put("UIDL", new String[] {"POST", "/kiosk/?v-r=uidl&v-uiId=0"});
        attempts.put("heartbeat", new String[] {"POST", "/kiosk/?v-r=heartbeat&v-uiId=0"});
        attempts.put("static bundle", new String[] {"GET", staticFile});
        attempts.put("static through a dot-dot", new String[] {"GET", "/kiosk/enrol/../" + staticFile.substring(7)});
        attempts.put("push", new String[] {"GET", "/kiosk/VAADIN/push?v-uiId=0&v-pushId=x&X-Atmosphere-Transport=long-polling"});
        attempts.put("the enrolment path's neighbour", new String[] {"GET", "/kiosk/enrolx"});
        for (Map.Entry<String, String[]> attempt : attempts.entrySet()) {
            WebClient attacker = WebClient.device(kiosk);
            String method = attempt.getValue()[0];
            WebClient.Response answer = method.equals("POST")
                    ? attacker.post(attempt.getValue()[1], "application/json; charset=UTF-8",
                            "{\"csrfToken\":\"x\",\"rpc\":[],\"syncId\":0,\"clientId\":0}")
                    : attacker.get(attempt.getValue()[1]);
            assertEquals(403, answer.status(), attempt.getKey() + ": " + answer);
            assertEnrolmentPageOnly(attempt.getKey(), answer);
        }
        // the context without its slash: Jetty's own redirect to it (before any servlet), nothing else
        WebClient.Response bare = WebClient.device(kiosk).get("/kiosk");
        assertEquals(302, bare.status(), bare.toString());
        assertEquals("https://127.0.0.2:" + PORTS.https() + "/kiosk/", bare.header("Location").orElse(""));
        assertEquals("", bare.text());
        assertSecurityHeaders("Jetty's redirect to /kiosk/", bare);
        // the WebSocket upgrade of Vaadin push is refused too
        WebClient.Response upgrade = WebClient.device(kiosk).get(
                "/kiosk/VAADIN/push?v-uiId=0&v-pushId=x&X-Atmosphere-Transport=websocket", "Upgrade", "websocket",
                "Connection", "Upgrade", "Sec-WebSocket-Version", "13", "Sec-WebSocket-Key",
                "dGhlIHNhbXBsZSBub25jZQ==");
        assertNotEquals(101, upgrade.status(), "push upgrade: " + upgrade);
        assertEnrolmentPageOnly("push upgrade", upgrade);
        // the page itself, in both languages
        WebClient.Response page = WebClient.device(kiosk).get("/kiosk/enrol");
        assertEquals(200, page.status(), page.toString());
        assertEnrolmentPageOnly("the enrolment page", page);
        assertTrue(page.text().contains("<html lang=\"zh-CN\""), "Chinese first: " + page.text());
        WebClient.Response english = WebClient.device(kiosk).get("/kiosk/enrol?lang=en");
        assertTrue(english.text().contains("<html lang=\"en\""), english.text());
        assertTrue(english.text().contains("pairing code"), english.text());
        // the kiosk's authority, to install on a tablet
        WebClient.Response authority = WebClient.device(kiosk).get("/kiosk/enrol/kiosk-ca.crt");
        assertEquals(200, authority.status(), authority.toString());
        assertTrue(authority.text().contains("-----BEGIN CERTIFICATE-----"), authority.text());
    }

    private static void assertEnrolmentPageOnly(String what, WebClient.Response answer) {
        String body = answer.text();
        for (String marker : VAADIN_MARKERS) {
            assertFalse(body.contains(marker), what + " shows " + marker + ": " + answer);
        }
        assertFalse(answer.header("content-type").orElse("").contains("javascript"), what + ": " + answer);
        assertTrue(answer.setCookie("JSESSIONID").isEmpty(), what + " made a session: " + answer);
        if (!body.isEmpty()) {
            assertTrue(body.contains("id=\"enrol-form\""), what + " is not the enrolment page: " + answer);
        }
        assertSecurityHeaders(what, answer);
    }

    /** A file of the UI's production bundle, as the kiosk screen's page names it. */
    private static String staticFileOfTheUi() throws IOException {
        String page = WebClient.screen(kiosk).get("/kiosk/").text();
        Matcher file = Pattern.compile("(VAADIN/build/[\\w.-]+\\.js)").matcher(page);
        assertTrue(file.find(), "the kiosk screen's page names its bundle: " + page);
        String path = "/kiosk/" + file.group(1);
        WebClient.Response loopback = WebClient.screen(kiosk).get(path);
        assertEquals(200, loopback.status(), "the kiosk screen gets " + path);
        return path;
    }

    @Test
    @Order(3)
    void aPairingCodeEnrolsOneDeviceOnce() throws IOException {
        String code = pairingCode("booth-once", "booth");
        WebClient booth = WebClient.device(kiosk);
        WebClient.Response enrolled = enrol(booth, code);
        assertEquals(303, enrolled.status(), enrolled.toString());
        assertEquals("/kiosk/", enrolled.header("Location").orElse(""));
        String cookie = enrolled.setCookie(CREDENTIAL).orElseThrow(() -> new AssertionError("no credential"));
        String lower = cookie.toLowerCase();
        assertTrue(lower.contains("; secure") && lower.contains("; httponly") && lower.contains("samesite=strict")
                && lower.contains("path=/") && !lower.contains("domain="), cookie);
        assertTrue(booth.cookie(CREDENTIAL).orElseThrow().length() >= 43, "a long random credential: " + cookie);
        // the device now gets the UI, and its session cookie is for TLS only
        WebClient.Response home = booth.get("/kiosk/");
        assertEquals(200, home.status(), home.toString());
        assertTrue(VAADIN_MARKERS.stream().anyMatch(home.text()::contains), home.toString());
        String session = home.setCookie("JSESSIONID").orElseThrow(() -> new AssertionError("no session: " + home));
        assertTrue(session.toLowerCase().contains("; secure") && session.toLowerCase().contains("; httponly"),
                session);
        assertTrue(devices().contains("booth-once"), devices());

        // the same code again, from another device: refused, and nothing changed
        WebClient second = WebClient.device(kiosk);
        WebClient.Response again = enrol(second, code);
        assertRefused(again, "device.code.used");
        assertTrue(second.cookie(CREDENTIAL).isEmpty());
        assertEquals(1, count(devices(), "booth-once"), devices());
        // in English too
        WebClient.Response english = second.postForm("/kiosk/enrol?lang=en", Map.of("code", code));
        assertTrue(english.text().contains("already been used"), english.text());
    }

    @Test
    @Order(4)
    void malformedAndUnknownCodesChangeNothing() throws IOException {
        String code = pairingCode("booth-bad-input", "booth");
        for (String bad : List.of("", "abc", "1234", "123456789", "12 34 56 7x", "'; DROP TABLE kiosk_device --",
                "１２３４５６７８", "9".repeat(10_000))) {
            assertRefused(enrol(WebClient.device(kiosk), bad), "device.code.malformed");
        }
        String unknown = code.equals("00000000") ? "00000001" : "00000000";
        assertRefused(enrol(WebClient.device(kiosk), unknown), "device.code.unknown");
        // a form without the field, and a post of something else
        assertRefused(WebClient.device(kiosk).postForm("/kiosk/enrol", Map.of("other", "1")), "device.code.malformed");
        assertFalse(devices().contains("booth-bad-input"));
        // the real code still works: nothing was used up
        assertEquals(303, enrol(WebClient.device(kiosk), code.substring(0, 4) + "-" + code.substring(4)).status());
    }

    @Test
    @Order(5)
    void anExpiredCodeAndAClockJumpAreRefused() throws IOException {
        String code = pairingCode("booth-clock", "booth");
        try {
            // eleven minutes later: expired
            assertTrue(kiosk.shell("probe:clockshift 11").contains("clock shifted by 11"));
            assertRefused(enrol(WebClient.device(kiosk), code), "device.code.expired");
            // the clock set back before the code was made: not valid either
            assertTrue(kiosk.shell("probe:clockshift -5").contains("clock shifted by -5"));
            assertRefused(enrol(WebClient.device(kiosk), code), "device.code.notYetValid");
        } finally {
            kiosk.shell("probe:clockshift 0");
        }
        assertFalse(devices().contains("booth-clock"));
        // back to the real time, the code is within its ten minutes and unused: nothing above changed it
        assertEquals(303, enrol(WebClient.device(kiosk), code).status());
    }

    @Test
    @Order(6)
    void forgedCredentialsGetTheEnrolmentPage() throws IOException {
        WebClient real = enrolled("booth-forgery", "booth");
        String credential = real.cookie(CREDENTIAL).orElseThrow();
        char last = credential.charAt(credential.length() - 1);
        List<String> forgeries = List.of(
                "A".repeat(43),
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]),
                credential.substring(0, credential.length() - 1),
                credential.substring(0, credential.length() - 1) + (last == 'A' ? 'B' : 'A'),
                credential + "A",
                "\"" + credential + "\"",
                "1 OR 1=1",
                "x".repeat(5000));
        for (String forged : forgeries) {
            WebClient attacker = WebClient.device(kiosk).cookie(CREDENTIAL, forged);
            WebClient.Response answer = attacker.get("/kiosk/");
            assertEquals(403, answer.status(), forged + ": " + answer);
            assertEnrolmentPageOnly("forged " + forged, answer);
            assertTrue(answer.text().contains("data-problem=\"device.credential.unknown\""), answer.toString());
            // and the browser is told to forget it
            String cleared = answer.setCookie(CREDENTIAL).orElseThrow(() -> new AssertionError("not cleared"));
            assertTrue(cleared.toLowerCase().contains("max-age=0"), cleared);
        }
        // the real one still works
        assertEquals(200, real.get("/kiosk/").status());
    }

    @Test
    @Order(7)
    void aRevokedDeviceIsRefusedAtItsNextRequest() throws IOException {
        WebClient booth = enrolled("booth-revoked", "booth");
        WebClient.Response home = booth.get("/kiosk/");
        assertEquals(200, home.status());
        assertTrue(booth.cookie("JSESSIONID").isPresent());
        WebClient.Response init = booth.get("/kiosk/?v-r=init&location=&query=");
        assertEquals(200, init.status(), init.toString());
        String revoked = kiosk.shell("kiosk:device-revoke " + deviceId("booth-revoked"));
        assertTrue(revoked.contains("revoked"), revoked);
        // its next request, with its credential and its open session: the enrolment page, saying why (and telling
        // the browser to forget the credential; an attacker replaying it gets the same answer)
        String credential = booth.cookie(CREDENTIAL).orElseThrow();
        for (String path : List.of("/kiosk/", "/kiosk/?v-r=init&location=&query=")) {
            WebClient.Response answer = booth.cookie(CREDENTIAL, credential).get(path);
            assertEquals(403, answer.status(), path + ": " + answer);
            assertEnrolmentPageOnly("revoked " + path, answer);
            assertTrue(answer.text().contains("data-problem=\"device.credential.revoked\""), answer.toString());
        }
        assertTrue(devices().lines().anyMatch(l -> l.contains("booth-revoked") && l.contains("revoked")), devices());
    }

    @Test
    @Order(8)
    void aBoothShowsOnlyTheScreensOfItsRole() throws IOException {
        WebClient booth = enrolled("booth-roles", "booth");
        for (String location : List.of("staff", "signin", "residents", "audit", "plugins", "points", "deliberation",
                "deliberation/triage", "deliberation/meeting", "deliberation/checkin/1", "bloodpressure")) {
            String screen = screenAt(booth, location);
            assertTrue(screen.contains("device-refused"), "booth at " + location + ": " + screen);
            assertFalse(screen.contains("staff-password") || screen.contains("signin-phone"), location);
        }
        assertTrue(screenAt(booth, "deliberation/vote/1").contains("vote-booth"), "the booth's own screen");
        String home = screenAt(booth, "");
        assertFalse(home.contains("pin-signin") || home.contains("staff-signin-button") || home.contains("tile-points"),
                "the booth's home offers nothing of other roles: " + home);
        // a staff tablet may sign staff in
        WebClient tablet = enrolled("tablet-roles", "staff-tablet");
        assertTrue(screenAt(tablet, "staff").contains("staff-password"), "a staff tablet signs staff in");
        assertTrue(screenAt(tablet, "signin").contains("device-refused"), "no resident PIN sign-in on a tablet");
        // the projector sees its screen only
        WebClient projector = enrolled("projector-roles", "projector");
        assertTrue(screenAt(projector, "deliberation/screen/1").contains("\"projector\"")
                || screenAt(projector, "deliberation/screen/1").contains("deliberation-meeting-missing"));
        assertTrue(screenAt(projector, "deliberation/vote/1").contains("device-refused"));
    }

    /**
     * The screen a client gets at a location, as Vaadin's client asks for it: the init request makes the UI, then the
     * client's {@code connectClient} call (a UIDL request with the UI's CSRF token) navigates to the location; the
     * answer lists the screen's elements with their ids.
     */
    private static String screenAt(WebClient client, String location) throws IOException {
        WebClient.Response init = client.get("/kiosk/?v-r=init&location="
                + java.net.URLEncoder.encode(location, StandardCharsets.UTF_8) + "&query=");
        assertEquals(200, init.status(), location + ": " + init);
        Matcher key = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"").matcher(init.text());
        Matcher ui = Pattern.compile("\"v-uiId\":(\\d+)").matcher(init.text());
        assertTrue(key.find() && ui.find(), init.text());
        String connect = "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[{\"type\":\"publishedEventHandler\","
                + "\"node\":1,\"templateEventMethodName\":\"connectClient\",\"templateEventMethodArgs\":"
                + "[\"flow-container-kiosk\",\"flow-container-kiosk\",\"" + location + "\",\"\",\"\",null],"
                + "\"promise\":0}],\"syncId\":0,\"clientId\":0}";
        WebClient.Response screen = client.post("/kiosk/?v-r=uidl&v-uiId=" + ui.group(1),
                "application/json; charset=UTF-8", connect);
        assertEquals(200, screen.status(), location + ": " + screen);
        return screen.text();
    }

    @Test
    @Order(9)
    void enrolmentAttemptsAreThrottled() throws IOException {
        // a client guessing codes (from its own address, 127.0.0.3): after ten wrong codes in a minute, it is told to
        // wait, whatever it sends
        int refused = 0;
        int throttled = 0;
        for (int i = 0; i < 14; i++) {
            WebClient.Response answer = enrol(WebClient.device(kiosk, "127.0.0.3"), String.format("%08d", 1000 + i));
            if (answer.status() == 429) {
                throttled++;
                assertTrue(answer.text().contains("data-problem=\"device.code.tooMany\""), answer.toString());
            } else {
                refused++;
            }
        }
        assertEquals(10, refused, "ten guesses are answered");
        assertEquals(4, throttled, "then the client waits");
        // another device is not held up by it
        assertEquals(303, enrol(WebClient.device(kiosk), pairingCode("booth-after-guesses", "booth")).status());
    }

    @Test
    @Order(10)
    void everyResponseCarriesTheSecurityHeaders() throws IOException {
        WebClient screen = WebClient.screen(kiosk);
        String staticFile = staticFileOfTheUi();
        Map<String, WebClient.Response> answers = new LinkedHashMap<>();
        WebClient.Response redirect = screen.get("/");
        assertEquals(302, redirect.status());
        answers.put("root redirect", redirect);
        answers.put("home page", screen.get("/kiosk/"));
        answers.put("deep link", screen.get("/kiosk/bulletin"));
        answers.put("static file", screen.get(staticFile));
        WebClient.Response missing = screen.get("/kiosk/VAADIN/build/missing.js");
        assertEquals(404, missing.status());
        answers.put("missing static file", missing);
        answers.put("init", screen.get("/kiosk/?v-r=init&location=&query="));
        synchronized (STARTING) {
            for (int i = 0; i < STARTING.size(); i++) {
                answers.put("starting page " + i, STARTING.get(i));
            }
        }
        answers.forEach(AttackNetworkIT::assertSecurityHeaders);
        answers.clear();
        answers.put("enrolment page", WebClient.device(kiosk).get("/kiosk/enrol"));
        answers.put("refused device", WebClient.device(kiosk).get("/kiosk/"));
        WebClient booth = enrolled("booth-headers", "booth");
        answers.put("device page", booth.get("/kiosk/"));
        answers.put("device static file", booth.get(staticFile));
        answers.forEach(AttackNetworkIT::assertSecurityHeaders);
        System.out.println("AttackNetworkIT: starting pages seen while the kiosk started: " + STARTING.size());
    }

    /** The headers every answer carries, whichever servlet (or none) made it. */
    static void assertSecurityHeaders(String what, WebClient.Response answer) {
        assertEquals("nosniff", answer.header("X-Content-Type-Options").orElse(null), what + ": " + answer.headers());
        String referrer = answer.header("Referrer-Policy").orElse("");
        assertTrue(Set.of("no-referrer", "same-origin", "strict-origin").contains(referrer),
                what + " Referrer-Policy: " + answer.headers());
        String csp = answer.header("Content-Security-Policy").orElse("");
        assertTrue(csp.matches(".*frame-ancestors '(self|none)'.*"), what + " CSP frame-ancestors: " + csp);
        assertTrue(csp.contains("default-src"), what + " CSP default-src: " + csp);
        String scripts = directive(csp, "script-src").orElse(directive(csp, "default-src").orElse(""));
        assertFalse(scripts.contains("'unsafe-inline'") || scripts.contains("*") || scripts.contains("http:")
                || scripts.contains("data:"), what + " CSP scripts: " + csp);
        assertEquals(1, answer.headers("Content-Security-Policy").size(), what + ": one policy");
    }

    private static java.util.Optional<String> directive(String csp, String name) {
        for (String part : csp.split(";")) {
            String trimmed = part.trim();
            if (trimmed.startsWith(name + " ")) {
                return java.util.Optional.of(trimmed);
            }
        }
        return java.util.Optional.empty();
    }

    @Test
    @Order(11)
    void theKioskMadeItsOwnCertificateAndShippedNone() throws Exception {
        assertTrue(shippedWithoutKeys, "the distribution ships no etc/tls");
        Path tls = kiosk.home().resolve("etc/tls");
        for (String file : List.of("devices.p12", "devices.pass")) {
            assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(tls.resolve(file)), file + " is for the kiosk's user only");
        }
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(tls));
        // the key store holds the kiosk's key and nothing that could sign another certificate
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.resolve("devices.p12"))) {
            keys.load(in, Files.readString(tls.resolve("devices.pass")).toCharArray());
        }
        List<String> keyEntries = Collections.list(keys.aliases()).stream().filter(a -> {
            try {
                return keys.isKeyEntry(a);
            } catch (java.security.KeyStoreException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(1, keyEntries.size(), "one key: " + keyEntries);
        // what the device connector presents: the kiosk's certificate, issued by the authority a tablet installs
        X509Certificate[] chain;
        try (SSLSocket socket = (SSLSocket) WebClient.device(kiosk).open()) {
            chain = (X509Certificate[]) socket.getSession().getPeerCertificates();
        }
        X509Certificate leaf = chain[0];
        X509Certificate authority;
        try (InputStream in = Files.newInputStream(tls.resolve("kiosk-ca.crt"))) {
            Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509").generateCertificates(in);
            authority = (X509Certificate) all.iterator().next();
        }
        leaf.verify(authority.getPublicKey());
        assertEquals(-1, leaf.getBasicConstraints(), "the kiosk's own certificate is no authority");
        assertTrue(authority.getBasicConstraints() >= 0, "the authority is one");
        assertTrue(leaf.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "for TLS servers");
        long days = Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()).toDays();
        assertTrue(days <= 825, "tablets refuse server certificates valid longer than 825 days: " + days);
        List<String> names = new ArrayList<>();
        for (List<?> name : leaf.getSubjectAlternativeNames()) {
            names.add(name.get(1).toString());
        }
        assertTrue(names.contains(InetAddress.getLocalHost().getHostName()), "the host name: " + names);
        for (String address : addressesOfThisMachine()) {
            if (!address.startsWith("127.")) {
                assertTrue(names.contains(address), address + " in " + names);
            }
        }
        // a restart keeps the certificate: devices that trust it go on trusting it
        String fingerprint = fingerprint(leaf);
        kiosk.stop();
        kiosk.start();
        try (SSLSocket socket = (SSLSocket) WebClient.device(kiosk).open()) {
            assertEquals(fingerprint, fingerprint((X509Certificate) socket.getSession().getPeerCertificates()[0]));
        }
    }

    @Test
    @Order(12)
    void aDeviceConnectorThatCannotStartLeavesTheKioskScreenUp() throws IOException {
        Path keys = kiosk.home().resolve("etc/tls/devices.p12");
        byte[] good = Files.readAllBytes(keys);
        kiosk.stop();
        try {
            // a damaged key store (a centre's own, badly converted)
            Files.write(keys, "not a key store".getBytes(StandardCharsets.US_ASCII));
            kiosk.start();
            assertEquals(200, WebClient.screen(kiosk).get("/kiosk/").status(), "the kiosk screen works");
            assertThrows(IOException.class, () -> WebClient.device(kiosk).get("/kiosk/enrol"),
                    "no device connector");
            assertTrue(karafLog().contains("device connector"), "the log says why");
            kiosk.stop();
            // the device port taken by another program
            Files.write(keys, good);
            try (ServerSocket taken = new ServerSocket()) {
                taken.bind(new InetSocketAddress("0.0.0.0", PORTS.https()));
                kiosk.start();
                assertEquals(200, WebClient.screen(kiosk).get("/kiosk/").status(), "the kiosk screen works");
            }
        } finally {
            Files.write(keys, good);
        }
    }

    // --- helpers

    private static String karafLog() throws IOException {
        return Files.readString(kiosk.home().resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
    }

    private static String pairingCode(String name, String role) {
        String output = kiosk.shell("kiosk:device-code " + name + " " + role);
        Matcher code = CODE.matcher(output);
        if (!code.find()) {
            fail("kiosk:device-code printed no pairing code: " + output);
        }
        return code.group(1) + code.group(2);
    }

    private static WebClient.Response enrol(WebClient device, String code) throws IOException {
        return device.postForm("/kiosk/enrol", Map.of("code", code));
    }

    /** A device enrolled with a new code, holding its credential. */
    private static WebClient enrolled(String name, String role) throws IOException {
        WebClient device = WebClient.device(kiosk);
        WebClient.Response answer = enrol(device, pairingCode(name, role));
        assertEquals(303, answer.status(), answer.toString());
        return device;
    }

    private static void assertRefused(WebClient.Response answer, String problem) {
        assertEquals(400, answer.status(), problem + ": " + answer);
        assertTrue(answer.text().contains("data-problem=\"" + problem + "\""), problem + ": " + answer);
        assertTrue(answer.setCookie(CREDENTIAL).isEmpty(), "no credential given: " + answer);
        assertEnrolmentPageOnly(problem, answer);
    }

    private static String devices() {
        return kiosk.shell("kiosk:devices");
    }

    private static long deviceId(String name) {
        Matcher row = Pattern.compile("(?m)^\\s*(\\d+)\\s+" + Pattern.quote(name) + "\\s").matcher(devices());
        assertTrue(row.find(), "device " + name + " in " + devices());
        return Long.parseLong(row.group(1));
    }

    private static int count(String text, String word) {
        return text.split(Pattern.quote(word), -1).length - 1;
    }

    private static String fingerprint(X509Certificate certificate) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }
}
