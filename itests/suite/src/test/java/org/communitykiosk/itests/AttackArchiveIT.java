package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.WebElement;

/**
 * Threat: <b>a plugin archive that does more than offer a plugin</b>. Staff with the admin role import plugin archives
 * (Karaf KAR files) from the kiosk's {@code import/} folder or a USB stick, or by upload; the archive comes from
 * whoever made or handed over the file, and a stick passes through many hands. An attacker takes the project's own
 * test plugin archive (a good one, which the kiosk accepts) and adds to it what Karaf's KAR import also honours:
 * files under {@code resources/} (copied into the kiosk's installation: a configuration file into {@code etc/}, a
 * second administrator into {@code etc/users.properties}, a bundle into {@code deploy/}, which Karaf starts), a
 * {@code Karaf-Feature-Repos} manifest header (a features repository of the attacker's instead of the archive's own,
 * whose features Karaf installs), a zip whose central directory (read by the kiosk's check) and local headers (read by
 * Karaf's import) name different files, and a plugin feature without {@code install="manual"}. These archives are
 * signed again by the publisher the kiosk trusts (the tests' publisher, itests/publisher), as if that publisher's key
 * had been stolen or the publisher itself turned bad: the rules on an archive's content hold whoever signed it. Then
 * the signature itself: an unsigned archive, one signed by a key the kiosk does not trust, one changed after signing.
 * Each must be refused with a message saying why, nothing written into the installation and Karaf's feature
 * repositories, imported archives and installed features as they were, the plugin list unchanged and the kiosk still
 * answering. A good archive sent through the page's upload is accepted and its plugin offered, not installed; an
 * admin who trusts a new publisher on the console (after seeing its fingerprint) can import its archives. The kiosk is
 * started for this class alone, so that what one attack leaves does not fall on another test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackArchiveIT {

    static final KioskProcess.Ports PORTS = new KioskProcess.Ports(19581, 19501, 12599, 45645);
    private static final char[] TEST_PUBLISHER_PASSWORD = "kiosk-test-publisher".toCharArray();
    /** The good archive's plugin feature (itests/versioned-plugin). */
    static final String FEATURE = "kiosk-versioned";
    /** What Karaf may take for an import: a refusal comes sooner, a KAR import within seconds. */
    private static final Duration ANSWER = Duration.ofSeconds(90);

    private static KioskProcess kiosk;
    private static Path files;
    /** The project's test plugin archive, as built: the kiosk accepts it. */
    private static Path goodKar;

    @BeforeAll
    static void startAKioskOfItsOwn() throws Exception {
        goodKar = Paths.get(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"))
                .resolve("org/communitykiosk/kiosk-test-versioned-plugin-v1/1.0.0"
                        + "/kiosk-test-versioned-plugin-v1-1.0.0-plugin.kar");
        assertTrue(Files.isRegularFile(goodKar), "the test plugin archive is built: " + goodKar);
        kiosk = KioskProcess.unpack(Paths.get(System.getProperty("kiosk.runDirectory", "target/kiosk-browser"))
                .resolveSibling("kiosk-attack-archive"), PORTS);
        Runtime.getRuntime().addShutdownHook(new Thread(kiosk::kill));
        kiosk.trustTestPublisher().start();
        files = Files.createTempDirectory("attack-archive");
    }

    @AfterAll
    static void stop() throws IOException {
        if (kiosk != null) {
            kiosk.kill();
        }
        if (files != null) {
            deleteTree(files);
        }
    }

    @Test
    @Order(1)
    void aConfigurationFileUnderResourcesIsRefusedAndNotWrittenIntoEtc() throws Exception {
        Path kar = signedByTheTrustedPublisher(archive("pwned-cfg.kar",
                Map.of("resources/etc/pwned-by-kar.cfg", bytes("pwned = true\n")), ContentChange.none()));
        Path written = kiosk.home().resolve("etc/pwned-by-kar.cfg");
        try {
            refusedFromTheList(kar, "不属于插件", () -> assertFalse(Files.exists(written), "the archive wrote " + written));
        } finally {
            Files.deleteIfExists(written);
        }
    }

    @Test
    @Order(2)
    void aSecondAdministratorUnderResourcesIsRefusedAndUsersPropertiesKept() throws Exception {
        Path users = kiosk.home().resolve("etc/users.properties");
        byte[] before = Files.readAllBytes(users);
        byte[] withBackdoor = (new String(before, StandardCharsets.UTF_8)
                + "\npwned = pwned2026,_g_:admingroup\n").getBytes(StandardCharsets.UTF_8);
        Path kar = signedByTheTrustedPublisher(archive("pwned-users.kar",
                Map.of("resources/etc/users.properties", withBackdoor), ContentChange.none()));
        try {
            refusedFromTheList(kar, "不属于插件", () -> assertArrayEquals(before, Files.readAllBytes(users),
                    () -> "etc/users.properties was changed, lines added: " + addedLines(before, users)));
        } finally {
            Files.write(users, before);
        }
    }

    @Test
    @Order(3)
    void aBundleForTheDeployFolderUnderResourcesIsRefusedAndNotDeployed() throws Exception {
        Path deploy = kiosk.home().resolve("deploy");
        Set<String> before = names(deploy);
        Path kar = signedByTheTrustedPublisher(archive("pwned-deploy.kar",
                Map.of("resources/deploy/evil.jar", bundleJar()), ContentChange.none()));
        try {
            refusedFromTheList(kar, "不属于插件", () -> unchanged("deploy/", before, names(deploy)));
        } finally {
            Files.deleteIfExists(deploy.resolve("evil.jar"));
        }
    }

    @Test
    @Order(4)
    void aManifestNamingAFeaturesRepositoryOfTheAttackersIsRefused() throws Exception {
        // the attacker's repository: a kiosk plugin feature that installs itself (it holds nothing, to stay harmless)
        Path repository = files.resolve("pwned-features.xml");
        Files.writeString(repository, "<features xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\""
                + " name=\"pwned-by-kar-repos\"><feature name=\"kiosk-pwned-repos\" version=\"1.0.0\"/></features>",
                StandardCharsets.UTF_8);
        Path kar = signedByTheTrustedPublisher(archive("pwned-repos.kar", Map.of(),
                (name, content) -> name.equals("META-INF/MANIFEST.MF")
                        ? withManifestHeader(content, "Karaf-Feature-Repos", repository.toUri().toString())
                        : content));
        refusedFromTheList(kar, "要求添加别的插件清单", () -> assertFalse(kiosk.shell("feature:list -i").contains("kiosk-pwned-repos"),
                "the attacker's feature was installed"));
    }

    @Test
    @Order(5)
    void aZipWhoseLocalHeadersNameOtherFilesThanItsDirectoryIsRefused() throws Exception {
        // the directory (which java.util.zip.ZipFile reads) names a harmless file under repository/, the entry's local
        // header (which a ZipInputStream reads, as Karaf's import does) a file under resources/ of the same length
        String shown = "repository/xx/pwned-by-kar2.cfg";
        String hidden = "resources/etc/pwned-by-kar2.cfg";
        assertEquals(shown.length(), hidden.length());
        Path kar = signedByTheTrustedPublisher(archive("pwned-headers.kar", Map.of(shown, bytes("pwned = true\n")),
                ContentChange.none()));
        patchLocalName(kar, shown, hidden);
        assertTrue(centralNames(kar).contains(shown) && !centralNames(kar).contains(hidden));
        assertTrue(localNames(kar).contains(hidden) && !localNames(kar).contains(shown));
        Path etc = kiosk.home().resolve("etc");
        Set<String> before = names(etc);
        Path written = etc.resolve("pwned-by-kar2.cfg");
        try {
            refusedFromTheList(kar, "前后不一致", () -> assertFalse(Files.exists(written), "the archive wrote " + written),
                    () -> unchanged("etc/", before, names(etc)));
        } finally {
            Files.deleteIfExists(written);
        }
    }

    @Test
    @Order(6)
    void aPluginFeatureThatWouldInstallItselfIsRefused() throws Exception {
        Path kar = signedByTheTrustedPublisher(archive("auto-install.kar", Map.of(),
                (name, content) -> name.endsWith("-features.xml")
                        ? bytes(new String(content, StandardCharsets.UTF_8).replace(" install=\"manual\"", ""))
                        : content));
        refusedFromTheList(kar, "自动安装", () -> assertFalse(kiosk.shell("feature:list -i").contains(FEATURE),
                "the plugin installed itself"));
    }

    @Test
    @Order(7)
    void aGoodArchiveSentByUploadIsImportedAndOfferedNotInstalled() throws Exception {
        Path kar = Files.createDirectories(files.resolve("upload")).resolve(goodKar.getFileName());
        Files.copy(goodKar, kar);
        Karaf before = Karaf.now();
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            browser.signInStaff("admin", "admin2026");
            browser.open("plugins/import").find("#plugins-import-upload");
            browser.upload("#plugins-import-upload", kar);
            String refusal = outcome(browser);
            assertEquals("", refusal, "the good archive was refused after an upload");
            browser.open("plugins").find("#plugins-list");
            browser.find("#plugin-row-" + FEATURE);
            assertTrue(browser.present("#plugin-install-" + FEATURE), "the imported plugin is offered for install");
            assertFalse(browser.present("#plugin-uninstall-" + FEATURE), "the import installed the plugin");
        } finally {
            before.restore();
        }
    }

    @Test
    @Order(8)
    void anUnsignedArchiveIsRefused() throws Exception {
        Path kar = archive("unsigned.kar", Map.of(), (name, content) -> signatureFile(name) ? null : content);
        refusedFromTheList(kar, "没有签名");
    }

    @Test
    @Order(9)
    void anArchiveChangedAfterSigningIsRefused() throws Exception {
        // the trusted publisher's own archive, its plugin's bundle swapped for another after signing
        Path kar = archive("tampered.kar", Map.of(), (name, content) -> name.endsWith("-1.0.0.jar") ? bundleJar()
                : content);
        refusedFromTheList(kar, "签名后被改动");
    }

    @Test
    @Order(10)
    void anArchiveSignedByAKeyTheKioskDoesNotTrustIsRefusedNamingItsFingerprint() throws Exception {
        Path kar = signed(archive("stranger.kar", Map.of(), ContentChange.none()), stranger());
        String fingerprint = fingerprint(strangerCertificate());
        refusedFromTheList(kar, fingerprint);
    }

    /**
     * The other side of the last test: an admin who got the publisher's fingerprint by another way trusts it on the
     * console, where the certificate on the stick shows its fingerprint before anything is trusted; its archive then
     * imports. Distrusting it again leaves the kiosk as it was.
     */
    @Test
    @Order(11)
    void anAdminTrustsANewPublisherAfterSeeingItsFingerprintAndItsArchiveImports() throws Exception {
        Path folder = kiosk.home().resolve("import");
        deleteTree(folder);
        Files.createDirectories(folder);
        Files.write(folder.resolve("stranger.crt"), strangerCertificate().getEncoded());
        Files.copy(signed(archive("stranger.kar", Map.of(), ContentChange.none()), stranger()),
                folder.resolve("stranger.kar"));
        String fingerprint = fingerprint(strangerCertificate());
        Karaf before = Karaf.now();
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            browser.signInStaff("admin", "admin2026");
            browser.open("plugins/import").find("#plugins-import-publishers");
            browser.click("#plugins-import-publishers");
            browser.find("#publishers-offered");
            assertFalse(browser.text("#publishers-trusted").contains(fingerprint));
            browser.click("#publisher-offered-0");
            browser.waitForText("#publisher-candidate-fingerprint", fingerprint);
            browser.click("#publisher-trust");
            browser.waitForText("#publishers-trusted", fingerprint);

            browser.open("plugins/import").find("#plugins-import-file-0");
            browser.click("#plugins-import-file-0");
            assertEquals("", outcome(browser), "the newly trusted publisher's archive was refused");
            browser.open("plugins").find("#plugin-install-" + FEATURE);

            browser.open("plugins/publishers").find("#publishers-trusted");
            int stranger = -1;
            for (int i = 0; browser.present("#publisher-" + i + "-fingerprint"); i++) {
                if (browser.text("#publisher-" + i + "-fingerprint").contains(fingerprint)) {
                    stranger = i;
                }
            }
            assertTrue(stranger >= 0, "the publisher is listed");
            browser.click("#publisher-remove-" + stranger);
            browser.waitUntil(d -> !browser.text("#publishers-trusted").contains(fingerprint), ANSWER);
        } finally {
            before.restore();
            deleteTree(folder);
        }
        try (Stream<Path> trusted = Files.list(kiosk.home().resolve("etc/kiosk-publishers"))) {
            assertEquals(List.of("kiosk-test-publisher.crt"), trusted.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".crt")).toList(), "only the tests' publisher is trusted again");
        }
    }

    // ---- the attacker's tools

    private static java.security.KeyStore.PrivateKeyEntry stranger;
    private static java.security.cert.X509Certificate strangerCertificate;

    /** A publisher's key the kiosk does not trust, made once with the JDK's keytool. */
    private static synchronized java.security.KeyStore.PrivateKeyEntry stranger() throws Exception {
        if (stranger == null) {
            Path store = files.resolve("stranger.p12");
            Process keytool = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "stranger",
                    "-alias", "stranger", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30", "-dname",
                    "CN=Someone else, O=Not the kiosk's publisher").redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(keytool.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
            stranger = keyEntry(store, "stranger", "stranger".toCharArray());
            strangerCertificate = (java.security.cert.X509Certificate) stranger.getCertificate();
        }
        return stranger;
    }

    private static java.security.cert.X509Certificate strangerCertificate() throws Exception {
        stranger();
        return strangerCertificate;
    }

    /** SHA-256 of the certificate as the kiosk shows it: hex pairs with colons. */
    private static String fingerprint(java.security.cert.X509Certificate certificate) throws Exception {
        return java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    private static java.security.KeyStore.PrivateKeyEntry keyEntry(Path store, String alias, char[] password)
            throws Exception {
        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        return (java.security.KeyStore.PrivateKeyEntry) keys.getEntry(alias,
                new java.security.KeyStore.PasswordProtection(password));
    }

    /** The archive signed anew (as jarsigner does) by the tests' publisher, whom the kiosk trusts. */
    private static Path signedByTheTrustedPublisher(Path kar) throws Exception {
        Path store = Paths.get(System.getProperty("kiosk.testPublisher")).resolveSibling("kiosk-test-publisher.p12");
        return signed(kar, keyEntry(store, "kiosk-test-publisher", TEST_PUBLISHER_PASSWORD));
    }

    /** Replaces the archive by a copy without its old signature, signed with the key. */
    private static Path signed(Path kar, java.security.KeyStore.PrivateKeyEntry key) throws Exception {
        Path unsigned = files.resolve("unsigned-" + kar.getFileName());
        try (ZipFile in = new ZipFile(kar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(unsigned))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                if (!signatureFile(entry.getName())) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(in.getInputStream(entry).readAllBytes());
                    out.closeEntry();
                }
            }
        }
        jdk.security.jarsigner.JarSigner signer = new jdk.security.jarsigner.JarSigner.Builder(key).build();
        try (ZipFile in = new ZipFile(unsigned.toFile());
                java.io.OutputStream out = Files.newOutputStream(kar)) {
            signer.sign(in, out);
        }
        Files.delete(unsigned);
        return kar;
    }

    /**
     * The good archive under another name, with these entries added at its end and each of its own entries' content
     * passed through {@code change} (the entries keep their order: the manifest stays first, as Karaf reads it). Its
     * jar signature, if it has one, is kept: the added entries are simply not signed.
     */
    private static Path archive(String name, Map<String, byte[]> added, ContentChange change) throws IOException {
        Path file = files.resolve(name);
        try (ZipFile good = new ZipFile(goodKar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry : java.util.Collections.list(good.entries())) {
                byte[] content;
                try (InputStream in = good.getInputStream(entry)) {
                    content = change.apply(entry.getName(), in.readAllBytes());
                }
                if (content == null) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> entry : new LinkedHashMap<>(added).entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    /** A change of an archive entry's content, by the entry's name; null leaves the entry out. */
    @FunctionalInterface
    private interface ContentChange {
        byte[] apply(String name, byte[] content) throws IOException;

        static ContentChange none() {
            return (name, content) -> content;
        }
    }

    /** A jar signature's own files: META-INF/*.SF, .RSA, .DSA, .EC, SIG-*. */
    private static boolean signatureFile(String name) {
        return name.matches("(?i)META-INF/([^/]+\\.(SF|RSA|DSA|EC)|SIG-[^/]*)");
    }

    /** The manifest with one more main attribute (Manifest writes its long values on continuation lines). */
    private static byte[] withManifestHeader(byte[] manifest, String header, String value) throws IOException {
        Manifest parsed = new Manifest(new ByteArrayInputStream(manifest));
        parsed.getMainAttributes().putValue(header, value);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parsed.write(out);
        return out.toByteArray();
    }

    /**
     * Rewrites the name in the local file header of the entry named {@code shown} (its first occurrence in the file:
     * local headers come before the central directory), which keeps naming {@code shown}.
     */
    private static void patchLocalName(Path kar, String shown, String hidden) throws IOException {
        byte[] zip = Files.readAllBytes(kar);
        byte[] from = shown.getBytes(StandardCharsets.US_ASCII);
        // a local file header: the signature PK\3\4, then 26 bytes, then the name (the name may also stand in a
        // signed manifest's text before it)
        int at = -1;
        for (int i = indexOf(zip, from, 0); i >= 0; i = indexOf(zip, from, i + 1)) {
            if (i >= 30 && zip[i - 30] == 'P' && zip[i - 29] == 'K' && zip[i - 28] == 3 && zip[i - 27] == 4) {
                at = i;
                break;
            }
        }
        assertTrue(at >= 0, "a local header names " + shown);
        System.arraycopy(hidden.getBytes(StandardCharsets.US_ASCII), 0, zip, at, from.length);
        Files.write(kar, zip);
    }

    private static int indexOf(byte[] data, byte[] part, int from) {
        outer: for (int i = from; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The entries as the central directory names them (java.util.zip.ZipFile, the kiosk's check). */
    private static List<String> centralNames(Path kar) throws IOException {
        try (ZipFile zip = new ZipFile(kar.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    /** The entries as their local headers name them (ZipInputStream, Karaf's import). */
    private static List<String> localNames(Path kar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(kar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    /** A small OSGi bundle with nothing in it: what a deploy folder installs and starts. */
    private static byte[] bundleJar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.communitykiosk.itests.pwned-by-kar");
        main.putValue("Bundle-Version", "1.0.0");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---- what the kiosk must show and keep

    /**
     * Staff import the archive from the kiosk's import folder (the only file there), as offered on the import screen:
     * refused with a message that says {@code because}, the plugin list, Karaf's repositories, archives and installed features as they were,
     * {@code kept} (what the archive tried to write) holding too, and the kiosk still answering. Every check runs and
     * is reported; whatever the archive did get into Karaf is undone after.
     */
    private static void refusedFromTheList(Path kar, String because, Executable... kept) throws Exception {
        Path folder = kiosk.home().resolve("import");
        deleteTree(folder);
        Files.createDirectories(folder);
        Files.copy(kar, folder.resolve(kar.getFileName()));
        Karaf before = Karaf.now();
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            browser.signInStaff("admin", "admin2026");
            List<String> rowsBefore = pluginRows(browser);
            browser.open("plugins/import").find("#plugins-import-files");
            WebElement offered = browser.find("#plugins-import-file-0");
            assertEquals(kar.getFileName().toString(), offered.getText().trim(), "the import folder's file is offered");
            browser.click("#plugins-import-file-0");
            String refusal = outcome(browser);
            Karaf after = Karaf.now();
            List<Executable> checks = new ArrayList<>();
            checks.add(() -> assertFalse(refusal.isBlank(), kar.getFileName() + " was imported, not refused"));
            checks.add(() -> assertTrue(refusal.contains(because), "the refusal says why (" + because + "): "
                    + refusal));
            checks.add(() -> unchanged("Karaf's feature repositories", before.repositories, after.repositories));
            checks.add(() -> unchanged("Karaf's imported archives", before.archives, after.archives));
            checks.add(() -> unchanged("Karaf's installed features", before.features, after.features));
            checks.addAll(List.of(kept));
            checks.add(() -> assertEquals(rowsBefore, pluginRows(browser), "the plugins offered"));
            checks.add(AttackArchiveIT::stillAnswers);
            assertAll(kar.getFileName().toString(), checks.stream());
        } finally {
            before.restore();
            deleteTree(folder);
        }
    }

    /**
     * Waits for the import to end: the refusal's message (visible and not empty), or "" when the kiosk accepted the
     * archive and went back to the plugins list.
     */
    private static String outcome(KioskBrowser browser) {
        String[] refusal = new String[1];
        try {
            browser.waitUntil(d -> {
                List<WebElement> shown = browser.all("#plugins-import-error").stream()
                        .filter(e -> e.isDisplayed() && !e.getText().isBlank()).toList();
                if (!shown.isEmpty()) {
                    refusal[0] = shown.get(0).getText();
                    return true;
                }
                if (browser.present("#plugins-list")) {
                    refusal[0] = "";
                    return true;
                }
                return false;
            }, ANSWER);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the import neither ended nor was refused; the screen shows: "
                    + browser.bodyText().replace('\n', ' '));
        }
        System.out.println("import outcome: " + (refusal[0].isEmpty() ? "accepted" : "refused: " + refusal[0]));
        return refusal[0];
    }

    /** The rows (or files) are the same; a failure names those added and removed, not the whole list. */
    private static void unchanged(String what, Set<String> before, Set<String> after) {
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        assertTrue(added.isEmpty() && removed.isEmpty(), what + " changed: added " + added + ", removed " + removed);
    }

    /** The ids of the plugins page's rows, one per plugin offered or installed. */
    private static List<String> pluginRows(KioskBrowser browser) {
        browser.open("plugins").find("#plugins-list");
        return browser.all("[id^=plugin-row-]").stream().map(e -> e.getAttribute("id")).sorted().toList();
    }

    private static void stillAnswers() throws IOException {
        WebClient.Response home = WebClient.screen(kiosk).get("/kiosk/");
        assertEquals(200, home.status(), home.toString());
    }

    private static List<String> addedLines(byte[] before, Path file) {
        try {
            List<String> was = new String(before, StandardCharsets.UTF_8).lines().toList();
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !was.contains(l)).toList();
        } catch (IOException e) {
            return List.of(e.toString());
        }
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * What Karaf has, as its shell lists it: feature repositories, installed features; and the imported archives, a
     * folder each under {@code data/kar}.
     */
    private record Karaf(Set<String> repositories, Set<String> archives, Set<String> features) {

        private static final String SPLIT = "@@features-installed@@";

        static Karaf now() {
            Path kar = kiosk.home().resolve("data/kar");
            Set<String> archives = new TreeSet<>();
            try {
                if (Files.isDirectory(kar)) {
                    archives.addAll(names(kar));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // one shell client for both lists: each client is a JVM start of its own
            String[] lists = kiosk.shell("feature:repo-list\necho " + SPLIT + "\nfeature:list -i").split(SPLIT);
            assertEquals(2, lists.length, "both lists printed");
            return new Karaf(rows(lists[0]), archives, rows(lists[1]));
        }

        /** A shell table's rows, each trimmed, without its header and separator lines. */
        private static Set<String> rows(String table) {
            List<String> lines = table.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            Set<String> rows = new TreeSet<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                boolean header = i + 1 < lines.size() && lines.get(i + 1).matches("[-─┼+\\s]+");
                if (!header && !line.matches("[-─┼+\\s]+")) {
                    // the columns' widths follow the widest row: one row more can pad all the others
                    rows.add(line.replaceAll("\\s*([|│])\\s*", " | ").strip());
                }
            }
            return rows;
        }

        /** The row's first column (a repository's or archive's name, a feature's name). */
        private static String first(String row) {
            return row.split("\\s*[|│]\\s*")[0].strip();
        }

        /** The row's last column (a repository's URL). */
        private static String last(String row) {
            String[] columns = row.split("\\s*[|│]\\s*");
            return columns[columns.length - 1].strip();
        }

        /** Undoes what an import got into Karaf: its features, repositories and unpacked archive. */
        void restore() {
            Karaf left = now();
            for (String row : left.features) {
                if (!features.contains(row)) {
                    kiosk.shell("feature:uninstall " + first(row));
                }
            }
            for (String row : left.repositories) {
                if (!repositories.contains(row)) {
                    kiosk.shell("feature:repo-remove " + last(row));
                }
            }
            for (String folder : left.archives) {
                if (!archives.contains(folder)) {
                    try {
                        deleteTree(kiosk.home().resolve("data/kar").resolve(folder));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        }
    }
}
