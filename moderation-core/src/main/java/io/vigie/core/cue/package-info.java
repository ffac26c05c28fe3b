/**
 * Turns a normalized message into typed cues (lexicon hits, stated ages, contacts, prices, times, media hash
 * matches). Entry point: {@link io.vigie.core.cue.CueExtractor}.
 */
package io.vigie.core.cue;
