package org.communitykiosk.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Pax Exam's options for the real kiosk distribution, on a test class's own ports. Pax Exam starts Karaf's main class
 * itself, not through bin/karaf and bin/kiosk-jvm, so the kiosk makes no certificate for its device connector: the
 * test gives it a key store (a self-signed certificate for 127.0.0.1, made once per test run by the JDK's keytool) in
 * etc/tls/, where a kiosk keeps its own. The device connector then listens on {@code ports.https()} as on a kiosk.
 */
final class KioskExam {

    private static final String PASSWORD = "exam-devices";
    private static Path keyStore;

    private KioskExam() {
    }

    /** The device connector's key store for Pax Exam kiosks, made on first use. */
    static synchronized Path keyStore() {
        if (keyStore == null) {
            // one per failsafe fork: the other fork may be starting a kiosk with its own meanwhile
            Path folder = Paths.get("target/exam-tls-" + KioskServer.FORK).toAbsolutePath();
            Path store = folder.resolve("devices.p12");
            try {
                Files.createDirectories(folder);
                Files.deleteIfExists(store);
                Files.writeString(folder.resolve("devices.pass"), PASSWORD, StandardCharsets.US_ASCII);
                Process keytool = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "keytool")
                        .toString(), "-genkeypair", "-alias", "kiosk", "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", "CN=127.0.0.1, O=Community Kiosk test", "-ext", "san=ip:127.0.0.1,dns:localhost",
                        "-validity", "7", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass",
                        PASSWORD).redirectErrorStream(true).start();
                String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (keytool.waitFor() != 0) {
                    throw new IllegalStateException("keytool failed: " + output);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot make the device connector's key store", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            keyStore = store;
        }
        return keyStore;
    }

    static Option[] distribution(KioskProcess.Ports ports, Option... more) {
        String localRepo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(maven().groupId("org.communitykiosk").artifactId("kiosk-distribution")
                                .type("tar.gz").versionAsInProject())
                        .name("kiosk").unpackDirectory(new File("target/exam")).useDeployFolder(false),
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.WARN),
                // the distribution ships its bundle cache with the boot features marked installed, and Karaf installs
                // boot features only into a cache that has none: Pax Exam's own (added to featuresBoot) need a fresh one
                editConfigurationFilePut("etc/system.properties", "karaf.clean.cache", "true"),
                // the kiosk has no remote repositories: Pax Exam's own bundles and the test plugins come from the
                // build's local repository
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        localRepo),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                        "https://repo1.maven.org/maven2@id=central"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                        String.valueOf(ports.http())),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "kiosk.devices.port",
                        String.valueOf(ports.https())),
                replaceConfigurationFile("etc/tls/devices.p12", keyStore().toFile()),
                replaceConfigurationFile("etc/tls/devices.pass", keyStore().resolveSibling("devices.pass").toFile()),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(ports.ssh())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                        String.valueOf(ports.rmiRegistry())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                        String.valueOf(ports.rmiServer()))));
        options.addAll(List.of(more));
        return options(options.toArray(Option[]::new));
    }
}
