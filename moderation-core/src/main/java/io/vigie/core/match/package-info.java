/**
 * Multi-pattern matching over folded text: {@link io.vigie.core.match.TermAutomaton} finds every lexicon term
 * in one pass with a per-term {@link io.vigie.core.match.Boundary}, reporting to a
 * {@link io.vigie.core.match.MatchSink} without allocating.
 */
package io.vigie.core.match;
