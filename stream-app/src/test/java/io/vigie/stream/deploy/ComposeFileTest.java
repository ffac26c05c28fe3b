package io.vigie.stream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.stream.deploy.KubernetesModel.KafkaTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/compose/docker-compose.yml: the stack's services, topics, mounts and wiring. */
class ComposeFileTest {

    private static final Pattern TOPIC_LINE = Pattern.compile(
            "^\\s*t --topic (\\S+) --partitions (\\d+) --replication-factor (\\d+)((?: --config \\S+=\\S+)*)\\s*$");

    record TopicSpec(String name, int partitions, int replicationFactor, Map<String, String> config) {
    }

    static Path composeDir;
    static JsonNode compose;
    static JsonNode services;

    @BeforeAll
    static void parse() {
        composeDir = DeployFiles.deploy("compose");
        List<JsonNode> docs = DeployFiles.yamlDocuments(composeDir.resolve("docker-compose.yml"));
        assertEquals(1, docs.size());
        compose = docs.get(0);
        services = compose.path("services");
    }

    @Test
    void shouldNameTheRequiredServices() {
        Set<String> names = new TreeSet<>();
        services.properties().forEach(e -> names.add(e.getKey()));
        assertEquals(new TreeSet<>(Set.of("kafka", "topics", "vigie", "prometheus", "grafana")), names);
    }

    @Test
    void shouldRunKafkaInKraftModeAtTheClientsVersion() {
        JsonNode kafka = services.path("kafka");
        String kafkaVersion = parentPomProperty("kafka.version");
        assertEquals("apache/kafka:" + kafkaVersion, kafka.path("image").asText());
        JsonNode env = kafka.path("environment");
        assertEquals("broker,controller", env.path("KAFKA_PROCESS_ROLES").asText());
        assertTrue(env.path("CLUSTER_ID").asText().matches("[A-Za-z0-9_-]{22}"), "a 22-char base64 cluster id");
        assertTrue(env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText().startsWith(
                env.path("KAFKA_NODE_ID").asText() + "@kafka:"));
        // a single broker: the internal topics must fit on it, or groups and transactions hang
        for (String rf : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
            assertEquals(1, env.path(rf).asInt(), rf);
        }
        assertEquals("false", env.path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText());
        assertFalse(DeployFiles.read(composeDir.resolve("docker-compose.yml")).toLowerCase(java.util.Locale.ROOT)
                .contains("zookeeper"));
    }

    @Test
    void shouldCreateEveryTopicLikeTheKubernetesTopics() {
        Map<String, TopicSpec> topics = composeTopics();
        assertEquals(KubernetesManifestsTest.APP_TOPICS, topics.keySet());
        Map<String, KafkaTopic> k8s = k8sTopics();
        for (TopicSpec t : topics.values()) {
            KafkaTopic prod = k8s.get(t.name());
            assertEquals(1, t.replicationFactor(), t.name() + ": one broker");
            // same retention and compaction as production; only sizes differ
            Map<String, String> expected = new TreeMap<>(prod.spec().config());
            expected.remove("min.insync.replicas");
            assertEquals(expected, new TreeMap<>(t.config()), t.name());
            assertTrue(t.partitions() <= prod.spec().partitions(), t.name());
        }
        assertEquals(topics.get("chat.messages").partitions(), topics.get("moderation.alerts").partitions(),
                "each input partition's alert chain lands on the alerts partition of the same number");
        JsonNode init = services.path("topics");
        assertEquals(services.path("kafka").path("image").asText(), init.path("image").asText());
        assertEquals("service_healthy", init.path("depends_on").path("kafka").path("condition").asText());
        assertEquals("no", init.path("restart").asText());
        assertTrue(initScript().contains("--if-not-exists"), "re-running the stack must not fail");
    }

