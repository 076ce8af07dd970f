package org.communitykiosk.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.security.CodeSigner;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.communitykiosk.api.InvalidInputException;
import org.osgi.framework.Version;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks a file offered as a plugin archive (a Karaf KAR) and unpacks what it checked; Karaf's own archive service
 * never sees the file. That service copies an archive's {@code resources/} into the Karaf home (an archive could
 * replace {@code etc/users.properties} or drop code into {@code deploy/}), follows a {@code Karaf-Feature-Repos}
 * header, installs every feature not marked manual, and reads the zip by its local headers where this class reads
 * the central directory. So an archive is accepted only when it holds nothing but a features repository under
 * {@code repository/} (and {@code META-INF/}), both directories of the zip name the same entries with the same
 * content, its manifest names no other repository, and its features repositories hold kiosk plugin features only,
 * none of the platform's, each {@code install="manual"} (importing only adds it to the list: installing goes through
 * the plugin manager's checks), made of bundles from Maven locations only (no configuration files, configurations or
 * libraries written into Karaf at install) and compatible with this platform's plugin API.
 */
final class KarArchive {

    private static final String REPOSITORY = "repository/";
    /** The files of a jar signature, which the signature itself does not cover. */
    private static final Pattern SIGNATURE_FILE = Pattern.compile(
            "META-INF/(MANIFEST\\.MF|[^/]+\\.(SF|RSA|DSA|EC)|SIG-[^/]+)", Pattern.CASE_INSENSITIVE);
    /** The elements a plugin feature may hold: its bundles, plugins it needs, a description. */
    private static final Set<String> FEATURE_CONTENT = Set.of("feature", "bundle", "details");

    /**
     * What a valid archive offers: its plugin features, and its features repositories as paths below its
     * {@code repository/} folder (where {@link #unpack} puts them).
     */
    record Contents(List<String> pluginFeatures, List<String> repositories) {
        Contents {
            pluginFeatures = List.copyOf(pluginFeatures);
            repositories = List.copyOf(repositories);
        }
    }

    private KarArchive() {
    }

    /** Checks the archive; changes nothing. */
    static Contents inspect(Path file, Version platform, Collection<X509Certificate> publishers) {
        return read(file, platform, publishers, null);
    }

    /**
     * Checks the archive and writes its {@code repository/} folder, the checked bytes from the same reading, into
     * {@code target} (which must not exist; on a refusal it is left missing or incomplete for the caller to delete).
     */
    static Contents unpack(Path file, Version platform, Collection<X509Certificate> publishers, Path target) {
        return read(file, platform, publishers, target);
    }

    private static Contents read(Path file, Version platform, Collection<X509Certificate> publishers, Path target) {
        // verify: reading an entry whose bytes differ from the signed manifest's digest throws SecurityException
        try (JarFile zip = new JarFile(file.toFile(), true)) {
            List<ZipEntry> entries = zip.stream().map(ZipEntry.class::cast).toList();
            checkNames(entries);
            sameInBothDirectories(file, zip, entries);
            checkSignature(zip, entries, publishers);
            checkManifest(zip);
            List<String> plugins = new ArrayList<>();
            List<String> repositories = new ArrayList<>();
            for (ZipEntry entry : entries) {
                if (entry.isDirectory() || !entry.getName().startsWith(REPOSITORY)
                        || !entry.getName().endsWith(".xml")) {
                    continue;
                }
                Optional<Element> features = featuresRoot(zip, entry);
                if (features.isPresent()) {
                    repositories.add(entry.getName().substring(REPOSITORY.length()));
                    plugins.addAll(pluginFeatures(zip, features.get(), platform));
                }
            }
            if (repositories.isEmpty()) {
                throw refused("plugins.kar.error.noRepository");
            }
            if (plugins.isEmpty()) {
                throw refused("plugins.kar.error.noPlugin");
            }
            if (target != null) {
                write(zip, entries, target);
            }
            return new Contents(plugins, repositories);
        } catch (ZipException e) {
            throw refused("plugins.kar.error.notZip");
        } catch (IOException e) {
            throw refused("plugins.kar.error.unreadable");
        }
    }

