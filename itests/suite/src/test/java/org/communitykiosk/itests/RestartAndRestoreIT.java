package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The kiosk as a process, stopped and started again on the same folder, and a backup restored into a fresh kiosk
 * exactly as the README's "Backup and restore" says. Four boots: the kiosk, its restart, the fresh kiosk, and the
 * fresh kiosk after the restore. Residents are written and read through the platform's ResidentDirectory by the
 * shell probe ({@code itests/shell-probe}), plugins through the technician's {@code kiosk:*} commands.
 */
class RestartAndRestoreIT {

    static final String VERSION = System.getProperty("kiosk.version");
    static final String PROBE = "mvn:org.communitykiosk/kiosk-test-shell-probe/" + VERSION;
    /** The test plugin's archive as the build made it, signed by the tests' publisher. */
    static final Path TEST_PLUGIN_KAR = Paths.get(System.getProperty("maven.repo.local",
            System.getProperty("user.home") + "/.m2/repository"), "org/communitykiosk/kiosk-test-versioned-plugin-v1",
            "1.0.0", "kiosk-test-versioned-plugin-v1-1.0.0-plugin.kar");

    @Test
    void aRestartKeepsPluginsAndResidentsAndABackupRestoresIntoAFreshKiosk() throws Exception {
        Path root = Paths.get(System.getProperty("kiosk.runDirectory", "target/kiosk-browser")).resolveSibling(
                "kiosk-restart");
        Path backup;
        try (KioskProcess kiosk = KioskProcess.unpack(root.resolve("kiosk")).trustTestPublisher().start()) {
            // the first start runs on what the build's own start computed (distribution/provision.sh), in another
            // folder: the boot features come installed in the bundle cache, and the class archive is mapped
            assertFalse(karafLog(kiosk).contains("Adding features"), "the first start installed no features");
            // nor did it make the database: bin/kiosk-jvm put a copy of the build's empty one in place
            assertTrue(Files.isDirectory(kiosk.home().resolve("data/derby-empty/kioskdb/seg0")),
                    "the distribution ships an empty database");
            assertFalse(karafLog(kiosk).contains("migrated to version"), "the first start applied no schema step");
            List<Path> shipped = archives(kiosk);
            assertEquals(1, shipped.size(), "the distribution ships a class archive: " + shipped);
            String shippedName = "/data/cds/" + shipped.get(0).getFileName();
            assertTrue(kiosk.jvmArguments().stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile=")
                    && a.endsWith(shippedName)), "the first start uses the shipped archive: " + kiosk.jvmArguments());
            assertTrue(kiosk.jvmMappedFiles().stream().anyMatch(file -> file.endsWith(shippedName)),
                    "the JVM accepted it (it ignores an archive made for other class-path jars or another JVM): "
                            + kiosk.jvmMappedFiles());
            installProbe(kiosk);
            assertTrue(kiosk.shell("probe:addresident RestartWang 40000001").contains("created resident"));
            // the plugin list changed both ways: a shipped plugin removed, an archive's plugin added
            assertTrue(kiosk.shell("kiosk:uninstall kiosk-bulletin").contains("NOT_INSTALLED"),
                    "uninstalled before the restart");
            // with Karaf's default updateSnapshots=crc, Derby's wrapped fragments were updated here (generated anew,
            // they never match), refreshing Derby and with it every plugin and open screen
            assertFalse(karafLog(kiosk).contains("Updating bundles"), "removing a plugin updates no other bundle");
            String imported = kiosk.shell("kiosk:import " + TEST_PLUGIN_KAR);
            assertTrue(imported.contains("imported kiosk-versioned"), imported);
            String installed = kiosk.shell("kiosk:install kiosk-versioned");
            assertTrue(installed.contains("INSTALLED"), installed);
            String before = kiosk.shell("kiosk:plugins");
            assertEquals("NOT_INSTALLED", state(before, "kiosk-bulletin"), before);
            assertEquals("INSTALLED", state(before, "kiosk-versioned"), before);

            kiosk.stop();
            kiosk.start();
            // the bundles changed since the archive was made (bin/kiosk-jvm): this start records the classes afresh
            assertTrue(kiosk.jvmArguments().stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")),
                    "after plugin changes the start records a new archive: " + kiosk.jvmArguments());

            assertEquals(0, contextRestartsAfterVaadin(kiosk), "Pax Web restarted the kiosk context after Vaadin had"
                    + " started, on the first boot or the restart (a browser loading the home screen then could stay on"
                    + " the starting page)");
            // push by WebSocket after a restart too (on long polling an open session saw a new tile 9 s late and a
            // staff tap was lost): the push URL accepts the upgrade
            URI push = URI.create(kiosk.url("VAADIN/push?v-r=push&v-uiId=0&X-Atmosphere-Transport=websocket")
                    .replaceFirst("^http", "ws"));
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(push, new WebSocket.Listener() { }).get(30, TimeUnit.SECONDS);
            socket.abort();

            String after = kiosk.shell("kiosk:plugins");
            assertEquals("NOT_INSTALLED", state(after, "kiosk-bulletin"),
                    "an uninstalled plugin stays uninstalled (not put back as a boot feature): " + after);
            assertEquals("INSTALLED", state(after, "kiosk-versioned"), "the imported plugin still runs: " + after);
            assertTrue(after.contains("1.0.0"), after);
            assertTrue(kiosk.shell("probe:resident 40000001").contains("RestartWang"), "the resident is still there");

            String made = kiosk.shell("kiosk:backup");
            backup = lastPath(made).orElseThrow(() -> new AssertionError("kiosk:backup printed no folder: " + made));
            assertTrue(Files.isDirectory(backup.resolve("kioskdb")), "Derby's copy is in " + backup);
            // written after the backup: the restored kiosk must not have it
            assertTrue(kiosk.shell("probe:addresident AfterBackupLi 40000002").contains("created resident"));
            kiosk.stop();
        }

