package org.communitykiosk.core.internal.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.communitykiosk.api.device.DeviceConnector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device connector as the admin's devices screen shows it, read from the configuration Pax Web reads it from
 * ({@code etc/org.ops4j.pax.web.cfg}, whose {@code kiosk.devices.*} keys the Jetty file {@code kiosk-devices-jetty.xml}
 * uses) and from the key store itself. Whether the connector runs is asked of the port: a TLS handshake on loopback
 * whose certificate is the key store's (another program on the port would show another one, or none).
 * <p>
 * Immediate, so that a kiosk whose key store cannot be read says so in its log at start, next to Pax Web's own line.
 */
@Component(service = DeviceConnector.class, immediate = true, configurationPid = "org.ops4j.pax.web",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class TlsDeviceConnector implements DeviceConnector {

    /** The keys of Pax Web's configuration this reads (DS maps {@code _} to {@code .}). */
    public @interface Config {
        String kiosk_devices_keystore() default "";

        String kiosk_devices_keystore_password() default "";

        int kiosk_devices_port() default 8443;

        String kiosk_devices_host() default "0.0.0.0";
    }

    private static final Logger LOG = LoggerFactory.getLogger(TlsDeviceConnector.class);
    private static final int PROBE_MILLIS = 2000;

    private volatile Config config;

    @Activate
    public TlsDeviceConnector(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config newConfig) {
        this.config = newConfig;
        try {
            leaf();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warn("the device connector has no usable key store ({}: {}): devices cannot connect; the kiosk's own"
                    + " screen works. See the README, \"Network\"", keyStore(), e.toString());
        }
    }

    @Override
    public boolean running() {
        Optional<String> expected = certificateFingerprint();
        if (expected.isEmpty()) {
            return false;
        }
        String host = config.kiosk_devices_host();
        String address = host.isBlank() || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, config.kiosk_devices_port()), PROBE_MILLIS);
            plain.setSoTimeout(PROBE_MILLIS);
            SSLContext context = SSLContext.getInstance("TLS");
            // the certificate is compared below: trust is not the question here
            context.init(null, new TrustManager[] {new Anything()}, null);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, address,
                    config.kiosk_devices_port(), false)) {
                tls.startHandshake();
                Certificate presented = tls.getSession().getPeerCertificates()[0];
                return expected.get().equals(fingerprint(presented));
            }
        } catch (IOException | GeneralSecurityException notOurs) {
            return false;
        }
    }

    @Override
    public List<URI> addresses() {
        List<URI> addresses = new ArrayList<>();
        int port = config.kiosk_devices_port();
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (network.isUp() && !network.isLoopback()) {
                    for (InetAddress address : Collections.list(network.getInetAddresses())) {
                        // the connector listens on IPv4 (kiosk.devices.host 0.0.0.0); tablets type these
                        if (address instanceof Inet4Address) {
                            addresses.add(URI.create("https://" + address.getHostAddress() + ":" + port
                                    + "/kiosk/enrol"));
                        }
                    }
                }
            }
        } catch (SocketException e) {
            LOG.warn("cannot list the machine's network addresses", e);
        }
        return addresses;
    }

    @Override
    public Optional<String> certificateFingerprint() {
        try {
            return Optional.of(fingerprint(leaf()));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> authorityFingerprint() {
        return authority().map(TlsDeviceConnector::fingerprintOrNull);
    }

    @Override
    public Optional<byte[]> authorityCertificate() {
        Path file = authorityFile();
        try {
            return authority().isPresent() ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The kiosk's own authority ({@code kiosk-ca.crt} beside the key store), if the kiosk made its certificate. */
    private Optional<X509Certificate> authority() {
        Path file = authorityFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private Path authorityFile() {
        Path store = keyStore();
        return store.resolveSibling(DeviceCertificate.AUTHORITY);
    }

    private Path keyStore() {
        return Paths.get(config.kiosk_devices_keystore());
    }

    /** The certificate of the key store's (first) key, as the connector presents it. */
    private Certificate leaf() throws IOException, GeneralSecurityException {
        String password = config.kiosk_devices_keystore_password();
        if (config.kiosk_devices_keystore().isBlank()) {
            throw new IOException("no key store configured (kiosk.devices.keystore)");
        }
        if (password.startsWith("$[")) {
            throw new IOException("the key store's password file was not found (" + password + ")");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore())) {
            store.load(in, password.toCharArray());
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return store.getCertificate(alias);
            }
        }
        throw new IOException("the key store holds no key");
    }

    private static String fingerprintOrNull(Certificate certificate) {
        try {
            return fingerprint(certificate);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** SHA-256 of the certificate, as browsers show it: upper-case hex pairs with colons. */
    static String fingerprint(Certificate certificate) throws GeneralSecurityException {
        String hex = HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256")
                .digest(certificate.getEncoded()));
        return hex.toUpperCase(Locale.ROOT);
    }

    /** Accepts any certificate: used only to see which one the port presents. */
    private static final class Anything implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // not a client
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // compared by fingerprint afterwards
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
