package io.vigie.core.cue.internal;

import io.vigie.core.match.WordChars;
import io.vigie.core.normalize.TextNormalizer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small immutable set of folded single-word tokens with an int value each ("passe" → rate, "quatorze" →
 * 14), looked up by {@code (char[], start, end)} without allocating. The words are folded at build time by
 * the same normalizer as the text, so "passe" is stored the way the text will show it ("pase"). Thread-safe.
 */
final class TokenTable {

    static final int ABSENT = Integer.MIN_VALUE;

    private final char[][] keys;
    private final int[] values;
    private final int mask;

    private TokenTable(Map<String, Integer> entries) {
        int cap = Integer.highestOneBit(Math.max(4, entries.size() * 3)) << 1;
        keys = new char[cap][];
        values = new int[cap];
        mask = cap - 1;
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            char[] k = e.getKey().toCharArray();
            int h = hash(k, 0, k.length) & mask;
            while (keys[h] != null) {
                h = (h + 1) & mask;
            }
            keys[h] = k;
            values[h] = e.getValue();
        }
    }

    /** Folds each word through {@code normalizer} and maps it to {@code value}. */
    static Builder builder(TextNormalizer normalizer) {
        return new Builder(normalizer);
    }

    private static int hash(char[] buf, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + buf[i];
        }
        return h ^ (h >>> 15);
    }

    /** The value of the token {@code buf[start, end)}, or {@link #ABSENT}. */
    int get(char[] buf, int start, int end) {
        if (start < 0 || end <= start) {
            return ABSENT;
        }
        int len = end - start;
        int h = hash(buf, start, end) & mask;
        char[] k;
        while ((k = keys[h]) != null) {
            if (k.length == len && same(k, buf, start)) {
                return values[h];
            }
            h = (h + 1) & mask;
        }
        return ABSENT;
    }

    boolean contains(char[] buf, int start, int end) {
        return get(buf, start, end) != ABSENT;
    }

    private static boolean same(char[] k, char[] buf, int start) {
        for (int i = 0; i < k.length; i++) {
            if (k[i] != buf[start + i]) {
                return false;
            }
        }
        return true;
    }

    static final class Builder {
        private final TextNormalizer normalizer;
        private final Map<String, Integer> entries = new LinkedHashMap<>();

        private Builder(TextNormalizer normalizer) {
            this.normalizer = normalizer;
        }

        /**
         * Adds words folded by the normalizer. A word that does not fold to a single token (a normalizer that
         * keeps apostrophes turns "j'ai" into two tokens) can never be looked up, so it is skipped.
         */
        Builder add(int value, String... words) {
            for (String w : words) {
                var n = normalizer.normalize(w);
                String folded = new String(n.chars(), 0, n.length()).strip();
                if (!folded.isEmpty() && oneToken(folded)) {
                    entries.put(folded, value);
                }
            }
            return this;
        }

        private static boolean oneToken(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (!WordChars.isWordChar(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        Builder add(String... words) {
            return add(1, words);
        }

        TokenTable build() {
            return new TokenTable(entries);
        }
    }
}
