package org.communitykiosk.core.internal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.karaf.jaas.modules.BackingEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KarafOldHashUpgradeTest {

    static String sha256(String text) throws Exception {
        return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A users file as the kiosk before issue 16 left it, and the realm options Karaf gives its properties module. */
    private static Map<String, Object> realm(Path dir, String encryption) throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "# staff\n"
                + "oldhand = {CRYPT}" + sha256("Old-Scheme-2291") + "{CRYPT},kiosk-staff\n"
                + "newhand = {CRYPT}$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy{CRYPT},kiosk-staff\n"
                + "plain = plain-password,kiosk-staff\n", StandardCharsets.ISO_8859_1);
        Map<String, Object> options = new HashMap<>();
        options.put("users", users.toString());
        options.put("encryption.enabled", "true");
        options.put("encryption.name", encryption);
        options.put("encryption.prefix", "{CRYPT}");
        options.put("encryption.suffix", "{CRYPT}");
        return options;
    }

    /** A backing engine that records the passwords stored through it. */
    private static BackingEngine recording(List<String> added) {
        return (BackingEngine) Proxy.newProxyInstance(BackingEngine.class.getClassLoader(),
                new Class<?>[] { BackingEngine.class }, (proxy, method, args) -> {
                    if (method.getName().equals("addUser")) {
                        added.add(args[0] + "=" + args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aMatchingOldHashIsStoredAnewThroughTheBackingEngine(@TempDir Path dir) throws Exception {
        Map<String, Object> options = realm(dir, "spring-security-crypto");
        List<String> added = new ArrayList<>();
        KarafOldHashUpgrade upgrade = new KarafOldHashUpgrade(name -> Optional.of(options),
                o -> Optional.of(recording(added)));
        assertFalse(upgrade.upgrade("karaf", "oldhand", "wrong".toCharArray()));
        assertFalse(upgrade.upgrade("karaf", "newhand", "Old-Scheme-2291".toCharArray()), "not of the old scheme");
        assertFalse(upgrade.upgrade("karaf", "plain", "plain-password".toCharArray()), "Karaf hashes these itself");
        assertFalse(upgrade.upgrade("karaf", "nobody", "x".toCharArray()));
        assertEquals(List.of(), added);
        assertTrue(upgrade.upgrade("karaf", "oldhand", "Old-Scheme-2291".toCharArray()));
        assertEquals(List.of("oldhand=Old-Scheme-2291"), added);
    }

    @Test
    void nothingIsOldWhileTheRealmStillHashesThatWay(@TempDir Path dir) throws Exception {
        Map<String, Object> options = realm(dir, "basic");
        List<String> added = new ArrayList<>();
        KarafOldHashUpgrade upgrade = new KarafOldHashUpgrade(name -> Optional.of(options),
                o -> Optional.of(recording(added)));
        assertFalse(upgrade.upgrade("karaf", "oldhand", "Old-Scheme-2291".toCharArray()));
        assertFalse(new KarafOldHashUpgrade(name -> Optional.empty(), o -> Optional.of(recording(added)))
                .upgrade("karaf", "oldhand", "Old-Scheme-2291".toCharArray()), "no such realm");
        assertEquals(List.of(), added);
    }

    @Test
    void theOldSchemeIsRecognisedExactly() throws Exception {
        String hash = sha256("x");
        assertTrue(OldSha256Hash.is("{CRYPT}" + hash + "{CRYPT}", "{CRYPT}", "{CRYPT}"));
        assertTrue(OldSha256Hash.matches("{CRYPT}" + hash.toLowerCase() + "{CRYPT}", "{CRYPT}", "{CRYPT}",
                "x".toCharArray()));
        assertFalse(OldSha256Hash.is(hash, "{CRYPT}", "{CRYPT}"));
        assertFalse(OldSha256Hash.is("{CRYPT}" + hash.substring(1) + "{CRYPT}", "{CRYPT}", "{CRYPT}"));
        assertFalse(OldSha256Hash.matches("{CRYPT}" + hash + "{CRYPT}", "{CRYPT}", "{CRYPT}", "y".toCharArray()));
    }
}
