package org.communitykiosk.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;

/**
 * The real kiosk distribution, unpacked and started as its own process once for all browser tests (Karaf is then
 * exactly what `bin/karaf` runs on a kiosk), on test ports, with a short idle timeout so the countdown can be tested.
 * Technician shell commands go through Karaf's own ssh client, as a technician would use them.
 */
public final class KioskServer implements BeforeAllCallback {

    static final int HTTP_PORT = 18281;
    static final int SSH_PORT = 18201;
    static final int IDLE_TIMEOUT_SECONDS = 20;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
    }

    static String url(String path) {
        return "http://localhost:" + HTTP_PORT + "/kiosk/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** Runs a Karaf shell command through bin/client and returns its output. */
    static String shell(String command) {
        Path home = Running.home();
        try {
            Process client = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(SSH_PORT),
                    "-h", "127.0.0.1", "-u", "admin", "-p", "admin2026", "-r", "10", "-d", "2", "-b")
                    .redirectErrorStream(true).start();
            try (OutputStream in = client.getOutputStream()) {
                in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!client.waitFor(120, TimeUnit.SECONDS)) {
                client.destroyForcibly();
                throw new AssertionError("shell command timed out: " + command);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("shell command failed: " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static final class Running implements CloseableResource {

        private static Path home;
        private final Process karaf;

        private Running(Process karaf) {
            this.karaf = karaf;
        }

        static Path home() {
            if (home == null) {
                throw new IllegalStateException("kiosk not started");
            }
            return home;
        }

        static Running start() {
            try {
                Path archive = Paths.get(System.getProperty("kiosk.distribution"));
                Path runDirectory = Paths.get(System.getProperty("kiosk.runDirectory", "target/kiosk-browser"));
                deleteTree(runDirectory);
                Files.createDirectories(runDirectory);
                run(runDirectory, "tar", "xzf", archive.toAbsolutePath().toString());
                try (Stream<Path> children = Files.list(runDirectory)) {
                    home = children.filter(Files::isDirectory).findFirst().orElseThrow();
                }
                Path etc = home.resolve("etc");
                set(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(HTTP_PORT));
                set(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(SSH_PORT));
                set(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", "11199");
                set(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", "44545");
                set(etc.resolve("org.communitykiosk.kiosk.cfg"), "residentIdleTimeoutSeconds",
                        String.valueOf(IDLE_TIMEOUT_SECONDS));
                // the test plugin that fails on purpose is installed from the build's local repository
                set(etc.resolve("org.ops4j.pax.url.mvn.cfg"), "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
                Process process = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                        .directory(home.toFile()).redirectErrorStream(true)
                        .redirectOutput(runDirectory.resolve("karaf-console.log").toFile()).start();
                Running running = new Running(process);
                Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
                waitForHttp(url(""), process);
                return running;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the kiosk distribution", e);
            }
        }

        @Override
        public void close() {
            stop();
        }

        private void stop() {
            // bin/karaf runs the JVM as a child (to support restarts): stop the JVM, then the script
            karaf.descendants().forEach(ProcessHandle::destroy);
            if (karaf.isAlive()) {
                karaf.destroy();
                try {
                    if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
                        karaf.descendants().forEach(ProcessHandle::destroyForcibly);
                        karaf.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    karaf.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }

        private static void waitForHttp(String url, Process process) {
            long deadline = System.currentTimeMillis() + 180_000;
            while (System.currentTimeMillis() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Karaf exited with " + process.exitValue());
                }
                try {
                    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
                    if (connection.getResponseCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                sleep(250);
            }
            throw new IllegalStateException("the kiosk did not answer at " + url);
        }

        /** Sets one key of a Karaf .cfg file, keeping the rest of the file. */
        private static void set(Path cfg, String key, String value) throws IOException {
            List<String> lines = Files.exists(cfg) ? Files.readAllLines(cfg, StandardCharsets.UTF_8)
                    : new java.util.ArrayList<>();
            List<String> kept = new java.util.ArrayList<>();
            for (String line : lines) {
                String trimmed = line.trim();
                if (!trimmed.startsWith("#") && (trimmed.startsWith(key + "=") || trimmed.startsWith(key + " ="))) {
                    continue;
                }
                kept.add(line);
            }
            kept.add(key + " = " + value.replace("\\", "\\\\"));
            Files.write(cfg, kept, StandardCharsets.UTF_8);
        }

        private static void run(Path directory, String... command) throws IOException {
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
                if (process.waitFor() != 0) {
                    throw new IOException(String.join(" ", command) + " failed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        private static void deleteTree(Path directory) throws IOException {
            if (Files.exists(directory)) {
                try (Stream<Path> paths = Files.walk(directory)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
