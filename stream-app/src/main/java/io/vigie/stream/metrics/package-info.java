/**
 * Meters: {@link io.vigie.stream.metrics.ModerationMetrics} registers every application meter up front, with bounded tags.
 */
package io.vigie.stream.metrics;
