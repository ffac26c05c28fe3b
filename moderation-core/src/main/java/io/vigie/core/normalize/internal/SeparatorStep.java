package io.vigie.core.normalize.internal;

/**
 * Step 3: joins single letters spelled out with separators ("s.n.a.p", "p-t-h-c", "s n a p" → "snap",
 * "pthc"), squashing repeats the join creates.
 *
 * <p>A single-letter token is one BMP letter with no letter, digit or leet symbol on either side. A run is
 * single-letter tokens each followed by exactly one separator char of one kind ({@code . - _ *} or space).
 * It is joined when it has at least 2 tokens (at least 3 when the separator is a space, so "il y a" stays)
 * and the joined, squashed word has at least 2 letters ("a.a" stays: joining would make a new single letter
 * and break idempotence). A run that is rejected for that last reason leaves its final token free to start
 * the next run, so each token is looked at most twice: the work is linear.
 *
 * <p>Not thread-safe (per normalizer).
 */
final class SeparatorStep {

    /** Lookahead work of the last calls, for the linear-work test; cheap and never reset by the step. */
    long visits;

    /** Whether {@code c} joins spelled-out letters. */
    static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*';
    }

    private static boolean isWordAt(char[] buf, int i, int len) {
        return CharKind.isWordCharAt(buf, i, len);
    }

    private static boolean isSingleLetterAt(char[] buf, int i, int len) {
        char c = buf[i];
        if (Character.isSurrogate(c) || !CharKind.isLetterAt(buf, i, len)) {
            return false;
        }
        return (i == 0 || !isWordAt(buf, i - 1, len)) && (i + 1 == len || !isWordAt(buf, i + 1, len));
    }

    /**
     * The leftmost index where a run long enough to be joined may start (two single letters around one of
     * {@code . - _ *}, three single letters with spaces), or -1. No earlier index can start a run that is
     * joined, so the main loop may start here. Only char compares until a space pattern "x y z" or another
     * separator shows up, so ordinary chat costs about one compare per char.
     */
    private static int firstJoinable(char[] buf, int len) {
        for (int r = 0; r + 2 < len; r++) {
            char sep = buf[r + 1];
            if (sep == ' ') {
                if (r + 4 < len && buf[r + 3] == ' ' && isSingleLetterAt(buf, r, len)
                        && isSingleLetterAt(buf, r + 2, len) && isSingleLetterAt(buf, r + 4, len)) {
                    return r;
                }
            } else if ((sep == '.' || sep == '-' || sep == '_' || sep == '*') && isSingleLetterAt(buf, r, len)
                    && isSingleLetterAt(buf, r + 2, len)) {
                return r;
            }
        }
        return -1;
    }

    /**
     * Joins separated single letters in {@code b} in place.
     *
     * @return whether anything was joined
     */
    boolean apply(FoldBuffer b) {
        char[] buf = b.chars;
        int[] start = b.start;
        int[] end = b.end;
        int len = b.length;
        // everything before the first joinable run stays in place (w == r), so start there, or stop when
        // there is none: chat with "il y a" or "c pas" has single letters and spaces but nothing to join
        int r = firstJoinable(buf, len);
        if (r < 0) {
            return false;
        }
        int w = r;
        boolean changed = false;
        while (r < len) {
            if (r + 2 < len && isSeparator(buf[r + 1]) && isSingleLetterAt(buf, r, len)) {
                char sep = buf[r + 1];
                int q = r;
                int count = 1;
                boolean allSame = true;
                while (q + 2 < len && buf[q + 1] == sep && isSingleLetterAt(buf, q + 2, len)) {
                    allSame &= buf[q + 2] == buf[r];
                    q += 2;
                    count++;
                    visits++;
                }
                visits++;
                if (count >= (sep == ' ' ? 3 : 2)) {
                    if (!allSame) {
                        // join, squashing equal neighbours; the span of each kept letter widens over its repeats
                        int first = w;
                        for (int p = r; p <= q; p += 2) {
                            if (w > first && buf[w - 1] == buf[p]) {
                                end[w - 1] = end[p];
                            } else {
                                buf[w] = buf[p];
                                start[w] = start[p];
                                end[w] = end[p];
                                w++;
                            }
                        }
                        changed = true;
                        r = q + 1;
                        continue;
                    }
                    // all the same letter: copy all but the last token, which may start another run
                    while (r < q) {
                        b.moveDown(r, w);
                        w++;
                        r++;
                    }
                    continue;
                }
            }
            b.moveDown(r, w);
            w++;
            r++;
        }
        b.length = w;
        return changed;
    }
}
