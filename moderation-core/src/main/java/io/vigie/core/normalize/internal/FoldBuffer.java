package io.vigie.core.normalize.internal;

import java.util.Arrays;

/**
 * The folded chars plus, for every folded char, the raw UTF-16 span it came from ({@code start} inclusive,
 * {@code end} exclusive). Every step edits these three arrays in place and updates {@link #length}. A dense
 * per-char map rather than Lucene's sparse correction list: lookups are O(1), squashed runs simply widen
 * {@code end}, and the extra cost is two int stores per folded char.
 *
 * <p>Not thread-safe: owned by one normalizer. Arrays only grow (by half again), so a warmed-up normalizer
 * allocates nothing.
 */
final class FoldBuffer {

    char[] chars = new char[256];
    int[] start = new int[256];
    int[] end = new int[256];
    int length;

    /** Makes room for at least {@code capacity} folded chars, keeping the first {@link #length}. */
    void ensureCapacity(int capacity) {
        if (capacity > chars.length) {
            int grown = Math.max(capacity, chars.length + (chars.length >> 1));
            chars = Arrays.copyOf(chars, grown);
            start = Arrays.copyOf(start, grown);
            end = Arrays.copyOf(end, grown);
        }
    }

    /**
     * Moves the folded char at {@code from} with its raw offsets down to {@code to} ({@code to <= from}), the
     * compaction every length-changing step does; a no-op until the first char was dropped or joined.
     */
    void moveDown(int from, int to) {
        if (to != from) {
            chars[to] = chars[from];
            start[to] = start[from];
            end[to] = end[from];
        }
    }
}