    @Test
    void shouldStartTheAppAfterTheTopicsWithItsRulesAndState() {
        JsonNode app = services.path("vigie");
        assertEquals("service_completed_successfully", app.path("depends_on").path("topics").path("condition").asText());
        Path context = composeDir.resolve(app.path("build").path("context").asText()).normalize();
        assertEquals(DeployFiles.root().normalize(), context, "the image builds from the repository root");
        assertTrue(Files.isRegularFile(context.resolve(app.path("build").path("dockerfile").asText())));

        JsonNode env = app.path("environment");
        assertEquals("kafka:9092", env.path("KAFKA_BOOTSTRAP_SERVERS").asText());
        assertTrue(services.path("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText()
                .contains("//kafka:9092"), "the app's bootstrap address is one the broker advertises");
        String port = env.path("MODERATION_HTTP_PORT").asText();
        assertEquals("vigie:" + port, env.path("KAFKA_APPLICATION_SERVER").asText());
        assertTrue(app.path("ports").toString().contains(port + ":" + port));

        Map<String, String> mounts = mounts(app);
        String rules = mounts.get(env.path("MODERATION_RULES_DIR").asText());
        assertTrue(rules != null && Files.isDirectory(composeDir.resolve(rules)), "rules mounted from a folder");
        assertTrue(compose.path("volumes").has(mounts.get(env.path("KAFKA_STATE_DIR").asText())),
                "the state dir is a named volume");
        assertTrue(app.path("healthcheck").path("test").toString().contains("/health"));
    }

    @Test
    void shouldMountPrometheusAndGrafanaFilesThatExist() {
        Map<String, String> prom = mounts(services.path("prometheus"));
        assertEquals(DeployFiles.deploy("prometheus/prometheus.yml").normalize(),
                composeDir.resolve(prom.get("/etc/prometheus/prometheus.yml")).normalize());
        JsonNode promConfig = DeployFiles.yamlDocuments(DeployFiles.deploy("prometheus/prometheus.yml")).get(0);
        for (JsonNode ruleFile : promConfig.path("rule_files")) {
            assertTrue(prom.containsKey(ruleFile.asText()), "rule file " + ruleFile + " is mounted");
        }
        JsonNode vigieJob = promConfig.path("scrape_configs").get(0);
        assertEquals("vigie:" + services.path("vigie").path("environment").path("MODERATION_HTTP_PORT").asText(),
                vigieJob.path("static_configs").get(0).path("targets").get(0).asText());

        Map<String, String> grafana = mounts(services.path("grafana"));
        JsonNode provider = DeployFiles.yamlDocuments(
                DeployFiles.deploy("grafana/provisioning/dashboards/vigie.yml")).get(0);
        String dashboards = provider.path("providers").get(0).path("options").path("path").asText();
        assertEquals(DeployFiles.deploy("grafana/vigie-dashboard.json").normalize(),
                composeDir.resolve(grafana.get(dashboards + "/vigie-dashboard.json")).normalize());
        for (String source : grafana.values()) {
            if (source.startsWith(".")) {
                assertTrue(Files.exists(composeDir.resolve(source)), source);
            }
        }
        JsonNode datasource = DeployFiles.yamlDocuments(
                DeployFiles.deploy("grafana/provisioning/datasources/prometheus.yml")).get(0);
        assertEquals("http://prometheus:9090", datasource.path("datasources").get(0).path("url").asText());
    }

    @Test
    void shouldDeclareEveryNamedVolume() {
        services.properties().forEach(e -> mounts(e.getValue()).values().forEach(source -> {
            if (!source.startsWith(".") && !source.startsWith("/")) {
                assertTrue(compose.path("volumes").has(source), e.getKey() + " uses undeclared volume " + source);
            }
        }));
    }

    // ---- helpers ----

    static String initScript() {
        JsonNode command = services.path("topics").path("command");
        return command.isArray() ? command.get(0).asText() : command.asText();
    }

    static Map<String, TopicSpec> composeTopics() {
        Map<String, TopicSpec> out = new LinkedHashMap<>();
        for (String line : initScript().split("\n")) {
            if (!line.trim().startsWith("t ")) {
                continue;
            }
            Matcher m = TOPIC_LINE.matcher(line);
            assertTrue(m.matches(), "topic line not understood: " + line);
            Map<String, String> config = new HashMap<>();
            for (String part : m.group(4).split(" --config ")) {
                if (!part.isBlank()) {
                    String[] kv = part.trim().split("=", 2);
                    config.put(kv[0], kv[1]);
                }
            }
            out.put(m.group(1), new TopicSpec(m.group(1), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), config));
        }
        return out;
    }

    private static Map<String, KafkaTopic> k8sTopics() {
        Map<String, KafkaTopic> out = new HashMap<>();
        for (JsonNode doc : DeployFiles.yamlDocuments(DeployFiles.deploy("k8s/kafka/kafka-topics.yaml"))) {
            KafkaTopic t = (KafkaTopic) KubernetesModel.parse(Path.of("kafka-topics.yaml"), doc).object();
            out.put(t.spec().topicName(), t);
        }
        return out;
    }

    /** Short-syntax volumes of a service: target path to source (host path or volume name). */
    private static Map<String, String> mounts(JsonNode service) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode v : service.path("volumes")) {
            String[] parts = v.asText().split(":");
            assertTrue(parts.length >= 2, "volume " + v);
            out.put(parts[1], parts[0]);
        }
        return out;
    }

    static String parentPomProperty(String name) {
        String pom = DeployFiles.read(DeployFiles.root().resolve("pom.xml"));
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
                .matcher(pom);
        assertTrue(m.find(), "parent pom property " + name);
        return m.group(1).trim();
    }
}
