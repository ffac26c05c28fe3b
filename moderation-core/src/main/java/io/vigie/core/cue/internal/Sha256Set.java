package io.vigie.core.cue.internal;

/** An immutable set of 256-bit hashes (open addressing over four longs). Lookups allocate nothing. */
final class Sha256Set {

    private final long[] table;
    private final boolean[] used;
    private final int mask;
    private final int size;

    /** @param hashes 4 longs per hash, {@code count} hashes; duplicates are kept once */
    Sha256Set(long[] hashes, int count) {
        int cap = Integer.highestOneBit(Math.max(2, count * 2)) << 1;
        table = new long[cap * 4];
        used = new boolean[cap];
        mask = cap - 1;
        int n = 0;
        for (int i = 0; i < count; i++) {
            int slot = find(hashes[i * 4], hashes[i * 4 + 1], hashes[i * 4 + 2], hashes[i * 4 + 3]);
            if (!used[slot]) {
                used[slot] = true;
                System.arraycopy(hashes, i * 4, table, slot * 4, 4);
                n++;
            }
        }
        size = n;
    }

    private int find(long a, long b, long c, long d) {
        int h = (int) (a ^ (a >>> 32) ^ b) * 0x9E3779B9;
        int slot = (h ^ (h >>> 16)) & mask;
        while (used[slot]) {
            int o = slot * 4;
            if (table[o] == a && table[o + 1] == b && table[o + 2] == c && table[o + 3] == d) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    boolean contains(long[] h) {
        return used[find(h[0], h[1], h[2], h[3])];
    }

    int size() {
        return size;
    }
}
