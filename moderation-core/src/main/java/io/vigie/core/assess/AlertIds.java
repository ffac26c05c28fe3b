package io.vigie.core.assess;

import io.vigie.core.contract.Alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic alert ids: {@code "a-"} and the first 128 bits of SHA-256 over messageId and kind, in lower-case
 * hex. The same message gives the same id in live runs, replays and exactly-once retries, and two kinds of
 * alert on one message never collide. Thread-safe.
 */
public final class AlertIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AlertIds() {
    }

    /** The id of the alert of kind {@code kind} raised on message {@code messageId}; never null. */
    public static String of(String messageId, Alert.Kind kind) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        sha.update(messageId.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(kind.name().getBytes(StandardCharsets.UTF_8));
        byte[] digest = sha.digest();
        char[] out = new char[2 + 32];
        out[0] = 'a';
        out[1] = '-';
        for (int i = 0; i < 16; i++) {
            out[2 + 2 * i] = HEX[(digest[i] >> 4) & 0xf];
            out[3 + 2 * i] = HEX[digest[i] & 0xf];
        }
        return new String(out);
    }
}
