package io.vigie.stream.it;

import io.vigie.stream.broker.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault (e), security: the app reaches a broker over SASL_PLAINTEXT with the PLAIN mechanism, configured the way
 * an operator would (only {@code KAFKA_*} environment variables), works end to end, and never prints the password;
 * with a wrong password it gets nowhere and says why.
 */
class SaslIT {

    private static final String USER = "vigie-app";
    private static final String PASSWORD = "it-pw-7f3a9c1e";

    @Test
    void shouldModerateOverSaslPlainConfiguredFromTheEnvironmentWithoutPrintingThePassword(@TempDir Path dir) {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().withSaslPlainUser(USER, PASSWORD).build()
                .start()) {
            // given topics and traffic written over the SASL listener
            Map<String, Object> sasl = Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                    "sasl.jaas.config", broker.saslClientJaasConfig());
            ItFixture f = ItFixture.create(broker.saslBootstrapServers(), sasl, dir, "sasl");
            Workload w = Workload.of(f.prefix, 2);
            AppProcess.Settings settings = f.settings(ItFixture.EOS, Map.of());

            // when the app connects with the credentials in its environment only
            Map<String, String> env = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.saslBootstrapServers(),
                    "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                    "KAFKA_SASL_MECHANISM", "PLAIN",
                    "KAFKA_SASL_JAAS_CONFIG", broker.saslClientJaasConfig());
            try (AppProcess app = AppProcess.start(settings, dir, "app", env)) {
                // then it processes everything, exactly once, and never prints the password
                f.producePaced(w, w.rounds(), true, settings.applicationId(), app);
                Accounting.assertExactlyOnce(f, w);
                assertFalse(app.log().contains(PASSWORD), "the app printed the SASL password");
            }
        }
    }

    @Test
    void shouldGetNowhereAndSayWhyWithAWrongPassword(@TempDir Path dir) {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().withSaslPlainUser(USER, PASSWORD).build()
                .start()) {
            ItFixture f = ItFixture.create(broker.bootstrapServers(), Map.of(), dir, "saslbad");
            AppProcess.Settings settings = f.settings(ItFixture.EOS, Map.of());
            String wrong = "wrong-pw-55d2";
            Map<String, String> env = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.saslBootstrapServers(),
                    "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                    "KAFKA_SASL_MECHANISM", "PLAIN",
                    "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                            + "username=\"" + USER + "\" password=\"" + wrong + "\";");
            try (AppProcess app = AppProcess.start(settings, dir, "app", env)) {
                // then it says why (whether it keeps retrying or gives up) and writes nothing
                ItKafka.awaitTrue(Duration.ofSeconds(60), () -> app.log().contains("Authentication failed"),
                        () -> "no sign of the authentication failure:\n" + app.logTail());
                assertTrue(f.alerts().isEmpty());
                assertFalse(app.log().contains(wrong), "the app printed the password it was given");
            }
        }
    }
}
