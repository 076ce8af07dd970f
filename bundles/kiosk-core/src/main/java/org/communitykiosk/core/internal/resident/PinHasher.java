package org.communitykiosk.core.internal.resident;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes PINs with PBKDF2. A 4 to 6 digit PIN has at most a million values, so the hash cannot protect it against
 * someone holding the database for long; the iteration count makes that slow, and the lockout protects the kiosk.
 * The stored form names its algorithm and iterations ({@code pbkdf2-sha256$120000$salt$hash}) so that the count can
 * be raised later without invalidating stored PINs. Not final: tests count the hashes a PIN check costs.
 */
public class PinHasher {

    static final String SCHEME = "pbkdf2-sha256";
    static final int ITERATIONS = 120_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    public PinHasher() {
        this(ITERATIONS);
    }

    PinHasher(int iterations) {
        this.iterations = iterations;
    }

    public String hash(String pin) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = pbkdf2(pin, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether the PIN matches; {@code false} for anything stored in a form this class does not know. */
    public boolean verify(String pin, String stored) {
        if (pin == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (storedIterations < 1 || expected.length == 0) {
                return false;
            }
            // constant time: how much of the hash matched must not show in the response time
            return MessageDigest.isEqual(expected, pbkdf2(pin, salt, storedIterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] pbkdf2(String pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, HASH_BITS);
        try {
            // a SecretKeyFactory is not thread-safe; creating one is cheap next to the hashing
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
