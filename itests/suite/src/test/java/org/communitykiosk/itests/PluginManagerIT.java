package org.communitykiosk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.Repository;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.plugins.api.PluginInfo;
import org.communitykiosk.plugins.api.PluginInfo.State;
import org.communitykiosk.plugins.api.PluginManager;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The plugin manager inside the real distribution (one Karaf boot for the class), through its exported
 * {@link PluginManager} service and the console's plugin-archive import, with the test plugin from
 * {@code itests/versioned-plugin} in its three builds: 1.0.0 and 2.0.0 (KAR archives made by karaf-maven-plugin), and
 * 3.0.0 that requires a plugin API this platform does not have.
 * <p>
 * "Nothing changed" is checked on a snapshot of what Karaf has: installed features, feature repositories, imported
 * archives, and every bundle with its version and state. Its own Karaf, apart from {@link KioskPlatformIT}: an
 * imported plugin that is not installed would break that class's "every kiosk feature is installed".
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginManagerIT {

    static final int HTTP_PORT = 18481;
    static final String FEATURE = "kiosk-versioned";
    static final String BUNDLE = "org.communitykiosk.kiosk-test-versioned-plugin";
    static final String VERSION_PROPERTY = "versioned.version";
    static final Actor ADMIN = Actor.staff("itest-admin");

    @Inject
    BundleContext context;

    @Inject
    FeaturesService features;

    @Inject
    @Filter(timeout = 120_000)
    PluginManager plugins;

    @Inject
    @Filter(timeout = 120_000)
    Transactions transactions;

    @Configuration
    public Option[] config() {
        // the deliberately broken test plugin is installed from the build's repository in its version
        return KioskExam.distribution(new KioskProcess.Ports(HTTP_PORT, 18401, 11499, 44845),
                systemProperty("kiosk.version").value(System.getProperty("kiosk.version")),
                // the test plugin's archives are signed by the tests' publisher (itests/publisher)
                replaceConfigurationFile("etc/kiosk-publishers/kiosk-test-publisher.crt",
                        new java.io.File(System.getProperty("kiosk.testPublisher"))));
    }

    @Test
    public void importInstallUpgradeAndUninstallKeepThePluginsData() throws Throwable {
        assertEquals(List.of(FEATURE), importArchive(testKar("v1", "1.0.0"), "versioned-1.0.0.kar"));
        PluginInfo offered = plugins.find(FEATURE).orElseThrow();
        assertEquals("an import only offers the plugin", State.NOT_INSTALLED, offered.state());
        assertEquals("1.0.0", offered.version());
        assertTrue("nothing of it runs before install", bundles(BUNDLE).isEmpty());

        PluginInfo installed = plugins.install(FEATURE, ADMIN);
        assertEquals(State.INSTALLED, installed.state());
        assertEquals("1.0.0", installed.version());
        assertEquals(List.of("versioned"), installed.pluginIds());
        assertEquals("1.0.0", runningVersion());
        assertTrue(starts().contains("1.0.0"));

        assertEquals(List.of(FEATURE), importArchive(testKar("v2", "2.0.0"), "versioned-2.0.0.kar"));
        PluginInfo offeredUpdate = plugins.find(FEATURE).orElseThrow();
        assertEquals(State.UPDATE_AVAILABLE, offeredUpdate.state());
        assertEquals("1.0.0", offeredUpdate.version());
        assertEquals("2.0.0", offeredUpdate.availableVersion());
        assertEquals("the import does not upgrade by itself", "1.0.0", runningVersion());

        // a newer version whose bundle does not start: the upgrade fails and 1.0.0 runs again, its data kept
        URI notStarting = featuresFile("kiosk-test-not-starting", FEATURE, "2.5.0");
        features.addRepository(notStarting);
        try {
            String before = snapshot();
            refused("plugins.error.failed", () -> plugins.upgrade(FEATURE, ADMIN));
            assertEquals("a failed upgrade changes nothing", before, snapshot());
            assertEquals("1.0.0", runningVersion());
        } finally {
            features.removeRepository(notStarting);
        }

        // 3.0.0 needs platform API 2: offered through a features repository (as on a kiosk with a newer plugin
        // repository), the upgrade is refused before Karaf is asked
        URI incompatible = URI.create(
                "mvn:org.communitykiosk/kiosk-test-versioned-plugin-incompatible/3.0.0/xml/features");
        features.addRepository(incompatible);
        try {
            assertEquals("3.0.0", plugins.find(FEATURE).orElseThrow().availableVersion());
            String before = snapshot();
            InvalidInputException refusal = refused("plugins.error.incompatible",
                    () -> plugins.upgrade(FEATURE, ADMIN));
            assertEquals("[2.0.0,3.0.0)", String.valueOf(refusal.problems().get(0).args().get(1)));
            assertEquals("an incompatible upgrade changes nothing", before, snapshot());
            assertEquals("1.0.0", runningVersion());
        } finally {
            features.removeRepository(incompatible);
        }

        int rowsBeforeUpgrade = starts().size();
        PluginInfo upgraded = plugins.upgrade(FEATURE, ADMIN);
        assertEquals(State.INSTALLED, upgraded.state());
        assertEquals("2.0.0", upgraded.version());
        assertEquals("2.0.0", runningVersion());
        assertEquals("1.0.0 is gone", List.of("2.0.0"),
                bundles(BUNDLE).stream().map(b -> b.getVersion().toString()).toList());
        List<String> afterUpgrade = starts();
        assertTrue("the rows 1.0.0 wrote are kept: " + afterUpgrade,
                afterUpgrade.subList(0, rowsBeforeUpgrade).stream().allMatch("1.0.0"::equals));
        assertTrue(afterUpgrade.contains("2.0.0"));

        PluginInfo removed = plugins.uninstall(FEATURE, ADMIN);
        assertEquals(State.NOT_INSTALLED, removed.state());
        waitFor("no versioned plugin service", () -> pluginReferences().isEmpty());
        assertTrue("no bundle left", bundles(BUNDLE).isEmpty());
        List<String> afterUninstall = starts();
        assertEquals("uninstalling keeps the data", afterUpgrade, afterUninstall.subList(0, afterUpgrade.size()));

        PluginInfo again = plugins.install(FEATURE, ADMIN);
        assertEquals("2.0.0", again.version());
        assertEquals("2.0.0", runningVersion());
        List<String> afterReinstall = starts();
        assertEquals("reinstalling finds the data", afterUpgrade, afterReinstall.subList(0, afterUpgrade.size()));

        plugins.uninstall(FEATURE, ADMIN);
    }

    @Test
    public void anIncompatiblePluginArchiveIsRefusedWithAReasonAndChangesNothing() throws Throwable {
        String before = snapshot();
        PluginInfo pluginBefore = plugins.find(FEATURE).orElse(null);
        InvalidInputException refusal = refused("plugins.error.incompatible",
                () -> importArchive(testKar("incompatible", "3.0.0"), "versioned-3.0.0.kar"));
        List<Object> args = refusal.problems().get(0).args();
        assertEquals(FEATURE, args.get(0));
        assertEquals("the range the plugin requires", "[2.0.0,3.0.0)", String.valueOf(args.get(1)));
        assertTrue("this platform's version " + args.get(2), String.valueOf(args.get(2)).startsWith("1."));
        assertEquals(before, snapshot());
        assertEquals(pluginBefore, plugins.find(FEATURE).orElse(null));
    }

    @Test
    public void filesThatAreNotPluginArchivesAreRefusedAndChangeNothing() throws Throwable {
        String before = snapshot();
        byte[] noise = new byte[4096];
        new Random(3).nextBytes(noise);
        Path random = Files.write(Files.createTempFile("noise", ".kar"), noise);
        refused("plugins.kar.error.notZip", () -> importArchive(random, "noise.kar"));

        Path outside = zip(List.of("README.txt", "hello"), List.of("repository/x/y.txt", "not a feature"));
        refused("plugins.kar.error.content", () -> importArchive(outside, "outside.kar"));

        // no trusted publisher signed these: refused before their features are read (what a signed archive's
        // features may hold is KarArchiveTest's, and AttackArchiveIT's through the console)
        Path autoInstall = zip(List.of("repository/x/features.xml",
                "<features xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\" name=\"auto\">"
                        + "<feature name=\"kiosk-auto\" version=\"1.0.0\"/></features>"));
        refused("plugins.kar.error.unsigned", () -> importArchive(autoInstall, "auto.kar"));

        assertEquals("refused archives change nothing", before, snapshot());
        assertTrue(plugins.find("kiosk-auto").isEmpty());
    }

    @Test
    public void aFailedInstallIsRolledBack() throws Throwable {
        URI notStarting = featuresFile("kiosk-test-failing", "kiosk-failing", "1.0.0");
        features.addRepository(notStarting);
        try {
            assertEquals(State.NOT_INSTALLED, plugins.find("kiosk-failing").orElseThrow().state());
            String before = snapshot();
            InvalidInputException refusal = refused("plugins.error.failed",
                    () -> plugins.install("kiosk-failing", ADMIN));
            assertFalse("a reason staff can read", String.valueOf(refusal.problems().get(0).args().get(1)).isBlank());
            assertEquals("nothing of the failed install is left", before, snapshot());
            assertEquals(State.NOT_INSTALLED, plugins.find("kiosk-failing").orElseThrow().state());
        } finally {
            features.removeRepository(notStarting);
        }
    }

    /**
     * A plugin whose bundle starts but whose component throws when it is activated does not work: the install is
     * refused and rolled back like one whose bundle does not start.
     */
    @Test
    public void aPluginWhoseComponentFailsToActivateIsRolledBack() throws Throwable {
        Path file = Files.createTempFile("kiosk-test-broken", ".xml");
        Files.writeString(file, "<features xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\""
                + " name=\"kiosk-test-broken\"><feature name=\"kiosk-broken\" version=\"1.0.0\" install=\"manual\">"
                + "<bundle>mvn:org.communitykiosk/kiosk-test-broken-plugin/" + System.getProperty("kiosk.version")
                + "</bundle></feature></features>", StandardCharsets.UTF_8);
        URI repository = file.toUri();
        features.addRepository(repository);
        try {
            String before = snapshot();
            refused("plugins.error.notStarted", () -> plugins.install("kiosk-broken", ADMIN));
            assertEquals("nothing of the failed install is left", before, snapshot());
            assertEquals(State.NOT_INSTALLED, plugins.find("kiosk-broken").orElseThrow().state());
        } finally {
            features.removeRepository(repository);
        }
    }

    /**
     * The love market spends through the points ledger (its feature requires kiosk-points). Karaf would "uninstall"
     * kiosk-points by dropping it from its requirements while keeping it for the love market: the plugin stays, the
     * console would show it installed after staff removed it, and it would vanish later with the love market.
     */
    @Test
    public void aPluginThatAnotherInstalledPluginNeedsIsRefusedForUninstallAndNothingChanges() throws Throwable {
        assertTrue(plugins.find("kiosk-lovemarket").orElseThrow().installed());
        assertEquals(State.INSTALLED, plugins.find("kiosk-points").orElseThrow().state());
        String before = snapshot();
        InvalidInputException refusal = refused("plugins.error.neededBy",
                () -> plugins.uninstall("kiosk-points", ADMIN));
        assertEquals("kiosk-points", refusal.problems().get(0).args().get(0));
        assertTrue("names the plugin that needs it: " + refusal.problems(),
                String.valueOf(refusal.problems().get(0).args().get(1)).contains("kiosk-lovemarket"));
        assertEquals("nothing changed, not even Karaf's requirements", before, snapshot());
        assertEquals(State.INSTALLED, plugins.find("kiosk-points").orElseThrow().state());
    }

    // --- helpers ---

    private interface Call {
        Object run() throws Throwable;
    }

    private static InvalidInputException refused(String key, Call call) throws Throwable {
        try {
            call.run();
        } catch (InvalidInputException e) {
            assertEquals("refused with " + key + ": " + e.problems(), key, e.problems().get(0).key());
            return e;
        }
        fail("expected a refusal " + key);
        return null;
    }

    /**
     * The console's import service is internal to kiosk-plugins (the upload and USB screen use it); called by
     * reflection on its public implementation class so that the test goes through the same checks as staff.
     */
    @SuppressWarnings("unchecked")
    private List<String> importArchive(Path file, String displayName) throws Throwable {
        String name = "org.communitykiosk.plugins.internal.PluginImport";
        waitFor("the plugin import service", () -> {
            try {
                return context.getServiceReferences(name, null) != null;
            } catch (Exception e) {
                return false;
            }
        });
        ServiceReference<?> reference = context.getServiceReferences(name, null)[0];
        Object service = context.getService(reference);
        try {
            Method method = service.getClass().getMethod("importArchive", Path.class, String.class, Actor.class);
            return (List<String>) method.invoke(service, file, displayName, ADMIN);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            context.ungetService(reference);
        }
    }

    /** The test plugin's KAR, as an upload would give it: a copy in a temporary file. */
    private static Path testKar(String variant, String version) throws Exception {
        Path file = Files.createTempFile("versioned-" + version, ".kar");
        try (InputStream in = new URL("mvn:org.communitykiosk/kiosk-test-versioned-plugin-" + variant + "/" + version
                + "/kar/plugin").openStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /**
     * A features repository with one plugin feature whose bundle resolves but cannot start (its activator class does
     * not exist), so Karaf's deployment fails after it has installed the bundle: the plugin manager has to roll back.
     * (Not a bundle that cannot be downloaded: Karaf retries a download for minutes before it gives up.)
     */
    private static URI featuresFile(String repository, String feature, String version) throws Exception {
        Path bundle = Files.createTempFile(feature + "-" + version, ".jar");
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.communitykiosk.itests." + feature);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Activator", "org.communitykiosk.itests.missing.Activator");
        try (OutputStream out = Files.newOutputStream(bundle); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        Path file = Files.createTempFile(repository, ".xml");
        Files.writeString(file, "<features xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\" name=\""
                + repository + "\"><feature name=\"" + feature + "\" version=\"" + version + "\" install=\"manual\">"
                + "<bundle>" + bundle.toUri() + "</bundle></feature></features>", StandardCharsets.UTF_8);
        return file.toUri();
    }

    @SafeVarargs
    private static Path zip(List<String>... entries) throws Exception {
        Path file = Files.createTempFile("archive", ".kar");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (List<String> entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.get(0)));
                zip.write(entry.get(1).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    /**
     * What Karaf has now, as text, to compare before and after a refused action: bundles without their ids, which
     * change when a failed upgrade puts the previous version back.
     */
    private String snapshot() throws Exception {
        // bundles still starting after boot (or after an earlier test's refresh) are not a change a test made; nor
        // are lazy bundles (Vaadin's) started by the classes the plugin manager loads when it uses each plugin
        // service to see whether its component works: list once first, so that has happened
        plugins.list();
        String previous = state();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(300);
            String now = state();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        throw new AssertionError("Karaf did not settle: " + previous);
    }

    private String state() throws Exception {
        String installed = Stream.of(features.listInstalledFeatures())
                .map(f -> f.getName() + "/" + f.getVersion()).sorted().collect(Collectors.joining(","));
        String repositories = Stream.of(features.listRepositories()).map(Repository::getURI).map(URI::toString)
                .sorted().collect(Collectors.joining(","));
        // imported archives: each unpacked into a folder of its own there
        Path kar = Path.of(System.getProperty("karaf.data"), "kar");
        String archives = "";
        if (Files.isDirectory(kar)) {
            try (Stream<Path> folders = Files.list(kar)) {
                archives = folders.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(","));
            }
        }
        String requirements = features.listRequirements().entrySet().stream()
                .map(e -> e.getKey() + "=" + new java.util.TreeSet<>(e.getValue())).sorted()
                .collect(Collectors.joining(","));
        String bundles = Stream.of(context.getBundles())
                .map(b -> b.getSymbolicName() + "/" + b.getVersion() + ":" + b.getState()).sorted()
                .collect(Collectors.joining(","));
        return "features " + installed + "\nrequirements " + requirements + "\nrepositories " + repositories + "\nkars " + archives + "\nbundles "
                + bundles;
    }

    private List<Bundle> bundles(String symbolicName) {
        return Stream.of(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).toList();
    }

    private List<ServiceReference<KioskPlugin>> pluginReferences() {
        try {
            return new ArrayList<>(context.getServiceReferences(KioskPlugin.class, "(kiosk.plugin.id=versioned)"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The version of the one registered versioned plugin; its component is activated here (as the home screen
     * does), so that it has written its start row.
     */
    private String runningVersion() throws Exception {
        waitFor("one versioned plugin service", () -> pluginReferences().size() == 1);
        ServiceReference<KioskPlugin> reference = pluginReferences().get(0);
        KioskPlugin plugin = context.getService(reference);
        assertNotNull("the plugin activates", plugin);
        try {
            assertEquals("versioned", plugin.id());
            String version = String.valueOf(reference.getProperty(VERSION_PROPERTY));
            assertEquals("the service comes from the bundle of that version", version,
                    reference.getBundle().getVersion().toString());
            return version;
        } finally {
            context.ungetService(reference);
        }
    }

    /** The versions the test plugin recorded at each activation, oldest first: its data in the kiosk database. */
    private List<String> starts() {
        return transactions.required(connection -> {
            List<String> versions = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT version FROM versioned_starts ORDER BY id"); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getString(1));
                }
            }
            return versions;
        });
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
