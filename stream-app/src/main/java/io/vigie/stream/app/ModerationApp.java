package io.vigie.stream.app;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigie.core.load.LoadException;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.engine.ReloadingEngine;
import io.vigie.stream.http.HttpApi;
import io.vigie.stream.http.StreamsStateView;
import io.vigie.stream.integrity.AlertChain;
import io.vigie.stream.metrics.ModerationMetrics;
import io.vigie.stream.topology.ModerationTopology;
import io.vigie.stream.topology.Wiring;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The live application ({@code moderation run}): checks the brokers (retrying with a clear message while they
 * are unreachable), provisions topics when asked, builds the topology, starts Kafka Streams, the HTTP API and
 * the rule pack watcher, and shuts everything down gracefully on SIGTERM / Ctrl-C. Not reusable: one
 * instance per process.
 */
public final class ModerationApp {

    private static final Logger LOG = LoggerFactory.getLogger(ModerationApp.class);

    private final ModerationConfig config;
    private final PrintStream err;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch closedDown = new CountDownLatch(1);
    private volatile boolean failed;

    public ModerationApp(ModerationConfig config, PrintStream err) {
        this.config = config;
        this.err = err;
    }

    /**
     * Runs until a signal or a fatal error.
     *
     * @return the process exit code: 0 after a graceful shutdown, 1 on a fatal error or bad setup
     */
    public int run() throws InterruptedException {
        LOG.info("Effective configuration:");
        config.describe().forEach(line -> LOG.info("  {}", line));
        for (String unknown : config.unknownKeys()) {
            LOG.warn("Unknown setting '{}' is ignored (a typo?)", unknown);
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        ModerationMetrics metrics = new ModerationMetrics(registry);

        ReloadingEngine engine;
        try {
            engine = new ReloadingEngine(config.path(ModerationConfig.RULES_DIR),
                    config.path(ModerationConfig.LEXICON_DIR), config.path(ModerationConfig.HASHLIST_DIR),
                    ReloadingEngine.loader(config.riskModel(), config.policy()), metrics);
        } catch (LoadException e) {
            io.vigie.stream.engine.Engines.printErrors(err::println, "moderation run", e);
            return 1;
        }
        LOG.info("Rules {} loaded", engine.current().rulesVersion());

        if (!awaitBrokersAndTopics()) {
            engine.close();
            return 1;
        }

        Topology topology = ModerationTopology.build(config,
                new Wiring(engine, metrics, AlertChain::link, Clock.systemUTC()));
        Properties props = new Properties();
        props.putAll(config.streamsProperties());
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(new ExceptionPolicy(Clock.systemUTC()));
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR) {
                failed = true;
                stopped.countDown();
            } else if (now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        metrics.runningFrom(() -> streams.state() == KafkaStreams.State.RUNNING);
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);

        HttpApi http = null;
        int port = config.getInt(ModerationConfig.HTTP_PORT);
        if (port >= 0) {
            String server = config.getString(ModerationConfig.APPLICATION_SERVER);
            HostInfo self = server.isBlank() ? null : HostInfo.buildFromEndpoint(server);
            try {
                http = new HttpApi(config.getString(ModerationConfig.HTTP_BIND_ADDRESS), port, config.httpToken(),
                        new StreamsStateView(streams, self, config.httpToken()), registry::scrape);
                LOG.info("HTTP API on {}:{}", config.getString(ModerationConfig.HTTP_BIND_ADDRESS), http.port());
            } catch (java.io.IOException e) {
                err.println("moderation run: cannot bind the HTTP API to "
                        + config.getString(ModerationConfig.HTTP_BIND_ADDRESS) + ":" + port + ": " + e.getMessage());
                streams.close();
                engine.close();
                return 1;
            }
        }
        HttpApi httpApi = http;
        Duration timeout = Duration.ofMillis(config.getLong(ModerationConfig.SHUTDOWN_TIMEOUT_MS));
        Thread hook = new Thread(() -> {
            LOG.info("Shutting down (timeout {})", timeout);
            stopped.countDown();
            // the JVM exits when the hooks return: wait for the main thread's orderly close
            try {
                closedDown.await(timeout.toMillis() + 5_000, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vigie-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        streams.start();
        engine.startWatching(config.getLong(ModerationConfig.RULES_RELOAD_INTERVAL_MS));
        stopped.await();

        engine.close();
        boolean closed = streams.close(timeout);
        if (!closed) {
            LOG.error("Kafka Streams did not close within {}; state may be restored from changelogs at restart",
                    timeout);
        }
        streamsMetrics.close();
        gc.close();
        if (httpApi != null) {
            httpApi.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running: nothing to remove
        }
        LOG.info("Stopped{}", failed ? " after a fatal error" : "");
        closedDown.countDown();
        return failed || !closed ? 1 : 0;
    }

    /** Asks a running {@link #run()} to shut down gracefully (what SIGTERM does). */
    public void stop() {
        stopped.countDown();
    }

    /** Waits for the brokers (retrying with a clear message), then checks or creates the topics. */
    private boolean awaitBrokersAndTopics() throws InterruptedException {
        int retries = config.getInt(ModerationConfig.STARTUP_RETRIES);
        long backoff = config.getLong(ModerationConfig.STARTUP_RETRY_BACKOFF_MS);
        String bootstrap = String.join(",", config.getList(ModerationConfig.BOOTSTRAP_SERVERS));
        Properties adminProps = new Properties();
        adminProps.putAll(config.adminProperties());
        adminProps.putIfAbsent("request.timeout.ms", "5000");
        adminProps.putIfAbsent("default.api.timeout.ms", "10000");
        try (Admin admin = Admin.create(adminProps)) {
            for (int attempt = 1; ; attempt++) {
                try {
                    admin.describeCluster().nodes().get(10, java.util.concurrent.TimeUnit.SECONDS);
                    Set<String> missing = TopicProvisioner.ensure(admin, config, Duration.ofSeconds(30));
                    if (!missing.isEmpty()) {
                        err.println("moderation run: missing topics " + missing + " on " + bootstrap
                                + "; create them, or set " + ModerationConfig.TOPICS_CREATE + "=true");
                        return false;
                    }
                    return true;
                } catch (ExecutionException | TimeoutException e) {
                    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof org.apache.kafka.common.errors.AuthenticationException
                            || cause instanceof org.apache.kafka.common.errors.AuthorizationException) {
                        err.println("moderation run: Kafka at " + bootstrap + " refused us: " + cause.getMessage());
                        return false;
                    }
                    if (retries >= 0 && attempt > retries) {
                        err.println("moderation run: cannot reach Kafka at " + bootstrap + " after " + attempt
                                + " attempts; giving up");
                        return false;
                    }
                    err.println("moderation run: cannot reach Kafka at " + bootstrap + " ("
                            + cause.getClass().getSimpleName() + "); retrying in " + backoff + " ms");
                    Thread.sleep(backoff);
                }
            }
        }
    }
}
