package io.vigie.stream.it;

import io.vigie.stream.broker.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import java.util.Locale;

/**
 * Gives tests a {@link KafkaBroker} parameter: one broker per test JVM, kept in the root store and closed when the
 * run ends. With a Docker engine it is a Testcontainers {@link KafkaContainer}; without one (these machines and CI)
 * it is the in-process {@link EmbeddedKafkaBroker}. The system property {@code vigie.it.broker} forces the choice:
 * {@code auto} (default), {@code docker} or {@code embedded}.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

    /** The system property that picks the broker kind. */
    public static final String BROKER_PROPERTY = "vigie.it.broker";
    /** The image used when Docker is there, at the version of the client. */
    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

    /**
     * How often the broker deletes segments past their topic's retention (5 min by default): short, so that a test
     * can see what time-based retention does to what the app wrote (ClockSkewIT).
     */
    static final long RETENTION_CHECK_MS = 1_000;

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        broker(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return broker(extension);
    }

    private static KafkaBroker broker(ExtensionContext context) {
        return context.getRoot().getStore(NS)
                .getOrComputeIfAbsent("broker", key -> start(), StartedBroker.class);
    }

    private static StartedBroker start() {
        String mode = System.getProperty(BROKER_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        boolean docker = switch (mode) {
            case "docker" -> true;
            case "embedded" -> false;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable();
            default -> throw new IllegalArgumentException(BROKER_PROPERTY + " must be auto, docker or embedded, got: "
                    + mode);
        };
        if (docker) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE)
                    .withEnv("KAFKA_LOG_RETENTION_CHECK_INTERVAL_MS", Long.toString(RETENTION_CHECK_MS));
            container.start();
            return new StartedBroker(container.getBootstrapServers(), "docker", container::stop);
        }
        EmbeddedKafkaBroker embedded = EmbeddedKafkaBroker.builder()
                .withServerProperty("log.retention.check.interval.ms", Long.toString(RETENTION_CHECK_MS)).build()
                .start();
        return new StartedBroker(embedded.bootstrapServers(), "embedded", embedded::close);
    }

    /** The stored broker; JUnit closes it at the end of the run because it is {@link AutoCloseable}. */
    private record StartedBroker(String bootstrapServers, String kind, Runnable stopper)
            implements KafkaBroker, AutoCloseable {
        @Override
        public void close() {
            stopper.run();
        }
    }
}
