package org.communitykiosk.core.internal.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a typed user name into the key its failures are counted under: HMAC-SHA256 with a key of this kiosk. The
 * name typed at a failed sign-in is often a password typed into the wrong field, so it is never stored; the keyed
 * hash lets the same name be counted again without it, and someone holding the database or a backup cannot test
 * guesses against it without the key. The key lives in a file outside {@code data/} (by default
 * {@code etc/keys/staff-names.key}, made on first use, readable by the kiosk's user only), so that it is in neither
 * the database nor its backups.
 */
final class UserNameKey {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;

    private final SecretKeySpec key;

    UserNameKey(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a key of at least 128 bits");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The key in the file, which is made with a fresh random key if there is none. */
    static UserNameKey inFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                write(file, HexFormat.of().formatHex(fresh));
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return new UserNameKey(HexFormat.of().parseHex(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the user name key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the user name key " + file + " is not 32 bytes in hexadecimal", e);
        }
    }

    /** Writes the key whole or not at all: a reader never sees half a key. */
    private static void write(Path file, String text) throws IOException {
        Path partial;
        try {
            partial = Files.createTempFile(file.toAbsolutePath().getParent(), ".staff-names", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            partial = Files.createTempFile(file.toAbsolutePath().getParent(), ".staff-names", ".tmp");
        }
        try {
            Files.writeString(partial, text + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException madeMeanwhile) {
            // another start made it first: that one is used
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * The key a typed name is counted under. Names are compared as Karaf does not (it is case-sensitive), but a
     * guesser must not get fresh tries by changing the case.
     */
    String of(String userName) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(userName.strip().toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
        }
    }
}
