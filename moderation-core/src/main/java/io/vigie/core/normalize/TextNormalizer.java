package io.vigie.core.normalize;

/**
 * Folds raw chat text for matching (see DESIGN.md step 1). Not thread-safe: one per task/session; the
 * returned view reuses buffers.
 *
 * <p>OWNER: normalize helper. Signatures are the contract with match/signal; bodies may change.
 */
public interface TextNormalizer {

    /**
     * Folds {@code raw}; never throws, whatever the input (unpaired surrogates, control chars, any length;
     * {@code null} folds like the empty text). The result is valid until the next call.
     *
     * @param raw the raw text, UTF-16; read once, not retained beyond {@link NormalizedText#raw()}
     * @return this normalizer's reused view, never null
     */
    NormalizedText normalize(CharSequence raw);
}
