package io.vigie.core.normalize;

import java.util.Arrays;

/**
 * The folded form of one raw text plus the map back to the raw text. A view over the normalizer's reused
 * buffers: valid until the next {@link TextNormalizer#normalize} call on the same normalizer; copy what must
 * outlive it. Not thread-safe, like its normalizer.
 *
 * <p>Offsets: a folded span {@code [s, e)} came from the raw UTF-16 span {@code [rawStart(s), rawEnd(e))}.
 * That raw span covers every raw char folded into the span: squashed repeats ("saluuut"), joined separators
 * ("s.n.a.p"), both halves of a surrogate pair, marks and invisible chars between two folded chars; chars
 * dropped before the first or after the last folded char of the span are not covered. Both functions are
 * monotone (non-decreasing), clamp their argument to {@code [0, length()]}, and return values in
 * {@code [0, raw().length()]}; for an empty folded text both return 0.
 *
 * <p>OWNER: normalize helper. Signatures are the contract with match/signal; bodies may change.
 */
public interface NormalizedText {

    /** The folded chars; only indexes below {@link #length()} are meaningful. Never null. */
    char[] chars();

    /** Number of folded chars. */
    int length();

    /** The raw text this was folded from, never null. */
    CharSequence raw();

    /**
     * Raw UTF-16 offset where the folded char at {@code foldedIndex} starts (inclusive). For
     * {@code foldedIndex == length()} (an empty span at the end) it equals {@code rawEnd(length())}.
     */
    int rawStart(int foldedIndex);

    /**
     * Raw UTF-16 offset where a folded span ending at {@code foldedEnd} (exclusive) ends (exclusive). For
     * {@code foldedEnd == 0} (an empty span at the start) it equals {@code rawStart(0)}.
     */
    int rawEnd(int foldedEnd);

    /**
     * The folded indexes where a French elision ends, ascending: every folded char whose raw start is right after
     * an apostrophe ({@code ' ’ ‘ ʼ `}) that follows a letter ({@link Character#isLetter(char)}) in the raw text.
     * Folding drops the apostrophe ("l'article" folds to "larticle"), and the matcher needs to know that a word may
     * start there. Only the first {@link #elisionCount()} entries are meaningful.
     *
     * <p>The standard normalizer notes them while folding and returns a reused array, valid like the rest of this
     * view. This default finds them in {@link #raw()} on each call and allocates when there are any: a normalizer
     * on the hot path should override both methods.
     */
    default int[] elisions() {
        CharSequence raw = raw();
        int[] found = NO_ELISIONS;
        int count = 0;
        int len = length();
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean apostrophe = c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02bc' || c == '`';
            if (!apostrophe || !Character.isLetter(raw.charAt(i - 1))) {
                continue;
            }
            for (int j = 0; j < len; j++) { // raw starts ascend, and so do the apostrophes: the result is sorted
                if (rawStart(j) == i + 1) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, Math.max(8, count * 2));
                    }
                    found[count++] = j;
                }
            }
        }
        return count == found.length ? found : Arrays.copyOf(found, count);
    }

    /** Number of meaningful entries of {@link #elisions()}; this default counts them like {@link #elisions()}. */
    default int elisionCount() {
        return elisions().length;
    }

    /** The empty elision list. */
    int[] NO_ELISIONS = new int[0];
}
