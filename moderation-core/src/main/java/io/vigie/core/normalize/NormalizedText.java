package io.vigie.core.normalize;

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
}
