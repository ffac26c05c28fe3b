package io.vigie.core.signal.internal;

/**
 * Near-duplicate search over 256-bit PDQ hashes by Hamming distance, by multi-index hashing: the hash is cut
 * into 16 chunks of 16 bits and each chunk value has a bucket of hash ids. If two hashes are within distance
 * {@code t}, some chunk differs by at most {@code t / 16} bits (pigeonhole), so a query probes, in each of the
 * 16 tables, its own chunk value and every value within {@code t / 16} bits of it (17 probes per table at the
 * default threshold of 31), and verifies the candidates with four popcounts. Memory: 16 x 65 537 ints of
 * bucket offsets plus 16 ints and 4 longs per hash. Immutable, thread-safe, allocation-free queries.
 */
public final class PdqIndex {

    private static final int CHUNKS = 16;
    private static final int BUCKETS = 1 << 16;

    private final long[] hashes;
    private final int count;
    private final int threshold;
    private final int[][] offsets;
    private final int[][] ids;
    private final int[] probeMasks;

    /**
     * @param hashes    4 longs per hash (most significant first), {@code count} hashes
     * @param threshold the largest Hamming distance that counts as a match, 0..255
     */
    public PdqIndex(long[] hashes, int count, int threshold) {
        if (threshold < 0 || threshold > 255) {
            throw new IllegalArgumentException("PDQ threshold must be within 0..255, got " + threshold);
        }
        this.hashes = java.util.Arrays.copyOf(hashes, count * 4);
        this.count = count;
        this.threshold = threshold;
        this.offsets = new int[CHUNKS][];
        this.ids = new int[CHUNKS][];
        for (int k = 0; k < CHUNKS; k++) {
            int[] off = new int[BUCKETS + 1];
            for (int i = 0; i < count; i++) {
                off[chunk(this.hashes, i * 4, k) + 1]++;
            }
            for (int b = 0; b < BUCKETS; b++) {
                off[b + 1] += off[b];
            }
            int[] fill = java.util.Arrays.copyOf(off, BUCKETS);
            int[] list = new int[count];
            for (int i = 0; i < count; i++) {
                list[fill[chunk(this.hashes, i * 4, k)]++] = i;
            }
            offsets[k] = off;
            ids[k] = list;
        }
        this.probeMasks = masksWithin(Math.min(16, threshold / CHUNKS));
    }

    private static int chunk(long[] h, int base, int k) {
        return (int) (h[base + (k >>> 2)] >>> (48 - 16 * (k & 3))) & 0xFFFF;
    }

    private static int[] masksWithin(int radius) {
        int n = 0;
        for (int m = 0; m < BUCKETS; m++) {
            if (Integer.bitCount(m) <= radius) {
                n++;
            }
        }
        int[] out = new int[n];
        int i = 0;
        for (int bits = 0; bits <= radius; bits++) {
            for (int m = 0; m < BUCKETS; m++) {
                if (Integer.bitCount(m) == bits) {
                    out[i++] = m;
                }
            }
        }
        return out;
    }

    /** Hamming distance between the query and listed hash {@code id}. */
    private int distance(long[] q, int id) {
        int o = id * 4;
        return Long.bitCount(q[0] ^ hashes[o]) + Long.bitCount(q[1] ^ hashes[o + 1])
                + Long.bitCount(q[2] ^ hashes[o + 2]) + Long.bitCount(q[3] ^ hashes[o + 3]);
    }

    /**
     * The smallest distance to a listed hash if some listed hash is within the threshold, else -1. Stops
     * early on an exact match.
     *
     * @param q 4 longs, most significant first
     */
    public int nearest(long[] q) {
        int best = -1;
        for (int k = 0; k < CHUNKS; k++) {
            int c = chunk(q, 0, k);
            int[] off = offsets[k];
            int[] list = ids[k];
            for (int m : probeMasks) {
                int b = c ^ m;
                for (int j = off[b]; j < off[b + 1]; j++) {
                    int d = distance(q, list[j]);
                    if (d <= threshold && (best < 0 || d < best)) {
                        best = d;
                        if (d == 0) {
                            return 0;
                        }
                    }
                }
            }
        }
        return best;
    }

    /** Number of hashes indexed. */
    public int size() {
        return count;
    }

    /** The match threshold (largest Hamming distance that counts). */
    public int threshold() {
        return threshold;
    }
}
