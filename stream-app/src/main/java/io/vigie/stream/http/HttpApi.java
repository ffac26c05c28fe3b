package io.vigie.stream.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigie.stream.serde.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP side of the app, on the JDK's server: {@code /health} (the process is up), {@code /ready} (Kafka
 * Streams is RUNNING; 503 otherwise), {@code /metrics} (Prometheus text), and the interactive queries
 * {@code /conversations/{id}} and {@code /users/{id}}. When a token is configured the two query endpoints
 * require {@code Authorization: Bearer <token>} (401 without it): they expose risk, ages and evidence.
 * Health, readiness and metrics stay open for probes and scrapers; they carry no user data.
 *
 * <p>Thread-safe; a small fixed pool serves requests. {@link #close()} stops it.
 */
public final class HttpApi implements AutoCloseable {

    /** Header marking a request already forwarded by another instance (never forwarded twice). */
    public static final String FORWARDED_HEADER = "X-Vigie-Forwarded";

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final HttpServer server;
    private final ExecutorService pool;
    private final StateView state;
    private final Supplier<String> metrics;
    private final byte[] token;

    /**
     * Binds and starts the server.
     *
     * @param bindAddress e.g. 0.0.0.0
     * @param port        0 for any free port
     * @param token       bearer token of the query endpoints; null for none
     * @param metrics     Prometheus text exposition
     * @throws IOException when the address cannot be bound
     */
    public HttpApi(String bindAddress, int port, String token, StateView state, Supplier<String> metrics)
            throws IOException {
        this.state = state;
        this.metrics = metrics;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "vigie-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/health", ex -> respond(ex, 200, "text/plain", "UP\n"));
        server.createContext("/ready", ex -> {
            boolean ready = state.ready();
            respond(ex, ready ? 200 : 503, "text/plain", ready ? "READY\n" : "NOT READY\n");
        });
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                metrics.get()));
        server.createContext("/conversations/", ex -> query(ex, "/conversations/", true));
        server.createContext("/users/", ex -> query(ex, "/users/", false));
        server.start();
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void query(HttpExchange ex, String prefix, boolean conversation) throws IOException {
        try {
            if (!"GET".equals(ex.getRequestMethod())) {
                respond(ex, 405, "text/plain", "GET only\n");
                return;
            }
            if (!authorized(ex)) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                respond(ex, 401, "text/plain", "a bearer token is required\n");
                return;
            }
            String id = URLDecoder.decode(ex.getRequestURI().getRawPath().substring(prefix.length()),
                    StandardCharsets.UTF_8);
            if (id.isEmpty() || id.contains("/")) {
                respond(ex, 400, "text/plain", "expected " + prefix + "{id}\n");
                return;
            }
            boolean forwarded = ex.getRequestHeaders().getFirst(FORWARDED_HEADER) != null;
            Optional<Object> value = conversation ? state.conversation(id, forwarded) : state.user(id, forwarded);
            if (value.isEmpty()) {
                respond(ex, 404, "text/plain", "not found\n");
            } else {
                respond(ex, 200, "application/json", Json.MAPPER.writeValueAsString(value.get()) + "\n");
            }
        } catch (StateView.StateUnavailableException e) {
            LOG.warn("State query unavailable: {}", e.getMessage());
            respond(ex, 503, "text/plain", "state unavailable, retry later\n");
        } catch (RuntimeException e) {
            LOG.error("State query failed", e);
            respond(ex, 500, "text/plain", "internal error\n");
        }
    }

    private boolean authorized(HttpExchange ex) {
        if (token == null) {
            return true;
        }
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        // constant-time comparison: the token must not leak through timing
        return MessageDigest.isEqual(token, header.substring("Bearer ".length()).trim()
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    /** The bearer header value for forwarding a request to another instance; null without a token. */
    public static Map<String, String> forwardHeaders(String token) {
        return token == null ? Map.of(FORWARDED_HEADER, "1")
                : Map.of(FORWARDED_HEADER, "1", "Authorization", "Bearer " + token);
    }

    @Override
    public void close() {
        server.stop(1);
        pool.shutdownNow();
    }
}
