package io.vigie.stream.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.vigie.stream.broker.EmbeddedKafkaBroker;
import io.vigie.stream.it.AppLauncher;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The deployment against the real application: {@code ModerationCli run} in a child JVM configured the way the
 * container is (environment variables only, the rule pack of the Kubernetes ConfigMap mounted as a folder),
 * against a real broker. It answers the probes' paths, and its {@code /metrics} serves every name the
 * dashboard and the alert rules read, Kafka client and JVM ones included.
 */
class MetricNamesIT {

    private static final String CLI = AppLauncher.CLI;
    private static final Duration METRICS_TIMEOUT = Duration.ofSeconds(150);

    @TempDir
    Path work;

    @Test
    void shouldServeProbesAndEveryMetricNameTheDashboardAndAlertsRead() throws Exception {
        // the stream helper's CLI is being merged; once it is on the class path this always runs
        Assumptions.assumeTrue(onClassPath(CLI), CLI + " is not built yet");
        KubernetesManifestsTest.parseAll();
        Container container = KubernetesManifestsTest.container();
        String health = container.getLivenessProbe().getHttpGet().getPath();
        String ready = container.getReadinessProbe().getHttpGet().getPath();
        Path rules = mountConfigMap();
        Map<String, MetricNamesTest.Used> expected = new TreeMap<>(MetricNamesTest.sources());
        // Prometheus's own, and the review console's (another process, checked in MetricNamesTest)
        expected.values().removeIf(u -> u.source() == MetricNamesTest.Source.PROMETHEUS
                || u.source() == MetricNamesTest.Source.CONSOLE);

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create().start()) {
            broker.createTopics(3, KubernetesManifestsTest.APP_TOPICS.toArray(String[]::new));
            int port = freePort();
            Process app = start(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "KAFKA_APPLICATION_ID", "deploy-metrics-it",
                    "KAFKA_STATE_DIR", work.resolve("state").toString(),
                    "KAFKA_COMMIT_INTERVAL_MS", "200",
                    "MODERATION_RULES_DIR", rules.toString(),
                    "MODERATION_HTTP_PORT", Integer.toString(port),
                    "MODERATION_HTTP_BIND_ADDRESS", "127.0.0.1"));
            try {
                String base = "http://127.0.0.1:" + port;
                awaitStatus(app, base + health, 200, Duration.ofSeconds(60));
                awaitStatus(app, base + ready, 200, Duration.ofSeconds(90));
                produceMessages(broker.bootstrapServers(), 200);

                // Kafka client metrics appear as the clients create them (per partition once fetched) and
                // Micrometer binds new ones on its refresh: poll until every name is there or time runs out
                Set<String> scraped = Set.of();
                Instant deadline = Instant.now().plus(METRICS_TIMEOUT);
                while (Instant.now().isBefore(deadline)) {
                    scraped = MetricNamesTest.sampleNames(get(base + "/metrics").body());
                    if (scraped.containsAll(expected.keySet())) {
                        break;
                    }
                    assertTrue(app.isAlive(), "the app died: " + logTail());
                    Thread.sleep(3_000);
                }
                Map<String, String> missing = new TreeMap<>();
                for (MetricNamesTest.Used u : expected.values()) {
                    if (!scraped.contains(u.name())) {
                        missing.put(u.name(), u.source() + " " + u.meter());
                    }
                }
                assertEquals(Map.of(), missing, "read by the dashboard or the alerts but not served by the app");
                // and the Kafka client names of the real app are the kind the checked-in scrape lists
                Set<String> kafka = new TreeSet<>();
                scraped.stream().filter(n -> n.startsWith("kafka_consumer_fetch_manager_")).forEach(kafka::add);
                assertTrue(kafka.contains("kafka_consumer_fetch_manager_records_lag"), kafka.toString());
            } finally {
                app.destroy();
                if (!app.waitFor(60, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                    fail("the app did not stop within 60 s of SIGTERM");
                }
            }
            // after its shutdown hooks, a JVM stopped by SIGTERM exits with 128 + 15 unless it calls exit(0)
            assertTrue(app.exitValue() == 0 || app.exitValue() == 143,
                    "a SIGTERM stop is an orderly exit, got " + app.exitValue() + ": " + logTail());
            assertTrue(logTail().contains("Shutting down"), "the app closed Kafka Streams on SIGTERM: " + logTail());
        }
    }

    /** The ConfigMap's files in a folder, as the kubelet mounts them. */
    private Path mountConfigMap() throws IOException {
        ConfigMap cm = (ConfigMap) KubernetesManifestsTest.all("ConfigMap").get(0).object();
        Path dir = Files.createDirectories(work.resolve("rules"));
        for (var e : cm.getData().entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    private Process start(Map<String, String> env) throws IOException {
        return AppLauncher.startRun(work.resolve("app.log"), env);
    }

    private void produceMessages(String bootstrap, int count) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        Instant t0 = Instant.now();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                String conversation = "c-" + (i % 20);
                String json = "{\"type\":\"message\",\"messageId\":\"m-" + i + "\",\"conversationId\":\""
                        + conversation + "\",\"senderId\":\"u-" + (i % 7) + "\",\"recipientIds\":[\"u-"
                        + ((i + 1) % 7) + "\"],\"sentAt\":\"" + t0.plusMillis(i) + "\",\"text\":\""
                        + (i % 10 == 0 ? "slt asv ?" : "salut ça va ?") + "\"}";
                producer.send(new ProducerRecord<>("chat.messages", conversation, json)).get();
            }
        }
    }

    private void awaitStatus(Process app, String url, int status, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            assertTrue(app.isAlive(), "the app exited: " + logTail());
            try {
                last = get(url).statusCode();
                if (last == status) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail(url + " answered " + last + ", not " + status + ", within " + timeout + ": " + logTail());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String logTail() {
        try {
            String all = Files.readString(work.resolve("app.log"), StandardCharsets.UTF_8);
            return all.length() <= 4000 ? all : all.substring(all.length() - 4000);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, MetricNamesIT.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
