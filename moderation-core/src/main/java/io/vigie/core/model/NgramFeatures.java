package io.vigie.core.model;

import io.vigie.core.match.WordChars;

import java.util.Arrays;

/**
 * The hashed word n-grams of one folded text, the features a {@link RiskModel} weighs: every word, every pair of
 * neighbouring words and every pair with one word between them ("pay ~ tonight"). A word hashes its folded chars
 * with doubled letters counted once ("sooo" = "so"), so spelling games change nothing. Keys are 32-bit and never
 * 0; each feature keeps the folded span from its first word's start to its last word's end, for evidence.
 * Reused per message: nothing is allocated once the arrays have grown to the longest text. Not thread-safe.
 */
public final class NgramFeatures {

    private static final int UNIGRAM = 0x1b873593;
    private static final int BIGRAM = 0x85ebca6b;
    private static final int SKIPGRAM = 0xc2b2ae35;

    private int[] keys = new int[48];
    private int[] starts = new int[48];
    private int[] ends = new int[48];
    private int count;

    /** Extracts the features of folded chars {@code b[0, len)}, replacing the previous text's. */
    public void extract(char[] b, int len) {
        count = 0;
        int h1 = 0;
        int h2 = 0;
        int s1 = -1;
        int s2 = -1;
        int words = 0;
        int i = 0;
        while (i < len) {
            while (i < len && !WordChars.isWordChar(b[i])) {
                i++;
            }
            if (i >= len) {
                break;
            }
            int start = i;
            int h = 0x811c9dc5;
            char last = 0;
            while (i < len && WordChars.isWordChar(b[i])) {
                char c = b[i++];
                if (c != last) {
                    h = (h ^ c) * 0x01000193;
                    last = c;
                }
            }
            add(mix(h, UNIGRAM), start, i);
            if (words >= 1) {
                add(mix(h1 * 0x9e3779b1 + h, BIGRAM), s1, i);
            }
            if (words >= 2) {
                add(mix(h2 * 0x9e3779b1 + h, SKIPGRAM), s2, i);
            }
            h2 = h1;
            s2 = s1;
            h1 = h;
            s1 = start;
            words++;
        }
    }

    private void add(int key, int start, int end) {
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        keys[count] = key;
        starts[count] = start;
        ends[count++] = end;
    }

    /** Murmur3's finalizer over a word hash and a kind salt; never 0 (0 marks an empty slot). */
    private static int mix(int h, int salt) {
        int k = h ^ salt;
        k ^= k >>> 16;
        k *= 0x85ebca6b;
        k ^= k >>> 13;
        k *= 0xc2b2ae35;
        k ^= k >>> 16;
        return k == 0 ? 1 : k;
    }

    /** Features of the last text. */
    public int count() {
        return count;
    }

    /** Feature {@code i}'s key. */
    public int key(int i) {
        return keys[i];
    }

    /** Folded start of feature {@code i}'s first word. */
    public int start(int i) {
        return starts[i];
    }

    /** Folded end of feature {@code i}'s last word. */
    public int end(int i) {
        return ends[i];
    }
}
