package io.vigie.core.cue;

/**
 * The cue vocabulary: names (dotted, lower case, e.g. {@code groom.secrecy}) to dense int ids. Built-in
 * extractor cues plus every cue named by a lexicon file. Immutable, thread-safe.
 *
 * <p>OWNER: match/signal helper. Signatures are the contract with rule/assess; bodies may change.
 */
public interface CueRegistry {

    /** The id of a cue name, or -1 when no such cue exists. */
    int id(String name);

    /** The name of a cue id. */
    String name(int id);

    /** Number of cues; ids are 0..size()-1. */
    int size();
}
