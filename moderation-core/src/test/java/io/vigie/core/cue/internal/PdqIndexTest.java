package io.vigie.core.cue.internal;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The multi-index PDQ search gives exactly the brute-force answer. Hashes are random, never real. */
class PdqIndexTest {

    private static int brute(long[] hashes, int count, long[] q, int threshold) {
        int best = -1;
        for (int i = 0; i < count; i++) {
            int d = Long.bitCount(q[0] ^ hashes[i * 4]) + Long.bitCount(q[1] ^ hashes[i * 4 + 1])
                    + Long.bitCount(q[2] ^ hashes[i * 4 + 2]) + Long.bitCount(q[3] ^ hashes[i * 4 + 3]);
            if (d <= threshold && (best < 0 || d < best)) {
                best = d;
            }
        }
        return best;
    }

    private static long[] nearDuplicate(long[] hashes, int id, int bits, Random rnd) {
        long[] q = {hashes[id * 4], hashes[id * 4 + 1], hashes[id * 4 + 2], hashes[id * 4 + 3]};
        java.util.Set<Integer> flipped = new java.util.HashSet<>();
        while (flipped.size() < bits) {
            int b = rnd.nextInt(256);
            if (flipped.add(b)) {
                q[b >>> 6] ^= 1L << (b & 63);
            }
        }
        return q;
    }

    @Test
    void shouldAgreeWithBruteForceAtOneHundredThousandHashes() {
        // given
        Random rnd = new Random(2026);
        int count = 100_000;
        long[] hashes = new long[count * 4];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = rnd.nextLong();
        }
        for (int threshold : new int[] {31, 40}) {
            PdqIndex index = new PdqIndex(hashes, count, threshold);
            for (int k = 0; k < 300; k++) {
                // when: near duplicates at every distance around the threshold, and unrelated hashes
                long[] q = k % 3 == 2
                        ? new long[] {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()}
                        : nearDuplicate(hashes, rnd.nextInt(count), k % 50, rnd);
                // then
                assertEquals(brute(hashes, count, q, threshold), index.nearest(q), "query " + k);
            }
        }
    }

    @Test
    void shouldFindTheWorstCaseSpreadOfDifferences() {
        // given: 31 differing bits spread so no chunk is equal (pigeonhole edge: chunks within 1 or 2 bits)
        long[] h = {0L, 0L, 0L, 0L};
        PdqIndex index = new PdqIndex(h, 1, 31);
        long[] q = new long[4];
        for (int chunk = 0; chunk < 16; chunk++) {
            int bitsHere = chunk == 15 ? 1 : 2;
            for (int b = 0; b < bitsHere; b++) {
                int bit = chunk * 16 + b;
                q[bit >>> 6] |= 1L << (bit & 63);
            }
        }
        // when / then
        assertEquals(31, index.nearest(q));
        q[3] |= 1L << 40; // 32 bits: out
        assertEquals(-1, index.nearest(q));
    }

    @Test
    void shouldFindMatchesWhoseDifferencesAreSpreadAdversariallyOverTheChunks() {
        // given: one listed hash and queries whose per-chunk distances follow patterns that defeat naive
        // chunk filters ((1,3,1,3,...), (0,4,0,4,...), all 2s), trimmed or padded around the threshold
        Random rnd = new Random(99);
        long[] h = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
        int[][] patterns = {
            {1, 3}, {0, 4}, {2, 2}, {3, 1}, {1, 2}, {0, 3}, {2, 1}, {1, 1, 4}, {0, 0, 6}, {2, 0, 3},
        };
        for (int threshold : new int[] {31, 20, 47}) {
            PdqIndex index = new PdqIndex(h, 1, threshold);
            for (int[] pattern : patterns) {
                for (int shift = 0; shift < 16; shift++) {
                    for (int trim = 0; trim < 3; trim++) {
                        long[] q = h.clone();
                        int removed = 0;
                        for (int chunk = 0; chunk < 16; chunk++) {
                            int bits = pattern[(chunk + shift) % pattern.length];
                            if (removed < trim && bits > 0) {
                                bits--;
                                removed++;
                            }
                            for (int b = 0; b < bits; b++) {
                                int bit = chunk * 16 + rnd.nextInt(16);
                                while ((((q[bit >>> 6] ^ h[bit >>> 6]) >>> (63 - (bit & 63))) & 1) != 0) {
                                    bit = chunk * 16 + rnd.nextInt(16);
                                }
                                q[bit >>> 6] ^= 1L << (63 - (bit & 63));
                            }
                        }
                        // when / then
                        assertEquals(brute(h, 1, q, threshold), index.nearest(q));
                    }
                }
            }
        }
    }

    @Test
    void shouldRefuseAThresholdOutsideTheHashWidth() {
        assertThrows(IllegalArgumentException.class, () -> new PdqIndex(new long[0], 0, 300));
    }
}
