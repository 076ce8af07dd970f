package org.communitykiosk.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.communitykiosk.api.InvalidInputException;
import org.osgi.framework.Version;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks a file offered as a plugin archive (a Karaf KAR) before Karaf sees it: a zip with a features repository
 * under {@code repository/} that defines at least one kiosk plugin feature, none of the platform's features, every
 * plugin feature marked {@code install="manual"} (so importing only adds it to the list: installing goes through the
 * plugin manager's checks), and bundles inside the archive compatible with this platform's plugin API.
 */
final class KarArchive {

    /** What a valid archive offers. */
    record Contents(List<String> pluginFeatures) {
        Contents {
            pluginFeatures = List.copyOf(pluginFeatures);
        }
    }

    private KarArchive() {
    }

    static Contents inspect(Path file, Version platform) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> plugins = new ArrayList<>();
            boolean repository = false;
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.isDirectory() || !entry.getName().startsWith("repository/")
                        || !entry.getName().endsWith(".xml")) {
                    continue;
                }
                Optional<Element> features = featuresRoot(zip, entry);
                if (features.isEmpty()) {
                    continue;
                }
                repository = true;
                NodeList list = features.get().getElementsByTagNameNS("*", "feature");
                for (int i = 0; i < list.getLength(); i++) {
                    Element feature = (Element) list.item(i);
                    if (!(feature.getParentNode() instanceof Element parent) || parent != features.get()) {
                        continue; // a <feature> dependency inside a feature
                    }
                    String name = feature.getAttribute("name");
                    if (PluginListing.PLATFORM.contains(name)) {
                        throw refused("plugins.kar.error.platform", name);
                    }
                    if (!PluginListing.isPluginFeature(name)) {
                        continue;
                    }
                    if (!"manual".equals(feature.getAttribute("install"))) {
                        throw refused("plugins.kar.error.autoInstall", name);
                    }
                    checkBundles(zip, feature, name, platform);
                    plugins.add(name);
                }
            }
            if (!repository) {
                throw refused("plugins.kar.error.noRepository");
            }
            if (plugins.isEmpty()) {
                throw refused("plugins.kar.error.noPlugin");
            }
            return new Contents(plugins);
        } catch (ZipException e) {
            throw refused("plugins.kar.error.notZip");
        } catch (IOException e) {
            throw refused("plugins.kar.error.unreadable");
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
