package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
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

import org.apache.karaf.kar.KarService;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

class KarArchiveTest {

    private static final Version PLATFORM = new Version(1, 0, 0);

    @TempDir
    Path dir;

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

    private static String refusal(Path file) {
        return assertThrows(InvalidInputException.class, () -> KarArchive.inspect(file, PLATFORM)).problems().get(0)
                .key();
    }

    @Test
    void aValidArchiveNamesItsPluginFeatures() throws IOException {
        Path file = pluginKar(" install=\"manual\"", "kiosk-points",
                "org.communitykiosk.api.plugin;version=\"[1.0,2)\"");
        assertEquals(List.of("kiosk-points"), KarArchive.inspect(file, PLATFORM).pluginFeatures());
    }

    @Test
    void whatIsNotAPluginArchiveIsRefusedWithItsReason() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.kar"), "not a zip at all");
        assertEquals("plugins.kar.error.notZip", refusal(text));
        assertEquals("plugins.kar.error.noRepository", refusal(kar(Map.of("readme.txt", new byte[] { 1 }))));
        assertEquals("plugins.kar.error.noPlugin",
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

    @Test
    void importHandsOnlyValidArchivesToKarafAndAuditsBoth() throws IOException {
        List<URI> installed = new ArrayList<>();
        KarService karaf = new KarService() {
            @Override
            public void install(URI uri) {
                installed.add(uri);
            }

            @Override
            public void install(URI uri, boolean noAutoStartBundles) {
                installed.add(uri);
            }

            @Override
            public void install(URI uri, boolean noAutoStartBundles, boolean noAutoRefreshBundles) {
                installed.add(uri);
            }

            @Override
            public void install(URI uri, java.io.File repoDir, java.io.File resourceDir) {
                installed.add(uri);
            }

            @Override
            public void install(URI uri, java.io.File repoDir, java.io.File resourceDir, boolean noAutoStartBundles) {
                installed.add(uri);
            }

            @Override
            public void install(URI uri, java.io.File repoDir, java.io.File resourceDir, boolean noAutoStartBundles,
                    boolean noAutoRefreshBundles) {
                installed.add(uri);
            }

            @Override
            public void uninstall(String name) {
            }

            @Override
            public void uninstall(String name, boolean noAutoRefreshBundles) {
            }

            @Override
            public List<String> list() {
                return List.of();
            }

            @Override
            public void create(String repoName, List<String> features, PrintStream console) {
            }
        };
        FakeAudit audit = new FakeAudit();
        Path usb = Files.createDirectories(dir.resolve("media/stick/plugins"));
        Path good = Files.move(pluginKar(" install=\"manual\"", "kiosk-points",
                "org.communitykiosk.api.plugin;version=\"[1.0,2)\""), usb.resolve("points.kar"));
        KarPluginImport importer = new KarPluginImport(karaf, audit, () -> PLATFORM, List.of(dir.resolve("media")));
        assertEquals(List.of(good), importer.offered());

        assertEquals(List.of("kiosk-points"), importer.importArchive(good, "points.kar", Actor.staff("admin")));
        Path bad = Files.writeString(dir.resolve("bad.kar"), "junk");
        assertThrows(InvalidInputException.class, () -> importer.importArchive(bad, "bad.kar", Actor.staff("admin")));
        assertEquals(List.of(good.toUri()), installed);
        assertEquals(List.of("staff:admin plugins.import kar:points.kar ok kiosk-points",
                "staff:admin plugins.import kar:bad.kar refused: plugins.kar.error.notZip"), audit.lines);
    }
}
