package io.vigie.stream.it;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The extension hands every test of the JVM the same running broker, of the kind the machine allows. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerExtensionIT {

    private static KafkaBroker seen;

    @Test
    void shouldGiveARunningBrokerOfTheKindTheMachineAllows(KafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            assertFalse(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).isEmpty());
        }
        String forced = System.getProperty(KafkaBrokerExtension.BROKER_PROPERTY, "auto");
        String expected = switch (forced) {
            case "docker" -> "docker";
            case "embedded" -> "embedded";
            default -> DockerClientFactory.instance().isDockerAvailable() ? "docker" : "embedded";
        };
        assertEquals(expected, broker.kind());
        remember(broker);
    }

    @Test
    void shouldShareOneBrokerAcrossTests(KafkaBroker broker) {
        remember(broker);
    }

    private static synchronized void remember(KafkaBroker broker) {
        if (seen == null) {
            seen = broker;
        } else {
            assertSame(seen, broker);
        }
    }
}
