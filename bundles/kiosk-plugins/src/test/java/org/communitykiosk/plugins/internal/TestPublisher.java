package org.communitykiosk.plugins.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import jdk.security.jarsigner.JarSigner;

/** A plugin publisher's key made with the JDK's keytool, signing archives as jarsigner does. */
final class TestPublisher {

    private static final char[] PASSWORD = "publisher-test".toCharArray();

    final X509Certificate certificate;
    private final PrivateKey key;
    private final List<? extends java.security.cert.Certificate> chain;

    private TestPublisher(X509Certificate certificate, PrivateKey key,
            List<? extends java.security.cert.Certificate> chain) {
        this.certificate = certificate;
        this.key = key;
        this.chain = chain;
    }

    static TestPublisher create(Path dir, String name) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass",
                new String(PASSWORD), "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + name + ", O=Community Kiosk tests", "-validity", "3650").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        return new TestPublisher((X509Certificate) keys.getCertificate(name), (PrivateKey) keys.getKey(name, PASSWORD),
                List.of(keys.getCertificateChain(name)));
    }

    /** A signed copy of the archive, next to it. */
    Path sign(Path archive) throws Exception {
        Path signed = archive.resolveSibling("signed-" + archive.getFileName());
        JarSigner signer = new JarSigner.Builder(key, CertificateFactory.getInstance("X.509").generateCertPath(chain))
                .build();
        try (ZipFile zip = new ZipFile(archive.toFile()); OutputStream out = Files.newOutputStream(signed)) {
            signer.sign(zip, out);
        }
        return signed;
    }

    /** The certificate as a PEM file, as a publisher hands it to a community centre. */
    Path certificateFile(Path dir) throws Exception {
        Path file = dir.resolve(certificate.getSubjectX500Principal().getName().replaceAll("\\W", "_") + ".pem");
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        return file;
    }

}
