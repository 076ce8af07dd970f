package org.communitykiosk.core.internal.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key store a kiosk makes for its device connector on its first start (what bin/kiosk-jvm runs). */
class DeviceCertificateTest {

    @TempDir
    Path etc;

    @Test
    void theKioskGetsAKeyACertificateForItsNamesAndAnAuthorityThatSignsNothingElse() throws Exception {
        Path tls = etc.resolve("tls");
        new DeviceCertificate(tls, "kiosk-7", "community-kiosk", List.of(InetAddress.getByName("192.168.1.20"),
                InetAddress.getByName("127.0.0.1"), InetAddress.getByName("fd00::2"))).create();

        assertEquals(List.of("devices.p12", "devices.pass", "kiosk-ca.crt"), files(tls), "and nothing else");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls)));
        for (String file : files(tls)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve(file))),
                    file);
        }
        String password = Files.readString(tls.resolve("devices.pass"));
        assertTrue(password.matches("[A-Za-z0-9_-]{32}"), "a random password, no newline: " + password);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.resolve("devices.p12"))) {
            store.load(in, password.toCharArray());
        }
        List<String> aliases = Collections.list(store.aliases());
        assertEquals(List.of("kiosk"), aliases, "one entry: the kiosk's key (the authority's key was thrown away)");
        assertTrue(store.isKeyEntry("kiosk"));
        Certificate[] chain = store.getCertificateChain("kiosk");
        assertEquals(2, chain.length, "the kiosk's certificate and its authority");
        X509Certificate leaf = (X509Certificate) chain[0];
        X509Certificate authority;
        try (InputStream in = Files.newInputStream(tls.resolve("kiosk-ca.crt"))) {
            authority = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertArrayEquals(authority.getEncoded(), chain[1].getEncoded(), "the file a tablet installs is the issuer");
        leaf.verify(authority.getPublicKey());
        authority.verify(authority.getPublicKey());
        assertEquals(0, authority.getBasicConstraints(), "an authority for end certificates only (path length 0)");
        assertEquals(-1, leaf.getBasicConstraints(), "the kiosk's certificate is none");
        assertTrue(leaf.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "for TLS servers");
        assertEquals("EC", leaf.getPublicKey().getAlgorithm());
        assertTrue(authority.getSubjectX500Principal().getName().contains("kiosk-7"));
        long days = Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()).toDays();
        assertTrue(days <= 825, "Apple's devices refuse server certificates valid longer: " + days);
        List<String> names = new ArrayList<>();
        for (List<?> name : leaf.getSubjectAlternativeNames()) {
            names.add(name.get(1).toString());
        }
        assertTrue(names.containsAll(List.of("community-kiosk", "community-kiosk.local", "localhost", "192.168.1.20",
                "127.0.0.1")), names.toString());
        assertTrue(names.contains("fd00:0:0:0:0:0:0:2"), names.toString());
    }

    @Test
    void anExistingKeyStoreIsKept() throws Exception {
        Path tls = etc.resolve("tls");
        Files.createDirectories(tls);
        Files.writeString(tls.resolve("devices.p12"), "the centre's own");
        DeviceCertificate.main(new String[] {tls.toString(), "kiosk-1"});
        assertEquals("the centre's own", Files.readString(tls.resolve("devices.p12")));
        assertEquals(List.of("devices.p12"), files(tls));
    }

    @Test
    void anEmptyTlsFolderIsFilled() throws Exception {
        Path tls = etc.resolve("tls");
        Files.createDirectories(tls);
        new DeviceCertificate(tls, "kiosk-1", "kiosk", List.of(InetAddress.getByName("127.0.0.1"))).create();
        assertEquals(List.of("devices.p12", "devices.pass", "kiosk-ca.crt"), files(tls));
        assertFalse(Files.list(etc).anyMatch(p -> p.getFileName().toString().startsWith(".tls-")), "no work folder left");
    }

    @Test
    void namesAreWrittenAsKeytoolTakesThem() throws Exception {
        DeviceCertificate certificate = new DeviceCertificate(etc, "k", "kiosk.centre.example",
                List.of(InetAddress.getByName("10.0.0.5")));
        assertEquals("dns:kiosk.centre.example,dns:localhost,ip:10.0.0.5", certificate.subjectAlternativeNames());
    }

    private static List<String> files(Path folder) throws Exception {
        try (var list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
