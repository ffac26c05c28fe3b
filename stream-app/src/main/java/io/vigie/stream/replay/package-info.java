/**
 * Offline replay: {@link io.vigie.stream.replay.Replayer} runs the live topology on a TopologyTestDriver over a JSON Lines file.
 */
package io.vigie.stream.replay;