    /** Only {@code repository/} and {@code META-INF/}, each name once, none leading out of its folder. */
    private static void checkNames(List<ZipEntry> entries) {
        Set<String> seen = new HashSet<>();
        for (ZipEntry entry : entries) {
            String name = entry.getName();
            boolean inPlace = name.startsWith(REPOSITORY) || name.startsWith("META-INF/");
            String path = entry.isDirectory() && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            boolean plain = !name.contains("\\") && !name.contains(":") && Arrays.stream(path.split("/", -1))
                    .noneMatch(part -> part.isEmpty() || part.equals(".") || part.equals(".."));
            if (!inPlace || !plain || !seen.add(name)) {
                throw refused("plugins.kar.error.content", name);
            }
        }
    }

    /**
     * A zip names its entries twice: in a local header before each entry's bytes and in the central directory at its
     * end. Readers differ in which they follow, so a crafted zip can show one reader other files than another; such
     * a file is refused: the same names in the same order, each with the same bytes.
     */
    private static void sameInBothDirectories(Path file, ZipFile zip, List<ZipEntry> central) throws IOException {
        List<String> local = new ArrayList<>();
        byte[] buffer = new byte[8192];
        try (InputStream in = Files.newInputStream(file); ZipInputStream stream = new ZipInputStream(in)) {
            for (ZipEntry entry = stream.getNextEntry(); entry != null; entry = stream.getNextEntry()) {
                CRC32 crc = new CRC32();
                long size = 0;
                for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
                    crc.update(buffer, 0, read);
                    size += read;
                }
                ZipEntry listed = zip.getEntry(entry.getName());
                if (listed == null || listed.getCrc() != crc.getValue() || listed.getSize() != size) {
                    throw refused("plugins.kar.error.inconsistent");
                }
                local.add(entry.getName());
            }
        }
        if (!local.equals(central.stream().map(ZipEntry::getName).toList())) {
            throw refused("plugins.kar.error.inconsistent");
        }
    }

    /**
     * Every entry but the signature's own files signed (jarsigner's signature: {@code META-INF/*.SF} with a signature
     * block) by one certificate that is a trusted publisher's; every entry's bytes as signed.
     */
    private static void checkSignature(JarFile jar, List<ZipEntry> entries, Collection<X509Certificate> publishers)
            throws IOException {
        byte[] buffer = new byte[8192];
        Set<Certificate> signedAll = null;
        boolean anySigned = false;
        for (ZipEntry zipEntry : entries) {
            if (zipEntry.isDirectory() || SIGNATURE_FILE.matcher(zipEntry.getName()).matches()) {
                continue;
            }
            JarEntry entry = jar.getJarEntry(zipEntry.getName());
            try (InputStream in = jar.getInputStream(entry)) {
                while (in.read(buffer) >= 0) {
                    // the signer is known once the entry was read to its end
                }
            } catch (SecurityException e) {
                throw refused("plugins.kar.error.tampered");
            }
            Set<Certificate> signers = new HashSet<>();
            for (CodeSigner signer : entry.getCodeSigners() == null ? new CodeSigner[0] : entry.getCodeSigners()) {
                signers.add(signer.getSignerCertPath().getCertificates().get(0));
            }
            anySigned |= !signers.isEmpty();
            if (signedAll == null) {
                signedAll = signers;
            } else {
                signedAll.retainAll(signers);
            }
        }
        if (signedAll == null || signedAll.isEmpty()) {
            // entries added to a signed archive are not in its signed manifest
            throw refused(anySigned ? "plugins.kar.error.tampered" : "plugins.kar.error.unsigned");
        }
        if (signedAll.stream().noneMatch(publishers::contains)) {
            X509Certificate signer = (X509Certificate) signedAll.iterator().next();
            throw refused("plugins.kar.error.unknownPublisher", Publishers.name(signer),
                    Publishers.fingerprint(signer));
        }
    }

    private static void checkManifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry("META-INF/MANIFEST.MF");
        if (entry == null) {
            return;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            if (new Manifest(in).getMainAttributes().getValue("Karaf-Feature-Repos") != null) {
                throw refused("plugins.kar.error.manifest", "Karaf-Feature-Repos");
            }
        }
    }

    private static List<String> pluginFeatures(ZipFile zip, Element features, Version platform) throws IOException {
        List<String> plugins = new ArrayList<>();
        for (Element child : children(features)) {
            if (!"feature".equals(child.getLocalName())) {
                throw refused("plugins.kar.error.element", child.getLocalName(), features.getAttribute("name"));
            }
            String name = child.getAttribute("name");
            if (PluginListing.PLATFORM.contains(name)) {
                throw refused("plugins.kar.error.platform", name);
            }
            if (!PluginListing.isPluginFeature(name)) {
                throw refused("plugins.kar.error.notPlugin", name);
            }
            if (!"manual".equals(child.getAttribute("install"))) {
                throw refused("plugins.kar.error.autoInstall", name);
            }
            for (Element content : children(child)) {
                if (!FEATURE_CONTENT.contains(content.getLocalName())) {
                    throw refused("plugins.kar.error.element", content.getLocalName(), name);
                }
                if ("bundle".equals(content.getLocalName()) && !content.getTextContent().trim().startsWith("mvn:")) {
                    throw refused("plugins.kar.error.location", content.getTextContent().trim(), name);
                }
            }
            checkBundles(zip, child, name, platform);
            plugins.add(name);
        }
        return plugins;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static void write(ZipFile zip, List<ZipEntry> entries, Path target) throws IOException {
        Files.createDirectories(target);
        for (ZipEntry entry : entries) {
            if (entry.isDirectory() || !entry.getName().startsWith(REPOSITORY)) {
                continue;
            }
            Path path = target.resolve(entry.getName().substring(REPOSITORY.length())).normalize();
            if (!path.startsWith(target)) {
                throw refused("plugins.kar.error.content", entry.getName()); // checkNames already refuses these
            }
            Files.createDirectories(path.getParent());
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, path);
            }
        }
    }

    private static Optional<Element> featuresRoot(ZipFile zip, ZipEntry entry) {
        try (InputStream in = zip.getInputStream(entry)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(in);
            Element root = document.getDocumentElement();
            return "features".equals(root.getLocalName()) ? Optional.of(root) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static void checkBundles(ZipFile zip, Element feature, String name, Version platform) throws IOException {
        NodeList bundles = feature.getElementsByTagNameNS("*", "bundle");
        List<Optional<String>> imports = new ArrayList<>();
        for (int i = 0; i < bundles.getLength(); i++) {
            Optional<String> path = repositoryPath(bundles.item(i).getTextContent().trim());
            ZipEntry jar = path.map(zip::getEntry).orElse(null);
            if (jar == null) {
                continue; // a bundle from the kiosk's own repository, checked again before install
            }
            try (InputStream in = zip.getInputStream(jar); JarInputStream bundle = new JarInputStream(in)) {
                Manifest manifest = bundle.getManifest();
                imports.add(Optional.ofNullable(manifest == null ? null
                        : manifest.getMainAttributes().getValue("Import-Package")));
            }
        }
        Optional<String> conflict = Compatibility.conflict(imports, platform);
        if (conflict.isPresent()) {
            throw refused("plugins.error.incompatible", name, conflict.get(), platform.toString());
        }
    }

    /** {@code mvn:g.h/a/v[/type[/classifier]]} as the path Karaf's KAR layout gives it below {@code repository/}. */
    static Optional<String> repositoryPath(String location) {
        if (!location.startsWith("mvn:")) {
            return Optional.empty();
        }
        String[] parts = location.substring(4).split("/");
        if (parts.length < 3) {
            return Optional.empty();
        }
        String type = parts.length > 3 && !parts[3].isEmpty() ? parts[3] : "jar";
        String classifier = parts.length > 4 && !parts[4].isEmpty() ? "-" + parts[4] : "";
        return Optional.of("repository/" + parts[0].replace('.', '/') + "/" + parts[1] + "/" + parts[2] + "/"
                + parts[1] + "-" + parts[2] + classifier + "." + type);
    }

    private static InvalidInputException refused(String key, Object... args) {
        return InvalidInputException.of(null, key, args);
    }
}
