package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

class KarArchiveTest {

    private static final Version PLATFORM = new Version(1, 0, 0);

    @TempDir
    static Path keys;
    /** The publisher this kiosk trusts, and one it does not. */
    private static TestPublisher publisher;
    private static TestPublisher stranger;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeKeys() throws Exception {
        publisher = TestPublisher.create(keys, "publisher");
        stranger = TestPublisher.create(keys, "stranger");
    }

    private static String features(String install, String name) {
        return "<features name=\"test\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">"
                + "<feature name=\"" + name + "\" version=\"1.0.0\"" + install + ">"
                + "<feature>kiosk-platform</feature>"
                + "<bundle>mvn:org.example/points/1.0.0</bundle></feature></features>";
    }

    private static byte[] bundle(String importPackage) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Import-Package", importPackage);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new ZipEntry("x.txt"));
            jar.write(1);
        }
        return bytes.toByteArray();
    }

    private Path kar(Map<String, byte[]> entries) throws IOException {
        Path file = Files.createTempFile(dir, "plugin", ".kar");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
            }
        }
        return file;
    }

    private Path pluginKar(String install, String name, String importPackage) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/KARAF.MF", "Manifest-Version: 1.0\n".getBytes());
        entries.put("repository/org/example/points-features/1.0.0/points-features-1.0.0-features.xml",
                features(install, name).getBytes());
        entries.put("repository/org/example/points/1.0.0/points-1.0.0.jar", bundle(importPackage));
        return kar(entries);
    }

    /** Why the archive, signed by the trusted publisher, is refused. */
    private static String refusal(Path file) throws Exception {
        return unsignedRefusal(publisher.sign(file));
    }

    private static String unsignedRefusal(Path file) {
        return assertThrows(InvalidInputException.class,
                () -> KarArchive.inspect(file, PLATFORM, List.of(publisher.certificate))).problems().get(0).key();
    }

    @Test
    void aValidArchiveNamesItsPluginFeatures() throws Exception {
        Path file = pluginKar(" install=\"manual\"", "kiosk-points",
                "org.communitykiosk.api.plugin;version=\"[1.0,2)\"");
        assertEquals(List.of("kiosk-points"),
                KarArchive.inspect(publisher.sign(file), PLATFORM, List.of(publisher.certificate)).pluginFeatures());
    }

    @Test
    void whatIsNotAPluginArchiveIsRefusedWithItsReason() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.kar"), "not a zip at all");
        assertEquals("plugins.kar.error.notZip", unsignedRefusal(text));
        assertEquals("plugins.kar.error.noRepository", refusal(kar(Map.of("repository/readme.txt", new byte[] { 1 }))));
        assertEquals("plugins.kar.error.noPlugin", refusal(featuresKar("")));
        assertEquals("plugins.kar.error.notPlugin",
                refusal(pluginKar(" install=\"manual\"", "other-thing", "org.slf4j")));
        assertEquals("plugins.kar.error.platform", refusal(pluginKar("", "kiosk-platform", "org.slf4j")));
        assertEquals("plugins.kar.error.autoInstall",
                refusal(pluginKar("", "kiosk-points", "org.communitykiosk.api.plugin;version=\"[1.0,2)\"")));
        assertEquals("plugins.error.incompatible", refusal(pluginKar(" install=\"manual\"", "kiosk-points",
                "org.communitykiosk.api.plugin;version=\"[2.0,3)\"")));
    }

    @Test
    void mavenLocationsMapToTheKarLayout() {
        assertEquals("repository/org/example/points/1.0.0/points-1.0.0.jar",
                KarArchive.repositoryPath("mvn:org.example/points/1.0.0").orElseThrow());
        assertEquals("repository/org/example/points/1.0.0/points-1.0.0-features.xml",
                KarArchive.repositoryPath("mvn:org.example/points/1.0.0/xml/features").orElseThrow());
        assertEquals(java.util.Optional.empty(), KarArchive.repositoryPath("wrap:file:/x.jar"));
    }

    /** The archive of {@link #pluginKar} with one entry more. */
    private Path pluginKarWith(String name, byte[] content) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes());
        entries.put("repository/org/example/points-features/1.0.0/points-features-1.0.0-features.xml",
                features(" install=\"manual\"", "kiosk-points").getBytes());
        entries.put("repository/org/example/points/1.0.0/points-1.0.0.jar",
                bundle("org.communitykiosk.api.plugin;version=\"[1.0,2)\""));
        entries.put(name, content);
        return kar(entries);
    }

    private Path featuresKar(String featureBody) throws IOException {
        return kar(Map.of("repository/org/example/points-features/1.0.0/points-features-1.0.0-features.xml",
                ("<features name=\"test\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">" + featureBody
                        + "</features>").getBytes()));
    }

    @Test
    void onlyTheArchivesRepositoryIsAcceptedNeverFilesForKarafsHome() throws IOException {
        // Karaf's own KAR import copies resources/** into its home: etc/, deploy/, lib/, bin/
        assertEquals("plugins.kar.error.content", unsignedRefusal(pluginKarWith("resources/etc/users.properties",
                "admin = x,_g_:admingroup\n".getBytes())));
        assertEquals("plugins.kar.error.content", unsignedRefusal(pluginKarWith("resources/deploy/evil.jar", bundle("x"))));
        assertEquals("plugins.kar.error.content", unsignedRefusal(pluginKarWith("readme.txt", new byte[] { 1 })));
        assertEquals("plugins.kar.error.content",
                unsignedRefusal(pluginKarWith("repository/../etc/pwned.cfg", new byte[] { 1 })));
        assertEquals("plugins.kar.error.content", unsignedRefusal(pluginKarWith("/etc/pwned.cfg", new byte[] { 1 })));
    }

    @Test
    void anArchiveCannotPointKarafAtOtherRepositories() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF",
                "Manifest-Version: 1.0\nKaraf-Feature-Repos: file:/tmp/other-features.xml\n".getBytes());
        entries.put("repository/org/example/points-features/1.0.0/points-features-1.0.0-features.xml",
                features(" install=\"manual\"", "kiosk-points").getBytes());
        assertEquals("plugins.kar.error.manifest", refusal(kar(entries)));
        assertEquals("plugins.kar.error.element", refusal(featuresKar(
                "<repository>file:/tmp/other-features.xml</repository>"
                        + "<feature name=\"kiosk-points\" install=\"manual\"><bundle>mvn:o/p/1</bundle></feature>")));
    }

    @Test
    void everyFeatureIsAManualPluginWithBundlesOnly() throws Exception {
        assertEquals("plugins.kar.error.notPlugin", refusal(featuresKar(
                "<feature name=\"kiosk-points\" install=\"manual\"><bundle>mvn:o/p/1</bundle></feature>"
                        + "<feature name=\"helper\" install=\"manual\"><bundle>mvn:o/q/1</bundle></feature>")));
        // files written into etc/ or configurations of other components when the plugin is installed
        assertEquals("plugins.kar.error.element", refusal(featuresKar("<feature name=\"kiosk-points\" install=\"manual\">"
                + "<configfile finalname=\"${karaf.etc}/users.properties\" override=\"true\">mvn:o/u/1/cfg"
                + "</configfile></feature>")));
        assertEquals("plugins.kar.error.element", refusal(featuresKar("<feature name=\"kiosk-points\" install=\"manual\">"
                + "<config name=\"org.apache.karaf.shell\">sshRealm = karaf</config></feature>")));
        assertEquals("plugins.kar.error.element", refusal(featuresKar("<feature name=\"kiosk-points\" install=\"manual\">"
                + "<library>mvn:o/l/1</library></feature>")));
        // code from anywhere but the archive or the kiosk's own repository
        assertEquals("plugins.kar.error.location", refusal(featuresKar("<feature name=\"kiosk-points\" install=\"manual\">"
                + "<bundle>file:/media/stick/evil.jar</bundle></feature>")));
    }

    @Test
    void aZipThatShowsEachReaderDifferentFilesIsRefused() throws IOException {
        // both names the same length: the local header of the second entry names resources/, its central directory
        // entry repository/ (Karaf read the local headers, the kiosk the central directory)
        String innocent = "repository/org/example/extra/1.0/x.cfg";
        String hidden = "resources/etc/pwned-by-kar-zip-0000.cfg";
        hidden = hidden.substring(0, innocent.length());
        assertEquals(innocent.length(), hidden.length());
        Path file = pluginKarWith(innocent, "pwned = true\n".getBytes());
        byte[] bytes = Files.readAllBytes(file);
        byte[] name = innocent.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int local = indexOf(bytes, name, 0);
        int central = indexOf(bytes, name, local + 1);
        assertTrue(local > 0 && central > local, "both headers found");
        System.arraycopy(hidden.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, bytes, local, name.length);
        Files.write(file, bytes);
        assertEquals("plugins.kar.error.inconsistent", unsignedRefusal(file));
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void onlyArchivesSignedByATrustedPublisherAndUnchangedSinceAreAccepted() throws Exception {
        Path archive = pluginKar(" install=\"manual\"", "kiosk-points",
                "org.communitykiosk.api.plugin;version=\"[1.0,2)\"");
        assertEquals("plugins.kar.error.unsigned", unsignedRefusal(archive));
        assertEquals("plugins.kar.error.unknownPublisher", unsignedRefusal(stranger.sign(archive)));

        Path signed = publisher.sign(archive);
        assertEquals("plugins.kar.error.tampered", unsignedRefusal(rewritten(signed,
                "repository/org/example/points/1.0.0/points-1.0.0.jar", bundle("org.evil"))));
        assertEquals("plugins.kar.error.tampered", unsignedRefusal(rewritten(signed,
                "repository/org/example/points/1.0.0/extra-1.0.0.jar", bundle("org.evil"))));
    }

    /** A copy of the archive with one entry replaced or added, everything else as it was (signature included). */
    private Path rewritten(Path archive, String name, byte[] content) throws IOException {
        Path copy = Files.createTempFile(dir, "tampered", ".kar");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(archive.toFile());
                OutputStream out = Files.newOutputStream(copy); ZipOutputStream zip = new ZipOutputStream(out)) {
            boolean replaced = false;
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    zip.write(content);
                    replaced = true;
                } else {
                    zip.write(in.getInputStream(entry).readAllBytes());
                }
            }
            if (!replaced) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
            }
        }
        return copy;
    }

    @Test
    void importUnpacksOnlyTheCheckedRepositoryAndAddsItsFeaturesAndAuditsBoth() throws Exception {
        List<URI> added = new ArrayList<>();
        KarPluginImport.Repositories karaf = new KarPluginImport.Repositories() {
            @Override
            public void add(URI uri) {
                if (!added.contains(uri)) { // as Karaf: a repository it has is not added twice
                    added.add(uri);
                }
            }

            @Override
            public void remove(URI uri) {
                added.remove(uri);
            }
        };
        FakeAudit audit = new FakeAudit();
        Path usb = Files.createDirectories(dir.resolve("media/stick/plugins"));
        Path good = Files.move(publisher.sign(pluginKar(" install=\"manual\"", "kiosk-points",
                "org.communitykiosk.api.plugin;version=\"[1.0,2)\"")), usb.resolve("points.kar"));
        Publishers trusted = new Publishers(dir.resolve("etc/kiosk-publishers"));
        trusted.add(publisher.certificateFile(dir));
        Path kars = dir.resolve("data/kar");
        KarPluginImport importer = new KarPluginImport(karaf, audit, () -> PLATFORM, List.of(dir.resolve("media")),
                kars, trusted);
        assertEquals(List.of(good), importer.offered());

        assertEquals(List.of("kiosk-points"), importer.importArchive(good, "points.kar", Actor.staff("admin")));
        assertEquals(1, added.size());
        Path features = Path.of(added.get(0));
        assertTrue(features.startsWith(kars) && Files.isRegularFile(features), features.toString());
        Path unpacked = kars.relativize(features).subpath(0, 1);
        assertTrue(Files.isRegularFile(kars.resolve(unpacked).resolve("org/example/points/1.0.0/points-1.0.0.jar")));
        assertFalse(Files.exists(kars.resolve(unpacked).resolve("META-INF")), "only the repository is unpacked");

        assertEquals(List.of("kiosk-points"), importer.importArchive(good, "points.kar", Actor.staff("admin")));
        assertEquals(1, added.size(), "the same archive again adds nothing new");

        Path bad = publisher.sign(pluginKarWith("resources/etc/pwned.cfg", new byte[] { 1 }));
        assertThrows(InvalidInputException.class, () -> importer.importArchive(bad, "bad.kar", Actor.staff("admin")));
        try (var left = Files.list(kars)) {
            assertEquals(List.of(unpacked.toString()), left.map(p -> p.getFileName().toString()).toList(),
                    "a refused archive leaves nothing in " + kars);
        }
        assertEquals(List.of("staff:admin plugins.import kar:points.kar ok kiosk-points",
                "staff:admin plugins.import kar:points.kar ok kiosk-points",
                "staff:admin plugins.import kar:bad.kar refused: plugins.kar.error.content"), audit.lines);
    }
}
