package io.vigie.stream.deploy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigie.stream.console.ConsoleMetrics;
import io.vigie.stream.console.ReviewQueue;
import io.vigie.stream.http.HttpApi;
import io.vigie.stream.http.StateView;
import io.vigie.stream.metrics.ModerationMetrics;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every metric name the dashboard and the alert rules read is one the application exports, and
 * deploy/prometheus/metric-sources.tsv says where each comes from. The application's own meters are checked
 * here against a scrape of its HTTP endpoint; the Kafka client and JVM ones need a running Streams client and
 * are checked by {@link MetricNamesIT} against the real application.
 */
class MetricNamesTest {

    enum Source { APP, KAFKA_CLIENT, JVM, CONSOLE, PROMETHEUS }

    record Used(String name, Source source, String meter) {
    }

    /** metric-sources.tsv, by name. */
    static Map<String, Used> sources() {
        Map<String, Used> out = new LinkedHashMap<>();
        boolean header = true;
        for (String line : DeployFiles.read(DeployFiles.deploy("prometheus/metric-sources.tsv")).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                assertEquals("name\tsource\tmeter", line);
                header = false;
                continue;
            }
            String[] f = line.split("\t");
            assertEquals(3, f.length, "three tab-separated columns: " + line);
            Source s = Source.valueOf(f[1].replace('-', '_').toUpperCase(java.util.Locale.ROOT));
            assertTrue(out.put(f[0], new Used(f[0], s, f[2])) == null, "listed twice: " + f[0]);
        }
        return out;
    }

    /** Sample names of a Prometheus text exposition (histogram series keep their _bucket/_sum/_count). */
    static Set<String> sampleNames(String exposition) {
        Set<String> out = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            out.add(line.substring(0, end));
        }
        return out;
    }

    @Test
    void shouldDocumentTheSourceOfEveryMetricNameUsed() {
        Map<String, Set<String>> used = MetricNamesTest.used();
        Map<String, Used> sources = sources();
        assertEquals(new TreeSet<>(used.keySet()), new TreeSet<>(sources.keySet()),
                "names used by the dashboard and alerts vs deploy/prometheus/metric-sources.tsv");
        sources.values().stream().filter(u -> u.source() == Source.PROMETHEUS)
                .forEach(u -> assertEquals("up", u.name(), "only `up` is Prometheus's own"));
        sources.values().stream().filter(u -> u.source() == Source.APP)
                .forEach(u -> assertTrue(u.name().startsWith("moderation_") && u.meter().startsWith("moderation."),
                        u.name()));
        sources.values().stream().filter(u -> u.source() == Source.CONSOLE)
                .forEach(u -> assertTrue(u.name().startsWith("moderation_console_")
                        && u.meter().startsWith("moderation.console."), u.name()));
        sources.values().stream().filter(u -> u.source() == Source.KAFKA_CLIENT)
                .forEach(u -> assertTrue(u.name().startsWith("kafka_"), u.name()));
    }

    @Test
    void shouldReadOnlyApplicationMetersThatItsMetricsEndpointServes() throws Exception {
        // given the application's meters on a Prometheus registry, served by the application's HTTP API
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ModerationMetrics metrics = new ModerationMetrics(registry);
        metrics.registerRules(List.of("grooming.secrecy"));
        StateView state = new StateView() {
            @Override
            public boolean ready() {
                return true;
            }

            @Override
            public Optional<Object> conversation(String conversationId, boolean forwarded) {
                return Optional.empty();
            }

            @Override
            public Optional<Object> user(String userId, boolean forwarded) {
                return Optional.empty();
            }
        };
        String body;
        try (HttpApi api = new HttpApi("127.0.0.1", 0, null, state, registry::scrape)) {
            // when /metrics is scraped like Prometheus does
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + api.port() + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            body = response.body();
        }

        // then every application metric that the dashboard and the alerts read is in the scrape
        Set<String> scraped = sampleNames(body);
        Map<String, String> missing = new TreeMap<>();
        sources().values().stream().filter(u -> u.source() == Source.APP)
                .filter(u -> !scraped.contains(u.name()))
                .forEach(u -> missing.put(u.name(), u.meter()));
        assertEquals(Map.of(), missing, "used but not exported; scraped: " + scraped);
    }

    @Test
    void shouldReadOnlyConsoleMetersThatTheReviewConsoleServes() {
        // given the review console's meters on a Prometheus registry, with one open alert in its queue
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ConsoleMetrics(registry, () -> new ReviewQueue(java.time.Clock.systemUTC(), 100).summary());

        // then every console metric that the dashboard and the alerts read is in its scrape
        Set<String> scraped = sampleNames(registry.scrape());
        Map<String, String> missing = new TreeMap<>();
        sources().values().stream().filter(u -> u.source() == Source.CONSOLE)
                .filter(u -> !scraped.contains(u.name()))
                .forEach(u -> missing.put(u.name(), u.meter()));
        assertEquals(Map.of(), missing, "used but not exported by the console; scraped: " + scraped);
    }

    @Test
    void shouldReadOnlyKafkaClientMetricsSeenInARealScrape() {
        Set<String> real = new TreeSet<>();
        for (String line : DeployFiles.read(DeployFiles.deploy("prometheus/kafka-client-metrics.txt")).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                real.add(line.trim());
            }
        }
        assertTrue(real.size() > 100, "the list is a whole scrape");
        sources().values().stream().filter(u -> u.source() == Source.KAFKA_CLIENT)
                .forEach(u -> assertTrue(real.contains(u.name()), u.name() + " is not a KafkaStreamsMetrics name"));
    }

    @Test
    void shouldFindTheNamesOfAnExposition() {
        String exposition = """
                # HELP moderation_e2e_lag_seconds wall clock at assessment minus sentAt
                # TYPE moderation_e2e_lag_seconds histogram
                moderation_e2e_lag_seconds_bucket{le="0.001"} 0
                moderation_e2e_lag_seconds_count 0
                up 1
                """;
        assertEquals(Set.of("moderation_e2e_lag_seconds_bucket", "moderation_e2e_lag_seconds_count", "up"),
                sampleNames(exposition));
    }

    static Map<String, Set<String>> used() {
        return MonitoringFilesTest.metricNamesUsed();
    }
}
