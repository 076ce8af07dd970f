package org.communitykiosk.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.communitykiosk.api.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publishers whose plugin archives this kiosk installs: one X.509 certificate per file ({@code .crt} or
 * {@code .pem}, PEM or DER) in {@code etc/kiosk-publishers/}. The distribution ships the folder empty: a publisher is
 * trusted only after an admin added its certificate, having compared the fingerprint shown with the one the
 * publisher gave by another way (printed, by phone).
 */
final class Publishers {

    /** A trusted publisher as staff see it. */
    record Publisher(String name, String fingerprint, Path file, X509Certificate certificate) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Publishers.class);

    private final Path folder;

    Publishers(Path folder) {
        this.folder = folder;
    }

    /** The certificates in the folder; a file that is not one is left out (and logged). */
    List<X509Certificate> certificates() {
        return list().stream().map(Publisher::certificate).toList();
    }

    List<Publisher> list() {
        List<Publisher> publishers = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return publishers;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Publishers::certificateFile).sorted().toList()) {
                read(file).ifPresentOrElse(c -> publishers.add(new Publisher(name(c), fingerprint(c), file, c)),
                        () -> LOG.warn("{} is not a certificate; its publisher is not trusted", file));
            }
        } catch (IOException e) {
            LOG.warn("cannot read the trusted publishers in {}: {}", folder, e.toString());
        }
        return publishers;
    }

    /**
     * Reads a certificate offered for trust, without trusting it yet.
     *
     * @throws InvalidInputException {@code plugins.publishers.error.notCertificate}
     */
    static Publisher inspect(Path file) {
        X509Certificate certificate = read(file)
                .orElseThrow(() -> InvalidInputException.of(null, "plugins.publishers.error.notCertificate"));
        return new Publisher(name(certificate), fingerprint(certificate), file, certificate);
    }

    /** Trusts the publisher of the certificate file (checked again here); written whole or not at all. */
    Publisher add(Path file) throws IOException {
        Publisher publisher = inspect(file);
        Files.createDirectories(folder);
        Path target = folder.resolve(publisher.fingerprint().substring(0, 16) + ".crt");
        Path temporary = Files.createTempFile(folder, ".publisher-", ".tmp");
        try {
            Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return new Publisher(publisher.name(), publisher.fingerprint(), target, publisher.certificate());
    }

    /** Stops trusting the publisher with that fingerprint; archives already imported stay. */
    boolean remove(String fingerprint) throws IOException {
        boolean removed = false;
        for (Publisher publisher : list()) {
            if (publisher.fingerprint().equals(fingerprint)) {
                removed |= Files.deleteIfExists(publisher.file());
            }
        }
        return removed;
    }

    /** SHA-256 of the certificate's encoding, as hex pairs separated by colons (as keytool and browsers show it). */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot take the fingerprint of " + certificate.getSubjectX500Principal(), e);
        }
    }

    static String name(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    private static boolean certificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".crt") || name.endsWith(".pem"));
    }

    private static Optional<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.size(file) > 64 * 1024) {
                return Optional.empty(); // a certificate is a few kilobytes
            }
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            return certificate instanceof X509Certificate x509 ? Optional.of(x509) : Optional.empty();
        } catch (IOException | CertificateException e) {
            return Optional.empty();
        }
    }
}
