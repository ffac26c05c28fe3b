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

    /**
     * Whether a term may start at folded index {@code start} although a word char precedes it, because an
     * apostrophe stood between them in the raw text and folding removed it: French elision, "l'article" folds to
     * "larticle" and must still match "article". Asked only on that rare path, and only for a term that passes
     * its other checks, so it must have no side effect; false by default.
     */
    default boolean elidedBefore(int start) {
        return false;
    }

    /**
     * Whether {@link #elidedBefore} may answer true anywhere in the text about to be scanned; asked once per scan.
     * False lets the automaton skip the states where only a term starting inside a word ends (most of them: "aime"
     * at the end of "jaime"). True by default, which is always correct.
     */
    default boolean mayElide() {
        return true;
    }

    /**
     * The first folded index at or after {@code from}, below {@code len}, where {@link #elidedBefore} is true, or -1.
     * Asked only when {@link #mayElide()} said true. The default asks {@link #elidedBefore} at every index; a sink
     * that knows where the apostrophes were answers faster.
     */
    default int nextElision(int from, int len) {
        for (int i = Math.max(from, 0); i < len; i++) {
            if (elidedBefore(i)) {
                return i;
            }
        }
        return -1;
    }
}
