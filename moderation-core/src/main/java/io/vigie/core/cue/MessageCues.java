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

    /** The normalized (folded) text the cues were matched on, for explanations; allocates. */
    default String folded() {
        return raw().toString();
    }
}
