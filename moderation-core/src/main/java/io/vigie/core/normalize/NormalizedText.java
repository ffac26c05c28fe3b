package io.vigie.core.normalize;

/**
 * The folded form of one raw text plus the map back to the raw text. A view over the normalizer's reused
 * buffers: valid until the next {@link TextNormalizer#normalize} call on the same normalizer.
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

    /** Raw UTF-16 offset where the folded char at {@code foldedIndex} starts (inclusive). */
    int rawStart(int foldedIndex);

    /** Raw UTF-16 offset where a folded span ending at {@code foldedEnd} (exclusive) ends (exclusive). */
    int rawEnd(int foldedEnd);
}
