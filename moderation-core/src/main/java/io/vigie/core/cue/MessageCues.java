package io.vigie.core.cue;

/**
 * The cues found in one message, by cue id (see {@link Cues}), with the raw-text span of the first
 * occurrence. A reused, mutable view: valid until the next extraction on the same extractor session.
 *
 * <p>OWNER: match/signal helper. Signatures are the contract with rule/assess; bodies may change.
 */
public interface MessageCues {

    /** The raw text the features were extracted from. */
    CharSequence raw();

    /** True when the cue fired at least once. */
    boolean has(int cueId);

    /** How many times the cue fired. */
    int count(int cueId);

    /** Raw UTF-16 start (inclusive) of the cue's first occurrence; -1 if absent or not in the text. */
    int start(int cueId);

    /** Raw UTF-16 end (exclusive) of the cue's first occurrence; -1 if absent or not in the text. */
    int end(int cueId);

    /** The age the writer states about themself ("j'ai 14 ans", "13yo", "né en 2012"); -1 when none. */
    int statedAge();

    /**
     * True when the stated age comes with a first-person marker ("j'ai 14 ans", "im 13", "moi 16", "je suis née
     * en 2012"); false for a bare answer ("14 f paris", "quatorze ans", "13yo") that could also echo someone
     * else's age ("Twelve! You write well"). Meaningless when {@link #statedAge()} is -1.
     */
    default boolean statedAgeFirstPerson() {
        return true;
    }

    /** Raw span of the stated age, -1 when none. */
    int statedAgeStart();

    /** Raw span end of the stated age, -1 when none. */
    int statedAgeEnd();

    /** Ids of the cues that fired, ascending; valid until the next extraction. */
    int[] firedCues();

    /** Number of valid entries in {@link #firedCues()}. */
    int firedCount();

    /**
     * A problem met while extracting this message's cues (an internal error, or the pattern work budget
     * exhausted by a pathological text), or null. The cues found are still valid; the problem belongs in the
     * alert's {@code errors} and a metric.
     */
    default String error() {
        return null;
    }

    /**
     * The conversation's context sum with this message, for the next conversation state (see {@link
     * io.vigie.core.model.RiskModel.Context}); meaningless when {@link #contextScore()} is NaN.
     */
    default float contextSum() {
        return 0f;
    }

    /** The context score of the conversation so far, this message included; NaN when there is none. */
    default float contextScore() {
        return Float.NaN;
    }

    /** The normalized (folded) text the cues were matched on, for explanations; allocates. */
    default String folded() {
        return raw().toString();
    }
}
