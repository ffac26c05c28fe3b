package io.vigie.core.cue.internal;

/** Parses 64 hex chars (a SHA-256 or a PDQ hash) into four longs without allocating. */
final class Hex256 {

    private Hex256() {
    }

    private static int nibble(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * Parses {@code s} (exactly 64 hex chars, either case) into {@code out[0..3]}, most significant first.
     *
     * @return false (and {@code out} undefined) when {@code s} is null or not 64 hex chars
     */
    static boolean parse(CharSequence s, long[] out) {
        if (s == null || s.length() != 64) {
            return false;
        }
        for (int w = 0; w < 4; w++) {
            long v = 0;
            for (int i = 0; i < 16; i++) {
                int d = nibble(s.charAt(w * 16 + i));
                if (d < 0) {
                    return false;
                }
                v = (v << 4) | d;
            }
            out[w] = v;
        }
        return true;
    }
}
