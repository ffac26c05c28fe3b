package io.vigie.stream.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigie.stream.metrics.ModerationMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpApiTest {

    private final AtomicBoolean ready = new AtomicBoolean(false);
    private final StateView state = new StateView() {
        @Override
        public boolean ready() {
            return ready.get();
        }

        @Override
        public Optional<Object> conversation(String id, boolean forwarded) {
            return id.equals("c 1") ? Optional.of(Map.of("conversationId", id, "messages", 3)) : Optional.empty();
        }

        @Override
        public Optional<Object> user(String id, boolean forwarded) throws StateUnavailableException {
            throw new StateUnavailableException("rebalancing", null);
        }
    };
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpApi api;

    @AfterEach
    void tearDown() {
        if (api != null) {
            api.close();
        }
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAnswerHealthAlwaysAndReadyOnlyWhenRunning() throws Exception {
        api = new HttpApi("127.0.0.1", 0, null, state, () -> "");
        assertEquals(200, get("/health", null).statusCode());
        assertEquals(503, get("/ready", null).statusCode());
        ready.set(true);
        assertEquals(200, get("/ready", null).statusCode());
    }

    @Test
    void shouldServePrometheusMetricsWithContractNames() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ModerationMetrics metrics = new ModerationMetrics(registry);
        metrics.messageScored();
        api = new HttpApi("127.0.0.1", 0, null, state, registry::scrape);
        String body = get("/metrics", null).body();
        assertTrue(body.contains("moderation_messages_scored_total 1.0"), body);
        assertTrue(body.contains("moderation_dlq_records_total{reason=\"too_large\"} 0.0"), body);
        assertTrue(body.contains("moderation_alerts_total{category=\"CHILD_GROOMING\",severity=\"HIGH\"}"), body);
        assertTrue(body.contains("moderation_state_entries{store=\"conversations\"}"), body);
        assertTrue(body.contains("moderation_streams_running 0.0"), body);
    }

    @Test
    void shouldRequireBearerTokenForStateQueriesWhenConfigured() throws Exception {
        api = new HttpApi("127.0.0.1", 0, "s3cret", state, () -> "");
        assertEquals(401, get("/conversations/c%201", null).statusCode());
        assertEquals(401, get("/conversations/c%201", "wrong").statusCode());
        HttpResponse<String> ok = get("/conversations/c%201", "s3cret");
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("\"messages\":3"), ok.body());
        assertEquals(404, get("/conversations/c-2", "s3cret").statusCode());
        assertEquals(200, get("/health", null).statusCode(), "probes need no token");
    }

    @Test
    void shouldAnswer503WhenStateIsUnavailable() throws Exception {
        api = new HttpApi("127.0.0.1", 0, null, state, () -> "");
        assertEquals(503, get("/users/u-1", null).statusCode());
    }
}
