/**
 * Measuring detection on labelled history ({@code moderation eval}): {@link io.vigie.stream.eval.Evaluation} replays
 * the inputs through the topology of {@code replay} and {@link io.vigie.stream.eval.Evaluator} scores the alerts
 * against a {@link io.vigie.stream.eval.LabelSet}.
 */
package io.vigie.stream.eval;
