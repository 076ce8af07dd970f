package org.communitykiosk.core.internal.staff;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The password hash of the kiosk before issue 16: Karaf's "basic" encryption, SHA-256 without salt, in hexadecimal
 * between the realm's prefix and suffix ({@code {CRYPT}...{CRYPT}}).
 */
final class OldSha256Hash {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private OldSha256Hash() {
    }

    /** Whether a stored password is a hash of the old scheme. */
    static boolean is(String stored, String prefix, String suffix) {
        return stored != null && stored.startsWith(prefix) && stored.endsWith(suffix)
                && stored.length() == prefix.length() + 64 + suffix.length()
                && HEX_SHA256.matcher(stored.substring(prefix.length(), stored.length() - suffix.length())).matches();
    }

    /** Whether the password matches a stored hash of the old scheme (in constant time). */
    static boolean matches(String stored, String prefix, String suffix, char[] password) {
        if (!is(stored, prefix, suffix)) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(stored.substring(prefix.length(), stored.length() - suffix.length()));
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[utf8.remaining()];
        utf8.get(bytes);
        try {
            return MessageDigest.isEqual(expected, MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