        try (KioskProcess fresh = KioskProcess.unpack(root.resolve("fresh")).start()) {
            installProbe(fresh);
            assertTrue(fresh.shell("probe:resident 40000001").contains("no resident"), "a fresh kiosk");

            // the technician brings the backup folder to the fresh kiosk, then follows the README
            Path brought = fresh.home().resolve("data/backups").resolve(backup.getFileName());
            Files.createDirectories(brought.getParent());
            fresh.sh("cp", "-a", backup.toString(), brought.toString());
            fresh.stop();
            fresh.sh("mv", "data/derby/kioskdb", "data/derby/kioskdb.old");
            fresh.sh("cp", "-a", "data/backups/" + backup.getFileName() + "/kioskdb", "data/derby/kioskdb");
            fresh.start();

            assertTrue(fresh.shell("probe:resident 40000001").contains("RestartWang"),
                    "the restored kiosk finds the resident from the backup");
            assertTrue(fresh.shell("probe:resident 40000002").contains("no resident"),
                    "and not what was written after the backup");
            fresh.stop();
        }
    }

    /**
     * Times karaf.log shows the kiosk context stopped while the Vaadin servlet was up, other than on its way out (a
     * stop unregisters the servlet first).
     */
    private static int contextRestartsAfterVaadin(KioskProcess kiosk) throws IOException {
        boolean vaadinUp = false;
        int restarts = 0;
        int starts = 0;
        for (String line : Files.readAllLines(kiosk.home().resolve("data/log/karaf.log"), StandardCharsets.UTF_8)) {
            if (line.contains("kiosk UI ready")) {
                vaadinUp = true;
                starts++;
            } else if (line.contains("Unregistering servlet model") && line.contains("kiosk-vaadin")) {
                vaadinUp = false;
            } else if (vaadinUp && line.contains("Stopping Jetty context \"/kiosk\"")) {
                restarts++;
                vaadinUp = false;
            }
        }
        assertTrue(starts >= 2, "the log shows Vaadin starting on the first boot and on the restart: " + starts);
        return restarts;
    }

    private static String karafLog(KioskProcess kiosk) throws IOException {
        return Files.readString(kiosk.home().resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
    }

    /** The shell probe, installed from the build's local repository; its functions come up with its component. */
    private static void installProbe(KioskProcess kiosk) {
        String installed = kiosk.shell("bundle:install -s " + PROBE);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!kiosk.shell("probe:resident 0").contains("no resident")) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the shell probe did not come up: " + installed);
            }
            KioskServer.sleep(250);
        }
    }

    /** The State column of a feature's row in {@code kiosk:plugins}. */
    private static String state(String table, String feature) {
        return Stream.of(table.split("\\R"))
                .filter(line -> line.trim().startsWith(feature + " ") || line.trim().startsWith(feature + "│"))
                .map(line -> Stream.of(line.split("[│|]")).map(String::trim).toList())
                .map(cells -> cells.size() > 4 ? cells.get(4) : "?")
                .findFirst().orElse("missing");
    }

    private static List<Path> archives(KioskProcess kiosk) throws java.io.IOException {
        Path folder = kiosk.home().resolve("data/cds");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".jsa")).toList();
        }
    }

    private static Optional<Path> lastPath(String output) {
        List<String> lines = Stream.of(output.split("\\R")).map(String::trim).filter(l -> l.startsWith("/")).toList();
        return lines.isEmpty() ? Optional.empty() : Optional.of(Paths.get(lines.get(lines.size() - 1)));
    }
}
