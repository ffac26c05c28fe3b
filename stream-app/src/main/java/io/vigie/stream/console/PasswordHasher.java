package io.vigie.stream.console;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Salted password hashes with the JDK's PBKDF2 (HMAC-SHA-256), in one self-describing string:
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash in unpadded base64). The iteration count is part of the
 * hash, so it can be raised for new hashes while old ones still verify. Thread-safe.
 */
public final class PasswordHasher {

    /** Iterations of new hashes (OWASP's 2023 figure for PBKDF2-HMAC-SHA-256). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    /** A new hash of {@code password} with a random salt and the default iterations. */
    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    /**
     * A new hash of {@code password} with a random salt.
     *
     * @param iterations at least 1000
     * @throws IllegalArgumentException on an empty password or too few iterations
     */
    public static String hash(char[] password, int iterations) {
        if (password.length == 0) {
            throw new IllegalArgumentException("the password is empty");
        }
        if (iterations < 1000) {
            throw new IllegalArgumentException("at least 1000 iterations, got " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /**
     * True when {@code password} matches {@code stored}; false for a wrong password or a malformed hash. Compares in
     * constant time.
     */
    public static boolean verify(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0]) || password.length == 0) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1000 || iterations > 10_000_000 || salt.length < 8 || expected.length < 16) {
                return false;
            }
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when {@code stored} has the shape of a hash of this class (not whether any password matches it). */
    public static boolean isWellFormed(String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            return iterations >= 1000 && Base64.getDecoder().decode(parts[2]).length >= 8
                    && Base64.getDecoder().decode(parts[3]).length >= 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Overwrites a password buffer once it is no longer needed. */
    static void wipe(char[] password) {
        Arrays.fill(password, '\0');
    }
}
