package io.vigie.stream.console;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigie.stream.app.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The review console process ({@code bin/moderation console}): checks its users file and the brokers (retrying while
 * they are unreachable), checks or creates its topics, starts rebuilding the queue from the topics, and serves the
 * web console. {@link #start} returns once the web server is up (the queue may still be loading: {@code /ready}
 * says when it is done); {@link #close()} stops everything. {@link #run} is the command's blocking form, which
 * stops on SIGTERM / Ctrl-C.
 *
 * <p>The demo and the tests start it in-process; production runs it as its own process, apart from the engine.
 */
public final class ConsoleServer implements AutoCloseable {

    /** A failure to start, with a reason for the user (one line). */
    public static final class StartException extends Exception {
        private static final long serialVersionUID = 1L;

        StartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final TopicFeed feed;
    private final KafkaPublisher publisher;
    private final ConsoleWeb web;
    private final JvmGcMetrics gc;
    private final String url;

    private ConsoleServer(TopicFeed feed, KafkaPublisher publisher, ConsoleWeb web, JvmGcMetrics gc, String url) {
        this.feed = feed;
        this.publisher = publisher;
        this.web = web;
        this.gc = gc;
        this.url = url;
    }

    /**
     * Starts the console.
     *
     * @param err where retries while the brokers are unreachable are reported
     * @throws StartException with a one-line reason (users file, brokers, topics, port)
     */
    public static ConsoleServer start(ConsoleConfig config, PrintStream err) throws StartException,
            InterruptedException {
        if (config.getString(ConsoleConfig.USERS_FILE).isBlank()) {
            throw new StartException(ConsoleConfig.USERS_FILE + " is required: a file of 'name role hash' lines "
                    + "(hashes from 'bin/moderation console hash-password')", null);
        }
        Users users;
        try {
            users = Users.load(config.usersFile());
        } catch (Users.UsersFileException e) {
            throw new StartException(e.getMessage(), e);
        }
        if (config.sessionSecret() == null) {
            ConsoleLog.LOG.warn("{} is not set: sessions are signed with a random key, valid on this instance until "
                    + "it restarts", ConsoleConfig.SESSION_SECRET);
        }
        awaitBrokersAndTopics(config, err);

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        Clock clock = Clock.systemUTC();
        ReviewQueue queue = new ReviewQueue(clock, config.getInt(ConsoleConfig.MAX_ALERTS));
        ConsoleMetrics metrics = new ConsoleMetrics(registry, queue::summary);
        String instance = instanceId(config);
        TopicFeed feed = new TopicFeed(config, queue, metrics);
        KafkaPublisher publisher = null;
        try {
            feed.start();
            metrics.readyFrom(feed::ready);
            publisher = new KafkaPublisher(config, config.getString(ConsoleConfig.GROUP_ID) + "-" + instance, feed);
            ConsoleWeb web = new ConsoleWeb(config, queue, users, new Sessions(config.sessionSecret(),
                    config.getLong(ConsoleConfig.SESSION_TTL_MS), clock), publisher, metrics,
                    RuleDescriptions.load(config.rulesDir()), feed::ready, registry::scrape, clock, instance);
            int port = web.start();
            String host = config.getString(ConsoleConfig.HTTP_BIND_ADDRESS);
            String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
            String url = "http://" + shown + ":" + port + "/";
            ConsoleLog.LOG.info("Review console on {} ({} users)", url, users.size());
            return new ConsoleServer(feed, publisher, web, gc, url);
        } catch (RuntimeException e) {
            if (publisher != null) {
                publisher.close();
            }
            feed.close();
            gc.close();
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new StartException("the console did not start: " + reason.replace('\n', ' '), e);
        }
    }

    /**
     * Runs the console until SIGTERM / Ctrl-C.
     *
     * @return the exit code: 0 after a graceful stop, 1 when it could not start
     */
    public static int run(ConsoleConfig config, PrintStream err) throws InterruptedException {
        ConsoleLog.LOG.info("Effective configuration:");
        config.describe().forEach(line -> ConsoleLog.LOG.info("  {}", line));
        for (String unknown : config.unknownKeys()) {
            ConsoleLog.LOG.warn("Unknown setting '{}' is ignored (a typo?)", unknown);
        }
        ConsoleServer server;
        try {
            server = start(config, err);
        } catch (StartException e) {
            err.println("moderation console: " + e.getMessage());
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vigie-console-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("moderation console: serving " + server.url());
        stop.await();
        server.close();
        ConsoleLog.LOG.info("Review console stopped");
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: nothing to remove
        }
        return 0;
    }

    /** Where a browser reaches the console, e.g. {@code http://localhost:8090/}. */
    public String url() {
        return url;
    }

    /** The bound HTTP port. */
    public int port() {
        return web.port();
    }

    /** True once the queue holds everything that was in the topics at startup. */
    public boolean ready() {
        return feed.ready();
    }

    @Override
    public void close() {
        web.close();
        publisher.close();
        feed.close();
        gc.close();
    }

    private static String instanceId(ConsoleConfig config) {
        String id = config.getString(ConsoleConfig.INSTANCE_ID).trim();
        if (!id.isEmpty()) {
            return id;
        }
        int port = config.getInt(ConsoleConfig.HTTP_PORT);
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "console";
        }
        // with port 0 the port is only known after binding: a random suffix keeps instances apart
        return host + "-" + (port == 0 ? UUID.randomUUID().toString().substring(0, 8) : String.valueOf(port));
    }

    /** Waits for the brokers (retrying with a message), then checks the topics and creates the console's own. */
    private static void awaitBrokersAndTopics(ConsoleConfig config, PrintStream err) throws StartException,
            InterruptedException {
        int retries = config.getInt(ConsoleConfig.STARTUP_RETRIES);
        long backoff = config.getLong(ConsoleConfig.STARTUP_RETRY_BACKOFF_MS);
        Properties props = new Properties();
        props.putAll(config.adminProperties());
        props.putIfAbsent("request.timeout.ms", "5000");
        props.putIfAbsent("default.api.timeout.ms", "10000");
        try (Admin admin = Admin.create(props)) {
            for (int attempt = 1; ; attempt++) {
                try {
                    admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                    ensureTopics(admin, config);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
                        throw new StartException("Kafka at " + config.bootstrap() + " refused us: "
                                + cause.getMessage(), cause);
                    }
                    if (retries >= 0 && attempt > retries) {
                        throw new StartException("cannot reach Kafka at " + config.bootstrap() + " after " + attempt
                                + " attempts", cause);
                    }
                    err.println("moderation console: cannot reach Kafka at " + config.bootstrap() + " ("
                            + cause.getClass().getSimpleName() + "); retrying in " + backoff + " ms");
                    Thread.sleep(backoff);
                }
            }
        }
    }

    private static void ensureTopics(Admin admin, ConsoleConfig config) throws StartException, ExecutionException,
            InterruptedException, TimeoutException {
        String alerts = config.getString(ConsoleConfig.TOPIC_ALERTS);
        String decisions = config.getString(ConsoleConfig.TOPIC_DECISIONS);
        String claims = config.getString(ConsoleConfig.TOPIC_CLAIMS);
        String audit = config.getString(ConsoleConfig.TOPIC_AUDIT);
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<String> missing = new ArrayList<>();
        for (String t : List.of(alerts, decisions)) {
            if (!existing.contains(t)) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            throw new StartException("missing topics " + missing + " on " + config.bootstrap()
                    + ": start the engine with moderation.topics.create=true or create them", null);
        }
        List<NewTopic> create = new ArrayList<>();
        if (!existing.contains(claims) || !existing.contains(audit)) {
            if (!config.getBoolean(ConsoleConfig.TOPICS_CREATE)) {
                List<String> own = new ArrayList<>();
                for (String t : List.of(claims, audit)) {
                    if (!existing.contains(t)) {
                        own.add(t);
                    }
                }
                throw new StartException("missing topics " + own + " on " + config.bootstrap() + "; create them "
                        + "(claims compacted), or set " + ConsoleConfig.TOPICS_CREATE + "=true", null);
            }
            int partitions = partitionsOf(admin, decisions).orElse(1);
            Optional<Short> rf = config.getShort(ConsoleConfig.TOPICS_REPLICATION_FACTOR) < 0 ? Optional.empty()
                    : Optional.of(config.getShort(ConsoleConfig.TOPICS_REPLICATION_FACTOR));
            if (!existing.contains(claims)) {
                create.add(new NewTopic(claims, Optional.of(partitions), rf)
                        .configs(Map.of("cleanup.policy", "compact")));
            }
            if (!existing.contains(audit)) {
                create.add(new NewTopic(audit, Optional.of(partitions), rf));
            }
            try {
                admin.createTopics(create).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw e;
                }
            }
            Set<String> names = new HashSet<>();
            create.forEach(t -> names.add(t.name()));
            TopicProvisioner.awaitOnline(admin, names, Duration.ofSeconds(30));
            ConsoleLog.LOG.info("Created topics {}", names);
        }
    }

    private static Optional<Integer> partitionsOf(Admin admin, String topic) throws InterruptedException,
            TimeoutException, ExecutionException {
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic);
            return Optional.of(d.partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
