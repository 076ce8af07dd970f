package org.communitykiosk.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * An HTTP client that shows a test every status, header and byte as the kiosk sent them (no redirects followed, no
 * headers merged), and keeps cookies as a browser would. Two kinds:
 * <ul>
 * <li>{@link #screen}: the kiosk's own browser, plain HTTP to 127.0.0.1 on the UI port;</li>
 * <li>{@link #device}: a tablet or PC on the centre's LAN. It connects to 127.0.0.2 (a second loopback address
 * standing for another machine; Linux routes all of 127/8 to the loopback interface) on the device connector, over
 * TLS, trusting only the certificate authority the kiosk made for itself ({@code etc/tls/kiosk-ca.crt}): the chain
 * is checked, the host name is not (the kiosk's certificate names its host and real addresses, not 127.0.0.2).</li>
 * </ul>
 * Used by the attack tests as an attacker's own client would be used: one request per connection
 * ({@code Connection: close}), HTTP/1.1.
 */
final class WebClient {

    private final String host;
    private final int port;
    private final SSLContext tls;
    private final String from;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private WebClient(String host, int port, SSLContext tls, String from) {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.from = from;
    }

    /** The kiosk's own screen: plain HTTP over loopback. */
    static WebClient screen(KioskProcess kiosk) {
        return new WebClient("127.0.0.1", kiosk.ports().http(), null, null);
    }

    /** A device on the LAN: TLS to 127.0.0.2 on the device connector, trusting the kiosk's own authority. */
    static WebClient device(KioskProcess kiosk) {
        return device(kiosk, null);
    }

    /** A device whose connection leaves from the given loopback address (a second machine of the LAN). */
    static WebClient device(KioskProcess kiosk, String from) {
        return new WebClient("127.0.0.2", kiosk.ports().https(), trusting(kiosk.home().resolve("etc/tls/kiosk-ca.crt")),
                from);
    }

    /** TLS trusting only the certificates in this PEM file. */
    static SSLContext trusting(Path pem) {
        if (!Files.exists(pem)) {
            throw new AssertionError("the kiosk made no certificate for devices: " + pem + " does not exist");
        }
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("kiosk-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new AssertionError("cannot read the kiosk's certificate " + pem, e);
        }
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    WebClient cookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    WebClient forget(String name) {
        cookies.remove(name);
        return this;
    }

    Response get(String path, String... headers) throws IOException {
        return send("GET", path, null, null, headers);
    }

    Response post(String path, String contentType, String body, String... headers) throws IOException {
        return send("POST", path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A form post, {@code application/x-www-form-urlencoded}; values are encoded here. */
    Response postForm(String path, Map<String, String> fields, String... headers) throws IOException {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return post(path, "application/x-www-form-urlencoded", body.toString(), headers);
    }

    /**
     * One request on its own connection. {@code headers} are name, value pairs; cookies kept by this client are sent
     * unless a {@code Cookie} header is given. Set-Cookie of the answer updates the kept cookies.
     */
    Response send(String method, String path, String contentType, byte[] body, String... headers) throws IOException {
        try (Socket socket = open()) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder();
            request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            request.append("Host: ").append(host).append(':').append(port).append("\r\n");
            request.append("Connection: close\r\n");
            boolean cookieGiven = false;
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
                cookieGiven |= headers[i].equalsIgnoreCase("Cookie");
            }
            if (!cookieGiven && !cookies.isEmpty()) {
                request.append("Cookie: ");
                request.append(String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .toList()));
                request.append("\r\n");
            }
            if (body != null) {
                request.append("Content-Type: ").append(contentType).append("\r\n");
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            Response response = Response.read(socket.getInputStream(), method.equals("HEAD"));
            for (String set : response.headers("set-cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String name = pair.substring(0, eq).trim();
                    String value = pair.substring(eq + 1).trim();
                    boolean expired = set.toLowerCase(Locale.ROOT).contains("max-age=0")
                            || set.toLowerCase(Locale.ROOT).contains("expires=thu, 01-jan-1970") || value.isEmpty();
                    if (expired) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
            }
            return response;
        }
    }

    /** A connection as this client makes one (TLS handshake done for a device). */
    Socket open() throws IOException {
        Socket plain = new Socket();
        if (from != null) {
            plain.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        }
        plain.connect(new InetSocketAddress(InetAddress.getByName(host), port), 10_000);
        if (tls == null) {
            return plain;
        }
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        // the chain is checked against the kiosk's authority; 127.0.0.2 is not among the names the certificate gives
        parameters.setEndpointIdentificationAlgorithm(null);
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** An answer as the kiosk sent it: header names in lower case, the body de-chunked. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        static Response read(InputStream in, boolean head) throws IOException {
            String statusLine = line(in);
            if (statusLine == null || !statusLine.startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, List<String>> headers = new TreeMap<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
            byte[] body;
            if (head || status == 101 || status == 204 || status == 304) {
                body = new byte[0];
            } else if (headers.getOrDefault("transfer-encoding", List.of()).stream()
                    .anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                    out.write(in.readNBytes(size));
                    line(in);
                }
                body = out.toByteArray();
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length").get(0)));
            } else {
                body = in.readAllBytes();
            }
            return new Response(status, headers, body);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    line.write(c);
                }
            }
            return c == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        Optional<String> header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        /** The Set-Cookie header that sets this cookie, if any. */
        Optional<String> setCookie(String name) {
            return headers("set-cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + headers + " " + (text.length() > 400 ? text.substring(0, 400) + "..." : text);
        }
    }
}
