/**
 * Turns a normalized message into typed cues (lexicon hits, stated ages, contacts, prices, times, media hash
 * matches). Entry point: {@link io.vigie.core.signal.FeatureExtractor}.
 */
package io.vigie.core.signal;
