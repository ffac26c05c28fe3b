/**
 * The Kafka Streams graph: {@link io.vigie.stream.topology.ModerationTopology#build} is the one factory used by run, replay, demo and the tests.
 */
package io.vigie.stream.topology;
