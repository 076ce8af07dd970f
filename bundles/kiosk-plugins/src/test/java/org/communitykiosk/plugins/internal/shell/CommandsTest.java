package org.communitykiosk.plugins.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Command;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.plugins.api.PluginInfo;
import org.communitykiosk.plugins.api.PluginInfo.State;
import org.communitykiosk.plugins.api.PluginManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The commands as Karaf runs them after injecting their fields; output is what the technician reads. */
class CommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private final List<String> calls = new ArrayList<>();

    private final PluginManager manager = new PluginManager() {
        @Override
        public List<PluginInfo> list() {
            return List.of(new PluginInfo("kiosk-bulletin", List.of("bulletin"), "Community bulletin", "Community bulletin",
                    "0.1.0", "0.1.0", State.INSTALLED, true));
        }

        @Override
        public Optional<PluginInfo> find(String featureName) {
            return list().stream().filter(p -> p.featureName().equals(featureName)).findFirst();
        }

        @Override
        public PluginInfo install(String featureName, Actor actor) {
            calls.add("install " + featureName + " " + actor);
            throw InvalidInputException.of(null, "plugins.error.alreadyInstalled", featureName);
        }

        @Override
        public PluginInfo upgrade(String featureName, Actor actor) {
            calls.add("upgrade " + featureName + " " + actor);
            return list().get(0);
        }

        @Override
        public PluginInfo uninstall(String featureName, Actor actor) {
            calls.add("uninstall " + featureName + " " + actor);
            return new PluginInfo(featureName, List.of("bulletin"), "x", "", "0.1.0", "0.1.0", State.NOT_INSTALLED,
                    false);
        }
    };

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void commandsAreInTheKioskScope() {
        assertEquals("kiosk:plugins", name(PluginsCommand.class));
        assertEquals("kiosk:install", name(InstallCommand.class));
        assertEquals("kiosk:uninstall", name(UninstallCommand.class));
        assertEquals("kiosk:backup", name(BackupCommand.class));
    }

    private static String name(Class<?> type) {
        Command command = type.getAnnotation(Command.class);
        return command.scope() + ":" + command.name();
    }

    @Test
    void pluginsPrintsATable() {
        PluginsCommand command = new PluginsCommand();
        command.plugins = manager;
        command.execute();
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("kiosk-bulletin"), table);
        assertTrue(table.contains("INSTALLED"), table);
    }

    @Test
    void installReportsARefusalInWordsAndUninstallTheNewState() {
        InstallCommand install = new InstallCommand();
        install.plugins = manager;
        install.name = "kiosk-bulletin";
        install.execute();
        // on standard output: bin/client -b does not pass on a command's standard error
        assertEquals("kiosk-bulletin is already installed.", out.toString(StandardCharsets.UTF_8).strip());
        assertEquals("", err.toString(StandardCharsets.UTF_8));

        InstallCommand upgrade = new InstallCommand();
        upgrade.plugins = manager;
        upgrade.name = "kiosk-bulletin";
        upgrade.upgrade = true;
        upgrade.execute();

        UninstallCommand uninstall = new UninstallCommand();
        uninstall.plugins = manager;
        uninstall.name = "kiosk-bulletin";
        uninstall.execute();
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("kiosk-bulletin NOT_INSTALLED"));
        assertEquals(List.of("install kiosk-bulletin system:karaf-shell", "upgrade kiosk-bulletin system:karaf-shell",
                "uninstall kiosk-bulletin system:karaf-shell"), calls);
    }
}
