package io.vigie.core.signal;

/**
 * Everything compiled for signal extraction: the normalizer configuration, the lexicon automaton, pattern
 * extractors and known-media hash lists. Immutable and thread-safe; compile once, share everywhere, and
 * give each task its own {@link #newExtractor()}.
 *
 * <p>OWNER: match/signal helper. The static factories are the contract:
 * {@code SignalModel.defaults()} (embedded lexicons, no hash list) and
 * {@code SignalModel.load(java.nio.file.Path lexiconDirOrNull, java.nio.file.Path hashListDirOrNull)}
 * (throws {@link io.vigie.core.rule.RulePackException} with file:line on bad data).
 */
public interface SignalModel {

    /** Same as {@link SignalModels#defaults()}: the embedded lexicons, no hash list. */
    static SignalModel defaults() {
        return SignalModels.defaults();
    }

    /**
     * Same as {@link SignalModels#load(java.nio.file.Path, java.nio.file.Path)}.
     *
     * @throws io.vigie.core.rule.RulePackException with file:line: reason for every bad line
     */
    static SignalModel load(java.nio.file.Path lexiconDirOrNull, java.nio.file.Path hashListDirOrNull)
            throws io.vigie.core.rule.RulePackException {
        return SignalModels.load(lexiconDirOrNull, hashListDirOrNull);
    }

    /** The cue vocabulary the rules may reference. */
    CueRegistry cues();

    /** A new, not thread-safe extractor with its own scratch buffers. */
    FeatureExtractor newExtractor();

    /** A short version string of the compiled data (term count and content hash), for alerts. */
    String version();
}
