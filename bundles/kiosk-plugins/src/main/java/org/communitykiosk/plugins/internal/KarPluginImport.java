package org.communitykiosk.plugins.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.karaf.features.FeaturesService;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditLog;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports plugin archives: checks each ({@link KarArchive}: signed by a trusted publisher, {@link Publishers}), unpacks its features repository into its own folder under
 * {@code ${karaf.data}/kar} (a place Karaf's Maven resolver reads: {@code etc/org.ops4j.pax.url.mvn.cfg}) and adds
 * the repository to Karaf's features service, which keeps it across restarts. Karaf's own archive service is never
 * given the file (see {@link KarArchive} for why). Only archives whose plugin features are {@code install="manual"}
 * are accepted, so an import never installs anything by itself. Import folders: {@code ${karaf.home}/import} and USB
 * sticks mounted below {@code /media} (up to three levels deep).
 */
@Component(service = PluginImport.class)
public final class KarPluginImport implements PluginImport {

    static final String AUDIT_ACTION = "plugins.import";
    static final String PUBLISHER_ACTION = "plugins.publisher";
    /** The folders of imported archives below {@code data/kar} start with this (Karaf's own archives never do). */
    static final String FOLDER_PREFIX = "kiosk-";
    private static final String STAGING_PREFIX = ".kiosk-import-";

    private static final Logger LOG = LoggerFactory.getLogger(KarPluginImport.class);

    /** Karaf's features repositories, as far as an import changes them. */
    interface Repositories {
        void add(URI uri) throws Exception;

        void remove(URI uri) throws Exception;
    }

    private final Repositories repositories;
    private final AuditLog audit;
    private final Supplier<Version> platform;
    private final List<Path> folders;
    private final Path kars;
    private final Publishers publishers;

    @Activate
    public KarPluginImport(@Reference(name = "features") FeaturesService features,
            @Reference(name = "audit") AuditLog audit) {
        this(new Repositories() {
            @Override
            public void add(URI uri) throws Exception {
                features.addRepository(uri);
            }

            @Override
            public void remove(URI uri) throws Exception {
                features.removeRepository(uri);
            }
        }, audit, KarafFeatureCatalog::pluginApiVersion,
                List.of(Path.of(System.getProperty("karaf.home", ".")).resolve("import"), Path.of("/media")),
                Path.of(System.getProperty("karaf.data", "data")).resolve("kar"),
                new Publishers(Path.of(System.getProperty("karaf.etc", "etc")).resolve("kiosk-publishers")));
    }

    KarPluginImport(Repositories repositories, AuditLog audit, Supplier<Version> platform, List<Path> folders,
            Path kars, Publishers publishers) {
        this.repositories = repositories;
        this.publishers = publishers;
        this.audit = audit;
        this.platform = platform;
        this.folders = List.copyOf(folders);
        this.kars = kars.toAbsolutePath();
        removeStaging();
    }

    @Override
    public synchronized List<String> importArchive(Path file, String displayName, Actor actor) {
        String subject = "kar:" + displayName;
        Path staging = kars.resolve(STAGING_PREFIX + UUID.randomUUID());
        KarArchive.Contents contents;
        Path folder;
        try {
            contents = KarArchive.unpack(file, platform.get(), publishers.certificates(), staging);
            // named by what was unpacked, so that the same archive imported again finds its folder
            folder = kars.resolve(FOLDER_PREFIX + fingerprint(staging));
            if (Files.isDirectory(folder)) {
                deleteTree(staging);
            } else {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (InvalidInputException refused) {
            deleteTree(staging);
            audit.record(actor, AUDIT_ACTION, subject, "refused: " + refused.problems().get(0).key());
            throw refused;
        } catch (IOException e) {
            deleteTree(staging);
            LOG.warn("cannot unpack the plugin archive {}", displayName, e);
            audit.record(actor, AUDIT_ACTION, subject, "failed: " + e.getClass().getSimpleName());
            throw InvalidInputException.of(null, "plugins.kar.error.karaf", displayName);
        }
        List<URI> added = new ArrayList<>();
        try {
            for (String repository : contents.repositories()) {
                URI uri = folder.resolve(repository).toUri();
                repositories.add(uri);
                added.add(uri);
            }
        } catch (Exception e) {
            LOG.warn("Karaf refused the features of the plugin archive {}", displayName, e);
            for (URI uri : added) {
                try {
                    repositories.remove(uri);
                } catch (Exception again) {
                    LOG.warn("cannot remove the features repository {} again", uri, again);
                }
            }
            audit.record(actor, AUDIT_ACTION, subject, "failed: " + e.getClass().getSimpleName());
            throw InvalidInputException.of(null, "plugins.kar.error.karaf", displayName);
        }
        audit.record(actor, AUDIT_ACTION, subject, "ok " + String.join(",", contents.pluginFeatures()));
        return contents.pluginFeatures();
    }

    /** SHA-256 over the unpacked files' paths and bytes, in path order; 16 bytes of it as hex. */
    private static String fingerprint(Path folder) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(folder.relativize(path).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(path));
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    /** What an import stopped by a crash or power cut left half-written. */
    private void removeStaging() {
        if (!Files.isDirectory(kars)) {
            return;
        }
        try (Stream<Path> children = Files.list(kars)) {
            children.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX))
                    .forEach(KarPluginImport::deleteTree);
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", kars, e.toString());
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", root, e.toString());
        }
    }

    @Override
    public List<Path> offered() {
        return offered(".kar");
    }

    @Override
    public List<Publishers.Publisher> publishers() {
        return publishers.list();
    }

    @Override
    public List<Path> offeredCertificates() {
        return offered(".crt", ".pem");
    }

    @Override
    public synchronized Publishers.Publisher trust(Path certificate, Actor actor) {
        try {
            Publishers.Publisher added = publishers.add(certificate);
            audit.record(actor, PUBLISHER_ACTION, "publisher:" + added.fingerprint(), "trusted " + added.name());
            return added;
        } catch (InvalidInputException refused) {
            audit.record(actor, PUBLISHER_ACTION, "file:" + certificate.getFileName(), "refused: not a certificate");
            throw refused;
        } catch (IOException e) {
            LOG.warn("cannot write the trusted publisher from {}", certificate, e);
            throw InvalidInputException.of(null, "plugins.publishers.error.failed");
        }
    }

    @Override
    public synchronized void distrust(String fingerprint, Actor actor) {
        try {
            if (publishers.remove(fingerprint)) {
                audit.record(actor, PUBLISHER_ACTION, "publisher:" + fingerprint, "no longer trusted");
            }
        } catch (IOException e) {
            LOG.warn("cannot remove the trusted publisher {}", fingerprint, e);
            throw InvalidInputException.of(null, "plugins.publishers.error.failed");
        }
    }

    private List<Path> offered(String... suffixes) {
        List<Path> found = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.find(folder, 4, (path, attributes) -> attributes.isRegularFile()
                    && Stream.of(suffixes).anyMatch(path.toString().toLowerCase(Locale.ROOT)::endsWith))) {
                files.sorted().forEach(found::add);
            } catch (IOException | RuntimeException e) {
                LOG.debug("import folder {} cannot be read: {}", folder, e.toString());
            }
        }
        return found;
    }
}
