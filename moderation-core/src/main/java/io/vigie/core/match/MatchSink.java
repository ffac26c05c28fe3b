package io.vigie.core.match;

/**
 * Receives the terms a {@link TermAutomaton} finds, in folded-text coordinates. Implementations are the
 * caller's reused scratch objects; the automaton never allocates while scanning.
 */
@FunctionalInterface
public interface MatchSink {

    /**
     * One term occurrence that passed its boundary check.
     *
     * @param payload the int the term was added with (a cue id, or any code the caller chose)
     * @param start   folded start index, inclusive
     * @param end     folded end index, exclusive
     */
    void onMatch(int payload, int start, int end);
}
