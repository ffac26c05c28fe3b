package io.vigie.core.cue.internal;

/**
 * Near-duplicate search over 256-bit PDQ hashes by Hamming distance, by multi-index hashing. The hash is cut
 * into 16 chunks of 16 bits; table {@code k} buckets every hash by its chunk {@code k}. With
 * {@code R = t / 16} for threshold {@code t}, a hash within distance {@code t} has some chunk {@code k} with
 * {@code d_k <= R} <em>and</em> {@code d_k + d_(k+1) <= 2R + 1} (cyclic): a sequence breaking that costs at
 * least {@code 16 (R + 1) > t} bits. So a query probes, in each table, every chunk value within {@code R}
 * bits of its own (17 probes at the default threshold of 31), and each bucket entry carries its next chunk
 * inline, which drops about 99 % of the random candidates before their full hash is read (the expensive,
 * cache-missing step at a million hashes). Survivors are verified with four popcounts.
 *
 * <p>Memory per hash: 32 bytes of hash plus 16 x (4 + 2) bytes of index, plus 4 MB of bucket offsets.
 * Immutable, thread-safe; queries allocate nothing.
 */
public final class PdqIndex {

    private static final int CHUNKS = 16;
    private static final int BUCKETS = 1 << 16;

    private final long[] hashes;
    private final int count;
    private final int threshold;
    private final int[][] offsets;
    private final int[][] ids;
    private final short[][] partners;
    private final int[] probeMasks;
    private final int radius;
    private final int pairBound;

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
        this.partners = new short[CHUNKS][];
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
            short[] partner = new short[count];
            int next = (k + 1) % CHUNKS;
            for (int i = 0; i < count; i++) {
                int slot = fill[chunk(this.hashes, i * 4, k)]++;
                list[slot] = i;
                partner[slot] = (short) chunk(this.hashes, i * 4, next);
            }
            offsets[k] = off;
            ids[k] = list;
            partners[k] = partner;
        }
        this.radius = Math.min(16, threshold / CHUNKS);
        this.pairBound = 2 * radius + 1;
        this.probeMasks = masksWithin(radius);
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
            int p = chunk(q, 0, (k + 1) % CHUNKS);
            int[] off = offsets[k];
            int[] list = ids[k];
            short[] partner = partners[k];
            for (int m : probeMasks) {
                int b = c ^ m;
                int partnerBudget = pairBound - Integer.bitCount(m);
                for (int j = off[b]; j < off[b + 1]; j++) {
                    if (Integer.bitCount((partner[j] & 0xFFFF) ^ p) > partnerBudget) {
                        continue;
                    }
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
