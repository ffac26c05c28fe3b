package io.vigie.core.cue.internal;

import io.vigie.core.match.Boundary;

/**
 * One lexicon line.
 *
 * @param term     the term as written (raw, folded at compile time), never empty
 * @param cue      the cue it feeds, never null
 * @param boundary how it must sit in the text, never null
 * @param file     source file name, for errors
 * @param line     1-based source line
 */
record LexiconEntry(String term, String cue, Boundary boundary, String file, int line) {
}
