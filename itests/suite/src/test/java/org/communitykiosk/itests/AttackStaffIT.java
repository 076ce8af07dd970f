package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Threat: someone at the kiosk's screen gets staff or administrator rights. They guess passwords as fast as the
 * screen answers; they try the passwords every kiosk ships with (they are in the README) on a kiosk in service; they
 * find an administrator's session left open and use the admin screens; or, holding the kiosk's disk or a backup,
 * they read the staff passwords from their hashes and the user names that failed (often a password typed into the
 * name field); or, at the machine (or as any program on it), they open the technician shell with the administrator
 * password printed in the README. Each is tried here on a kiosk of its own, in service ({@code demoData = false}),
 * whose technician gave it a shell account of its own in {@code etc/users.properties} before its first start,
 * created the centre's administrator with Karaf's own JAAS commands and, once the shell refused the published
 * password, gave the administrator a password of its own in that file, as the README says.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackStaffIT {

    static final KioskProcess.Ports PORTS = new KioskProcess.Ports(18781, 18701, 11799, 45145);
    /** The technician's own shell account, written into etc/users.properties by hand before the first start. */
    static final String TECHNICIAN = "technician";
    static final String TECHNICIAN_PASSWORD = "Copper-Ladder-8052";
    /** The administrator's own password, which the technician writes into etc/users.properties in service. */
    static final String ADMIN_PASSWORD = "Granite-Kettle-3318";
    /** The centre's administrator, created by the technician. */
    static final String WARDEN = "warden";
    static final String WARDEN_PASSWORD = "Quiet-Harbour-4417";
    /** A password typed into the user name field: it must never be stored. */
    static final String MISTYPED_NAME = "Quiet-Harbour-4417x";
    /** An account whose password an earlier kiosk version hashed (unsalted SHA-256). */
    static final String OLD_ACCOUNT = "oldhand";
    static final String OLD_PASSWORD = "Old-Scheme-2291";
    /** How long a password entry counts for admin screens on this kiosk (the default is 2 minutes, the least 10 s). */
    static final int PASSWORD_MAX_AGE_SECONDS = 10;

    static final Pattern AUDIT_ACTION = Pattern.compile("[a-z]+(\\.[A-Za-z]+)+");
    static final Pattern BCRYPT = Pattern.compile("\\{CRYPT\\}\\$2[aby]?\\$(\\d\\d)\\$[./A-Za-z0-9]{53}\\{CRYPT\\}");

    private static KioskProcess kiosk;

    @BeforeAll
    static void startAKioskInService() throws IOException {
        kiosk = KioskProcess.unpack(Paths.get(System.getProperty("kiosk.runDirectory", "target/kiosk-browser"))
                .resolveSibling("kiosk-attack-staff"), PORTS);
        kiosk.set("org.communitykiosk.kiosk.cfg", "demoData", "false");
        kiosk.set("org.communitykiosk.staff.cfg", "passwordMaxAgeSeconds", String.valueOf(PASSWORD_MAX_AGE_SECONDS));
        kiosk.set("users.properties", OLD_ACCOUNT, "{CRYPT}" + sha256(OLD_PASSWORD) + "{CRYPT},kiosk-staff");
        kiosk.set("users.properties", TECHNICIAN, TECHNICIAN_PASSWORD + ",_g_:admingroup");
        kiosk.shellAccount(TECHNICIAN, TECHNICIAN_PASSWORD);
        Runtime.getRuntime().addShutdownHook(new Thread(kiosk::kill));
        kiosk.start();
        // the technician creates the centre's administrator with Karaf's JAAS commands, one change per session: each
        // jaas:update saves users.properties, which Karaf's own watcher re-reads to hash plain passwords; several saves
        // in a row raced with it once (a role became a user of its own)
        technician("jaas:user-add " + WARDEN + " " + WARDEN_PASSWORD, "{CRYPT}");
        technician("jaas:role-add " + WARDEN + " kiosk-staff", "kiosk-staff");
        technician("jaas:role-add " + WARDEN + " kiosk-admin", "kiosk-admin");
    }

    /** Runs one JAAS change in the technician shell and waits until users.properties shows it for the warden. */
    private static void technician(String change, String expected) throws IOException {
        String output = kiosk.shell("jaas:realm-manage --realm karaf"
                + " --module org.apache.karaf.jaas.modules.properties.PropertiesLoginModule; " + change
                + "; jaas:update");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!users().getProperty(WARDEN, "-").contains(expected)) {
            assertTrue(System.nanoTime() < deadline, change + ": " + output);
            KioskServer.sleep(200);
        }
        // Karaf's watcher has had its look at the file
        KioskServer.sleep(1500);
    }

    @AfterAll
    static void stop() {
        if (kiosk != null) {
            kiosk.kill();
        }
    }

    @Test
    @Order(1)
    void passwordHashesOnTheDiskAreSaltedAndSlowAndAnOldHashIsReplacedAtSignIn() throws IOException {
        Properties users = users();
        for (String user : List.of("staff", "admin", WARDEN, TECHNICIAN)) {
            String stored = users.getProperty(user).split(",")[0];
            Matcher bcrypt = BCRYPT.matcher(stored);
            assertTrue(bcrypt.matches(), user + "'s password is stored with a fast, unsalted hash: " + stored);
            assertTrue(Integer.parseInt(bcrypt.group(1)) >= 10, user + ": cost " + bcrypt.group(1));
        }
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            signIn(browser, OLD_ACCOUNT, OLD_PASSWORD);
            assertTrue(browser.present("#session-name"), "an account hashed by the kiosk before still gets in: "
                    + error(browser));
        }
        String old = users().getProperty(OLD_ACCOUNT).split(",")[0];
        assertTrue(BCRYPT.matcher(old).matches(), "the old SHA-256 hash was replaced at sign-in: " + old);
    }

    @Test
    @Order(2)
    void theShippedPasswordsDoNotGetInOnAKioskInService() {
        for (String[] shipped : new String[][] { { "staff", "staff2026" }, { "admin", "admin2026" } }) {
            try (KioskBrowser browser = new KioskBrowser(kiosk)) {
                signIn(browser, shipped[0], shipped[1]);
                assertFalse(browser.present("#session-name"),
                        shipped[0] + " got in with the password shipped with every kiosk");
                assertFalse(error(browser).isBlank(), "a clear message says why");
            }
        }
    }

    @Test
    @Order(3)
    void theShippedAdministratorPasswordDoesNotOpenTheTechnicianShellOnAKioskInService() throws IOException {
        // Karaf's own client, as anyone at the machine (or any program on it) can run it against the loopback port
        KioskProcess.Finished attacker = kiosk.client("admin", "admin2026", "kiosk:plugins");
        assertFalse(attacker.timedOut(), "bin/client neither got in nor was refused: " + attacker.output());
        assertFalse(attacker.output().contains("kiosk-bulletin"), "the administrator password printed in the README"
                + " opened the technician shell of a kiosk in service: " + attacker.output());
        assertNotEquals(0, attacker.exitCode(), "bin/client ended as if signed in: " + attacker.output());

        // the refusal is audited as a refused sign-in at the screen is: with the place, without the name typed
        String refused = auditRows("staff.shell", "staff.shell.shippedPassword");
        assertTrue(refused.contains("place=shell"), refused);
        assertFalse(refused.contains("admin"), "the user name typed at the shell is in the audit log: " + refused);

        // the technician gives the administrator a password of its own in etc/users.properties, on the machine
        kiosk.set("users.properties", "admin", ADMIN_PASSWORD + ",kiosk-staff,kiosk-admin,_g_:admingroup");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!BCRYPT.matcher(users().getProperty("admin", "").split(",")[0]).matches()) {
            assertTrue(System.nanoTime() < deadline, "Karaf did not hash the new password in etc/users.properties: "
                    + users().getProperty("admin"));
            KioskServer.sleep(200);
        }
        KioskProcess.Finished technician = kiosk.client("admin", ADMIN_PASSWORD, "kiosk:plugins");
        assertEquals(0, technician.exitCode(), technician.output());
        assertTrue(technician.output().contains("kiosk-bulletin"), "the shell and its kiosk:* commands, with the"
                + " administrator's own password: " + technician.output());
        assertFalse(kiosk.client("admin", "admin2026", "kiosk:plugins").output().contains("kiosk-bulletin"));
    }

    @Test
    @Order(4)
    void anAdminScreenAsksForThePasswordAgainOnceTheLastEntryIsTooOld() {
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            signIn(browser, WARDEN, WARDEN_PASSWORD);
            assertTrue(browser.present("#session-name"), error(browser));
            browser.open("settings");
            browser.waitUntil(d -> browser.present("#settings-form") || browser.present("#reauth-password"),
                    Duration.ofSeconds(20));
            assertTrue(browser.present("#settings-form"), "the password was just entered: the screen opens");

            // the administrator walks away; someone else taps the plugin screen
            KioskServer.sleep((PASSWORD_MAX_AGE_SECONDS + 2) * 1000L);
            browser.open("plugins");
            browser.waitUntil(d -> browser.present("#plugins-list") || browser.present("#reauth-password"),
                    Duration.ofSeconds(20));
            assertFalse(browser.present("#plugins-list"), "the plugin screen opened "
                    + (PASSWORD_MAX_AGE_SECONDS + 2) + " s after the password was entered, without asking again");
            browser.type("#reauth-password", "not-the-password");
            browser.click("#reauth-submit");
            browser.waitUntil(d -> !((String) browser.script("const e = document.querySelector('#reauth-error');"
                    + "return e ? e.textContent.trim() : '';")).isBlank(), Duration.ofSeconds(20));
            assertFalse(browser.present("#plugins-list"), "a wrong password opens nothing");
            browser.type("#reauth-password", WARDEN_PASSWORD);
            browser.click("#reauth-submit");
            browser.find("#plugins-list");
        }
    }

    @Test
    @Order(5)
    void passwordGuessingIsThrottledWithGrowingBackOffEvenForTheRightPassword() {
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            // a password typed into the name field by a hurried member of staff
            signIn(browser, MISTYPED_NAME, "x");
            List<Integer> waits = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            for (int guess = 0; guess < 12 && waits.size() < 3 && System.nanoTime() < deadline; guess++) {
                signIn(browser, WARDEN, "guess-" + guess);
                assertFalse(browser.present("#session-name"));
                Integer wait = seconds(error(browser));
                if (wait == null) {
                    continue;
                }
                waits.add(wait);
                // while it waits, not even the right password is checked
                signIn(browser, WARDEN, WARDEN_PASSWORD);
                assertFalse(browser.present("#session-name"), "the right password got in during the back-off");
                KioskServer.sleep(wait * 1000L + 1000);
            }
            assertTrue(waits.size() >= 3, "wrong passwords were all checked at once, with no back-off: " + waits);
            assertTrue(waits.get(1) > waits.get(0) && waits.get(2) > waits.get(1), "the back-off grows: " + waits);
            // once the back-off is over, the member of staff gets in
            signIn(browser, WARDEN, WARDEN_PASSWORD);
            assertTrue(browser.present("#session-name"), error(browser));
        }
    }

    @Test
    @Order(6)
    void failedSignInsAreAuditedWithoutTheNamesTyped() {
        String failed = auditRows("staff.signin.failed", "staff.signin.failed");
        assertFalse(failed.contains(MISTYPED_NAME), "a name typed at a failed sign-in is in the audit log");
        assertFalse(failed.contains(WARDEN), "the user name of a failed sign-in is in the audit log");
    }

    @Test
    @Order(7)
    void theDiskHoldsNoNameTypedAtAFailedSignIn() throws IOException {
        kiosk.stop();
        byte[] wanted = MISTYPED_NAME.getBytes(StandardCharsets.UTF_8);
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(kiosk.home())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (contains(Files.readAllBytes(file), wanted)) {
                    holding.add(kiosk.home().relativize(file));
                }
            }
        }
        assertTrue(holding.isEmpty(), "a name typed at a failed sign-in is on the disk in " + holding);
    }

    /** Signs in on the staff screen and waits for the answer: signed in, or a message. */
    private static void signIn(KioskBrowser browser, String user, String password) {
        browser.open("staff").find("#staff-user");
        browser.type("#staff-user", user);
        browser.type("#staff-password", password);
        String before = error(browser);
        browser.click("#staff-submit");
        browser.waitUntil(d -> browser.present("#session-name") || (!error(browser).isBlank()
                && !error(browser).equals(before)), Duration.ofSeconds(30));
    }

    /** The staff screen's message; an empty message is not displayed, so it is read from the page. */
    private static String error(KioskBrowser browser) {
        return (String) browser.script("const e = document.querySelector('#staff-error');"
                + "return e ? e.textContent.trim() : '';");
    }

    /**
     * The audit screen's rows for an action filter, as the warden sees them, once every row shown is of {@code action}:
     * the unfiltered first page (the warden's own sign-ins among them) shows until the filter's answer arrives.
     */
    private static String auditRows(String filter, String action) {
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            signIn(browser, WARDEN, WARDEN_PASSWORD);
            browser.open("audit").find("#audit-grid");
            browser.type("#audit-action", filter);
            browser.click("#audit-apply");
            browser.waitUntil(d -> auditActions(browser).equals(Set.of(action)), Duration.ofSeconds(20));
            return browser.text("#audit-grid");
        }
    }

    /** The actions in the rows the audit screen's grid shows (its cells that read as a dotted action name). */
    private static Set<String> auditActions(KioskBrowser browser) {
        return Arrays.stream(browser.find("#audit-grid").getText().split("\\R")).map(String::strip)
                .filter(AUDIT_ACTION.asMatchPredicate()).collect(Collectors.toSet());
    }

    /** The waiting time a message names, in seconds; {@code null} when it names none. */
    private static Integer seconds(String message) {
        Matcher number = Pattern.compile("(\\d+)").matcher(message);
        return number.find() ? Integer.valueOf(number.group(1)) : null;
    }

    private static Properties users() throws IOException {
        Properties users = new Properties();
        try (var in = Files.newBufferedReader(kiosk.home().resolve("etc/users.properties"),
                StandardCharsets.ISO_8859_1)) {
            users.load(in);
        }
        return users;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
