/**
 * JMH suites, one op = one message: each core stage alone, the whole message path, the matching libraries
 * we compared against on the same lexicon and messages, and the known-media hash lookup. Run them with
 * {@code bin/moderation bench jmh}.
 */
package io.vigie.load.bench;
