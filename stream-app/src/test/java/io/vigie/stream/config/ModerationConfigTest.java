package io.vigie.stream.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModerationConfigTest {

    @Test
    void shouldDefaultToExactlyOnceAndContractTopics() throws Exception {
        ModerationConfig c = ConfigLoader.load(null, Map.of(), Map.of());
        assertEquals("exactly_once_v2", c.streamsProperties().get("processing.guarantee"));
        assertEquals("chat.messages", c.getString(ModerationConfig.TOPIC_MESSAGES));
        assertEquals("chat.messages.dlq", c.getString(ModerationConfig.TOPIC_DLQ));
        assertFalse(c.getBoolean(ModerationConfig.TOPICS_CREATE));
    }

    /** Large batches and lz4 for the Streams producer (every message writes its state to a changelog). */
    @ParameterizedTest(name = "{0}: {1} unless the operator sets it")
    @CsvSource({"batch.size, 262144, 32768, 65536", "compression.type, lz4, zstd, none"})
    void shouldGiveTheStreamsProducerItsOwnDefaultUnlessTheOperatorSetsIt(String key, String ours, String prefixedValue,
                                                                         String plainValue) throws Exception {
        String env = key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
        assertEquals(ours, String.valueOf(ConfigLoader.load(null, Map.of(), Map.of()).streamsProperties()
                .get("producer." + key)));
        Map<String, Object> prefixed = ConfigLoader.load(null, Map.of("KAFKA_PRODUCER_" + env, prefixedValue),
                Map.of()).streamsProperties();
        assertEquals(prefixedValue, prefixed.get("producer." + key));
        Map<String, Object> plain = ConfigLoader.load(null, Map.of("KAFKA_" + env, plainValue), Map.of())
                .streamsProperties();
        assertEquals(plainValue, plain.get(key));
        assertFalse(plain.containsKey("producer." + key), "the operator's setting is the only one");
    }

    @Test
    void shouldApplySourcesInOrderDefaultsFileEnvFlags(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "moderation.state.retention.ms=7200000\nmoderation.http.port=9000\n"
                + "moderation.topics.alerts=from-file\n");
        Map<String, String> env = Map.of("MODERATION_HTTP_PORT", "9100", "MODERATION_TOPICS_ALERTS", "from-env",
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9093", "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "MODERATION_JAVA_OPTS", "-Xmx1g", "KAFKA_HEAP_OPTS", "-Xmx1g");
        // when
        ModerationConfig c = ConfigLoader.load(file, env, Map.of(ModerationConfig.TOPIC_ALERTS, "from-flag"));
        // then
        assertEquals(7_200_000L, c.getLong(ModerationConfig.STATE_RETENTION_MS));
        assertEquals(9100, c.getInt(ModerationConfig.HTTP_PORT));
        assertEquals("from-flag", c.getString(ModerationConfig.TOPIC_ALERTS));
        assertEquals("broker:9093", c.streamsProperties().get("bootstrap.servers"));
        assertEquals("SASL_SSL", c.streamsProperties().get("security.protocol"));
        assertEquals("SASL_SSL", c.adminProperties().get("security.protocol"));
        assertTrue(c.unknownKeys().isEmpty(), () -> "launcher variables are not settings: " + c.unknownKeys());
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        ConfigLoader.ConfigProblems e = assertThrows(ConfigLoader.ConfigProblems.class, () -> ConfigLoader.load(
                null, Map.of(), Map.of(ModerationConfig.HTTP_PORT, "eighty", ModerationConfig.STATE_STORE, "disk",
                        ModerationConfig.PROCESSING_GUARANTEE, "maybe")));
        assertEquals(3, e.problems().size(), e.problems().toString());
        assertTrue(e.getMessage().contains(ModerationConfig.HTTP_PORT));
        assertTrue(e.getMessage().contains(ModerationConfig.STATE_STORE));
    }

    @Test
    void shouldNameBothKeysInCrossFieldProblems() {
        ConfigLoader.ConfigProblems e = assertThrows(ConfigLoader.ConfigProblems.class, () -> ConfigLoader.load(
                null, Map.of(), Map.of(ModerationConfig.TOPIC_ALERTS, "chat.messages")));
        assertTrue(e.getMessage().contains(ModerationConfig.TOPIC_ALERTS));
        assertTrue(e.getMessage().contains(ModerationConfig.TOPIC_MESSAGES));
    }

    @Test
    void shouldHideSecretsAndWarnAboutUnknownKeys() throws Exception {
        ModerationConfig c = ConfigLoader.load(null, Map.of("KAFKA_SASL_JAAS_CONFIG", "user=\"x\" password=\"s3cr3t\""),
                Map.of(ModerationConfig.HTTP_TOKEN, "tok-123", "moderation.state.retension.ms", "5"));
        String described = String.join("\n", c.describe());
        assertFalse(described.contains("s3cr3t"));
        assertFalse(described.contains("tok-123"));
        assertTrue(described.contains("moderation.http.token = [hidden]"));
        assertTrue(described.contains("sasl.jaas.config = [hidden]"));
        assertEquals(java.util.Set.of("moderation.state.retension.ms"), c.unknownKeys());
        assertEquals("tok-123", c.httpToken());
    }

    @Test
    void shouldNotEchoSecretValueInProblems() {
        // a password cannot be invalid by type; check a validator failure never prints a hidden key's value
        assertTrue(ModerationConfig.isSecret("ssl.keystore.password"));
        assertTrue(ModerationConfig.isSecret("sasl.jaas.config"));
        assertFalse(ModerationConfig.isSecret("moderation.http.port"));
    }

    @Test
    void shouldBuildTheEnginePolicyFromItsSettings() throws Exception {
        // given an operator who wants fan-out at two minors within six hours, a longer grace and their appeal page
        ModerationConfig c = ConfigLoader.load(null, Map.of("MODERATION_POLICY_FANOUT_MINORS", "2",
                "MODERATION_POLICY_FANOUT_WINDOW_MS", "21600000", "MODERATION_POLICY_GRACE_MS", "600000",
                "MODERATION_POLICY_REDRESS", "Contest it at https://chat.example/appeal"), Map.of());
        io.vigie.core.assess.Policy p = c.policy();
        assertEquals(2, p.behaviour().fanOutMinors());
        assertEquals(21_600_000L, p.behaviour().fanOutWindowMs());
        assertEquals(600_000L, p.behaviour().graceMs());
        assertEquals("Contest it at https://chat.example/appeal", p.redress());
        // and what was not set keeps the defaults
        io.vigie.core.assess.Policy d = io.vigie.core.assess.Policy.defaults();
        assertEquals(d.behaviour().burstContacts(), p.behaviour().burstContacts());
        assertEquals(d.thresholds().highAt(), p.thresholds().highAt());
        assertEquals(d, ConfigLoader.load(null, Map.of(), Map.of()).policy(), "defaults are the core's defaults");
    }

    @Test
    void shouldRefuseThresholdsOutOfOrder() {
        ConfigLoader.ConfigProblems e = assertThrows(ConfigLoader.ConfigProblems.class, () -> ConfigLoader.load(
                null, Map.of(), Map.of(ModerationConfig.POLICY_MEDIUM_AT, "80", ModerationConfig.POLICY_HIGH_AT,
                        "70")));
        assertTrue(e.getMessage().contains(ModerationConfig.POLICY_MEDIUM_AT), e.getMessage());
        assertTrue(e.getMessage().contains(ModerationConfig.POLICY_HIGH_AT), e.getMessage());
    }
}
