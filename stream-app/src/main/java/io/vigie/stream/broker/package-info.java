/**
 * A real Kafka broker inside the JVM for {@code demo} and the integration tests: {@link
 * io.vigie.stream.broker.EmbeddedKafkaBroker}, Apache Kafka's own KRaft server on loopback ports.
 */
package io.vigie.stream.broker;
