package org.communitykiosk.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One kiosk installation (the real distribution unpacked into a folder of its own) that a test starts, stops and
 * starts again, on ports apart from {@link KioskServer}'s, which may still be running in the same test JVM. Unlike
 * {@link KioskServer} it is stopped as on a kiosk, by {@code bin/stop}, so that Derby and Karaf shut down cleanly.
 */
final class KioskProcess implements AutoCloseable {

    static final int HTTP_PORT = 18681;
    static final int SSH_PORT = 18601;

    private final Path runDirectory;
    private final Path home;
    private Process karaf;
    private int starts;

    private KioskProcess(Path runDirectory, Path home) {
        this.runDirectory = runDirectory;
        this.home = home;
    }

    /** Unpacks a fresh distribution into {@code folder} (emptied first) and sets the test ports. */
    static KioskProcess unpack(Path folder) throws IOException {
        Path archive = Paths.get(System.getProperty("kiosk.distribution"));
        deleteTree(folder);
        Files.createDirectories(folder);
        run(folder, "tar", "xzf", archive.toAbsolutePath().toString());
        Path home;
        try (Stream<Path> children = Files.list(folder)) {
            home = children.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path etc = home.resolve("etc");
        set(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(HTTP_PORT));
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(SSH_PORT));
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", "11699");
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", "45045");
        // test bundles are installed from the build's local repository
        set(etc.resolve("org.ops4j.pax.url.mvn.cfg"), "org.ops4j.pax.url.mvn.localRepository",
                System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
        return new KioskProcess(folder, home);
    }

    Path home() {
        return home;
    }

    /** Starts {@code bin/karaf server} and waits until the kiosk answers over HTTP and its shell accepts commands. */
    KioskProcess start() throws IOException {
        if (karaf != null && karaf.isAlive()) {
            throw new IllegalStateException("already running");
        }
        starts++;
        karaf = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(runDirectory.resolve("karaf-console-" + starts + ".log").toFile()).start();
        waitForHttp();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!shell("kiosk:plugins").contains("kiosk-bulletin")) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the kiosk's shell commands did not come up");
            }
            KioskServer.sleep(500);
        }
        return this;
    }

    /** Stops the kiosk as a technician would ({@code bin/stop}) and waits for its process to end. */
    void stop() throws IOException {
        if (karaf == null || !karaf.isAlive()) {
            return;
        }
        run(home, home.resolve("bin/stop").toString());
        try {
            if (!karaf.waitFor(90, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the kiosk did not stop within 90 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Last resort after a failed test: the JVM and the script, forcibly. */
    @Override
    public void close() {
        if (karaf != null && karaf.isAlive()) {
            try {
                stop();
            } catch (IOException | RuntimeException e) {
                karaf.descendants().forEach(ProcessHandle::destroyForcibly);
                karaf.destroyForcibly();
            }
        }
    }

    /** Runs a Karaf shell command through bin/client on this kiosk's ssh port; returns its output. */
    String shell(String command) {
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

    /** Runs a command line (for example {@code mv}, {@code cp -a}) in the kiosk's folder, failing on a non-zero exit. */
    void sh(String... command) throws IOException {
        run(home, command);
    }

    private void waitForHttp() {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (!karaf.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + karaf.exitValue());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) new URL(
                        "http://localhost:" + HTTP_PORT + "/kiosk/").openConnection();
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            KioskServer.sleep(250);
        }
        throw new IllegalStateException("the kiosk did not answer over HTTP");
    }

    private static void set(Path cfg, String key, String value) throws IOException {
        List<String> kept = new ArrayList<>();
        if (Files.exists(cfg)) {
            for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (trimmed.startsWith("#") || !(trimmed.startsWith(key + "=") || trimmed.startsWith(key + " ="))) {
                    kept.add(line);
                }
            }
        }
        kept.add(key + " = " + value.replace("\\", "\\\\"));
        Files.write(cfg, kept, StandardCharsets.UTF_8);
    }

    private static void run(Path directory, String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
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
