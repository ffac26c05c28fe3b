/**
 * JSON: {@link io.vigie.stream.serde.JsonSerde} for our own topics and stores, {@link io.vigie.stream.serde.InputReader} for operator input that must never throw.
 */
package io.vigie.stream.serde;
