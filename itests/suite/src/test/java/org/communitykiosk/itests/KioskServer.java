package org.communitykiosk.itests;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;

/**
 * The real kiosk distribution, unpacked and started as its own process once for all browser tests (Karaf is then
 * exactly what `bin/karaf` runs on a kiosk), on test ports, with a short idle timeout so the countdown can be tested.
 * Technician shell commands go through Karaf's own ssh client, as a technician would use them.
 */
public final class KioskServer implements BeforeAllCallback {

    /**
     * The failsafe fork this JVM is (1 or 2): the browser tests run in two forks at once, each with a shared kiosk of
     * its own on its own ports.
     */
    static final int FORK = fork(System.getProperty("kiosk.fork", "fork1"));
    static final KioskProcess.Ports PORTS = new KioskProcess.Ports(18281 + 1000 * (FORK - 1),
            18201 + 1000 * (FORK - 1), 11199 + 1000 * (FORK - 1), 44545 + 1000 * (FORK - 1));
    static final int HTTP_PORT = PORTS.http();
    static final int IDLE_TIMEOUT_SECONDS = 20;

    /** "fork2" -> 2: the pom passes the fork as a word, since Maven turns a value that is only "${...}" into "". */
    private static int fork(String property) {
        String digits = property.replaceAll("\\D", "");
        return digits.isEmpty() ? 1 : Integer.parseInt(digits);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
    }

    static String url(String path) {
        return Running.kiosk().url(path);
    }

    /**
     * Sets one key of one of the running kiosk's {@code etc/} .cfg files, as a technician editing it would; Karaf
     * applies the file within a second or two. (Karaf's {@code config:property-set -p} and {@code -delete -p} were seen
     * to replace the whole configuration of the kiosk's settings after the settings screen had saved it, which took
     * the test idle timeout with it.)
     */
    static void configure(String cfgFile, String key, String value) {
        try {
            Running.kiosk().set(cfgFile, key, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot change " + cfgFile, e);
        }
        sleep(3000);
    }

    /** Runs a Karaf shell command through bin/client and returns its output. */
    static String shell(String command) {
        return Running.kiosk().shell(command);
    }

    static final class Running implements CloseableResource {

        private static KioskProcess kiosk;

        static KioskProcess kiosk() {
            if (kiosk == null) {
                throw new IllegalStateException("kiosk not started");
            }
            return kiosk;
        }

        static Path home() {
            return kiosk().home();
        }

        static Running start() {
            try {
                kiosk = KioskProcess.unpack(Paths.get(System.getProperty("kiosk.runDirectory", "target/kiosk-browser")),
                        PORTS);
                kiosk.set("org.communitykiosk.kiosk.cfg", "residentIdleTimeoutSeconds",
                        String.valueOf(IDLE_TIMEOUT_SECONDS));
                Runtime.getRuntime().addShutdownHook(new Thread(kiosk::kill));
                kiosk.start();
                return new Running();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the kiosk distribution", e);
            }
        }

        @Override
        public void close() {
            kiosk.kill();
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
