package io.vigie.stream.it;

/**
 * A running Kafka broker that a test may use, whichever kind it is (a container or the in-process KRaft node).
 * Shared by every test of the JVM: tests use unique topic names and application ids, never restart it.
 */
public interface KafkaBroker {

    /** The {@code bootstrap.servers} value that reaches it; never null. */
    String bootstrapServers();

    /** What runs it, for messages: {@code "docker"} or {@code "embedded"}. */
    String kind();
}
