package io.vigie.core.cue;

/**
 * Everything compiled for signal extraction: the normalizer configuration, the lexicon automaton, pattern
 * extractors and known-media hash lists. Immutable and thread-safe; compile once, share everywhere, and
 * give each task its own {@link #newExtractor()}.
 *
 * <p>OWNER: match/signal helper. The static factories are the contract:
 * {@code CueModel.defaults()} (embedded lexicons, no hash list) and
 * {@code CueModel.load(java.nio.file.Path lexiconDirOrNull, java.nio.file.Path hashListDirOrNull)}
 * (throws {@link io.vigie.core.load.LoadException} with file:line on bad data).
 */
public interface CueModel {

    /** Same as {@link CueModels#defaults()}: the embedded lexicons, no hash list. */
    static CueModel defaults() {
        return CueModels.defaults();
    }

    /**
     * Same as {@link CueModels#load(java.nio.file.Path, java.nio.file.Path)}.
     *
     * @throws io.vigie.core.load.LoadException with file:line: reason for every bad line
     */
    static CueModel load(java.nio.file.Path lexiconDirOrNull, java.nio.file.Path hashListDirOrNull)
            throws io.vigie.core.load.LoadException {
        return CueModels.load(lexiconDirOrNull, hashListDirOrNull);
    }

    /** The cue vocabulary the rules may reference. */
    CueRegistry cues();

    /** A new, not thread-safe extractor with its own scratch buffers. */
    CueExtractor newExtractor();

    /** A short version string of the compiled data (term count and content hash), for alerts. */
    String version();

    /** The statistical risk model behind the {@code model.*} cues, or null when there is none. */
    default io.vigie.core.model.RiskModel riskModel() {
        return null;
    }
}
