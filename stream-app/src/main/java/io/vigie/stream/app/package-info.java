/**
 * The live application: {@link io.vigie.stream.app.ModerationApp} runs the topology against Kafka with its HTTP API, rule reloading and shutdown policy.
 */
package io.vigie.stream.app;
