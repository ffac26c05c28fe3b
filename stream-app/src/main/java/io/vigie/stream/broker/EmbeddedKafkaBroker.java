package io.vigie.stream.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real single-node Kafka cluster inside this JVM: Apache Kafka's own {@link KafkaRaftServer} in KRaft combined
 * mode (broker and controller), on free loopback ports, with its storage formatted in a fresh temporary directory
 * that {@link #close()} deletes. It is what {@code demo} and the integration tests run against when no other broker
 * is given; it runs the same server code as the Apache distribution, at the client's version.
 *
 * <p>The settings a single node needs are set once here: replication factor 1 and min ISR 1 for the offsets and
 * transaction logs (without them consumer groups and exactly-once producers hang silently), no initial rebalance
 * delay, no topic auto-creation, and a small log-cleaner buffer. {@link #createTopics} waits until every new
 * partition has a leader that answers, because an idempotent producer that writes to a partition that is not online
 * yet can lose records silently (KAFKA-15591).
 *
 * <p>Optionally a second, {@code SASL_PLAINTEXT} listener accepts the PLAIN mechanism for one user
 * ({@link Builder#withSaslPlainUser}); the plaintext listener stays for the broker's own use and for admin calls.
 *
 * <p>Lifecycle: {@link #start()} formats on first call and returns once an admin client sees the node;
 * {@link #stop()} shuts the server down but keeps its data and ports, so a later {@link #start()} brings the same
 * cluster back (a broker restart as clients see it); {@link #close()} stops and deletes everything and may be called
 * any number of times. Thread-safe: every lifecycle method is synchronized.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int NODE_ID = 1;

    private final Map<String, String> overrides;
    private final String saslUser;
    private final String saslPassword;
    private final Path baseDir;
    private final int brokerPort;
    private final int controllerPort;
    private final int saslPort;
    private final String clusterId = Uuid.randomUuid().toString();

    private KafkaRaftServer server;
    private boolean formatted;
    private boolean closed;

    private EmbeddedKafkaBroker(Builder builder) {
        this.overrides = Map.copyOf(builder.overrides);
        this.saslUser = builder.saslUser;
        this.saslPassword = builder.saslPassword;
        try {
            this.baseDir = Files.createTempDirectory("vigie-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the broker's temporary directory", e);
        }
        this.brokerPort = freePort();
        this.controllerPort = freePort();
        this.saslPort = saslUser == null ? -1 : freePort();
    }

    /** A broker with the defaults: one plaintext listener. */
    public static EmbeddedKafkaBroker create() {
        return builder().build();
    }

    /** Options for a broker; {@link Builder#build()} does not start it. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats the storage (first call only), starts the server and waits until an admin client sees the node.
     *
     * @return this broker, started
     * @throws IllegalStateException if the broker is closed, the storage cannot be formatted, or the node is not
     *                               visible within 60 s
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (closed) {
            throw new IllegalStateException("the broker is closed");
        }
        if (server != null) {
            return this;
        }
        long t0 = System.nanoTime();
        Properties props = serverProperties();
        if (!formatted) {
            format(props);
            formatted = true;
        }
        KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            s.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(s);
            throw new IllegalStateException("the embedded Kafka broker failed to start: " + e.getMessage(), e);
        }
        server = s;
        awaitNodeVisible();
        LOG.info("Embedded Kafka broker up at {} in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        return this;
    }

    /**
     * Shuts the server down and waits for it, keeping the data directory and the ports: a later {@link #start()}
     * restarts the same cluster, and clients reconnect to the same address. No-op when not running.
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer s = server;
        server = null;
        shutdownQuietly(s);
    }

    /** Whether the server is running (started and not stopped). */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The plaintext listener, {@code localhost:port}; valid before start, stable across restarts. Never null. */
    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    /**
     * The SASL_PLAINTEXT listener, {@code localhost:port}.
     *
     * @throws IllegalStateException when the broker was built without {@link Builder#withSaslPlainUser}
     */
    public String saslBootstrapServers() {
        if (saslPort < 0) {
            throw new IllegalStateException("this broker has no SASL listener; build it withSaslPlainUser(...)");
        }
        return "localhost:" + saslPort;
    }

    /** The JAAS line a client uses to log in as the SASL user (PLAIN mechanism). */
    public String saslClientJaasConfig() {
        saslBootstrapServers();
        return plainJaas(saslUser, saslPassword);
    }

    /**
     * Creates topics that do not exist yet and waits until every partition of every named topic is online (its
     * leader answers ListOffsets), so that producing right after returns is safe.
     *
     * @param partitions partitions per topic, at least 1
     * @param names      topic names, never null
     */
    public void createTopics(int partitions, String... names) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, partitions, (short) 1));
        }
        createTopics(topics);
    }

    /**
     * Creates the given topics (those that already exist are left as they are) and waits until all their
     * partitions are online.
     *
     * @param topics the topics, never null
     * @throws IllegalStateException if creation fails or partitions stay offline for 60 s
     */
    public void createTopics(Collection<NewTopic> topics) {
        createTopics(adminConfig(), topics);
    }

    /**
     * Creates topics on any cluster (those that exist are left as they are) and waits until all their partitions
     * are online, which makes producing right after safe (KAFKA-15591).
     *
     * @param adminConfig admin client settings that reach the cluster, never null
     * @param topics      the topics, never null
     * @throws IllegalStateException if creation fails or partitions stay offline for 60 s
     */
    public static void createTopics(Map<String, Object> adminConfig, Collection<NewTopic> topics) {
        Objects.requireNonNull(topics, "topics must not be null");
        try (Admin admin = Admin.create(adminConfig)) {
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            awaitPartitionsOnline(admin, topics.stream().map(NewTopic::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic creation timed out", e);
        }
    }

    /** Client settings that reach this broker over the plaintext listener; a fresh mutable map. */
    public Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return config;
    }

    /** The directory holding the broker's logs and metadata; deleted by {@link #close()}. */
    public Path dataDir() {
        return baseDir;
    }

    /** Stops the broker if it runs and deletes its directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        deleteRecursively(baseDir);
    }

    private Properties serverProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        StringBuilder listeners = new StringBuilder("PLAINTEXT://localhost:" + brokerPort);
        StringBuilder advertised = new StringBuilder("PLAINTEXT://localhost:" + brokerPort);
        String protocols = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT";
        if (saslUser != null) {
            listeners.append(",SASL_PLAINTEXT://localhost:").append(saslPort);
            advertised.append(",SASL_PLAINTEXT://localhost:").append(saslPort);
            protocols += ",SASL_PLAINTEXT:SASL_PLAINTEXT";
            p.put("sasl.enabled.mechanisms", "PLAIN");
            // user_<name>="<password>" is how PlainLoginModule's server side lists the accounts it accepts
            p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + saslUser + "=\""
                            + saslPassword + "\";");
        }
        listeners.append(",CONTROLLER://localhost:").append(controllerPort);
        p.put("listeners", listeners.toString());
        p.put("advertised.listeners", advertised.toString());
        p.put("listener.security.protocol.map", protocols);
        p.put("log.dirs", baseDir.resolve("logs").toString());
        // a single node cannot hold three replicas: left at 3, consumer groups and EOS producers hang silently
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.streams.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // the 128 MiB default would triple the heap used right after start
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.putAll(overrides);
        return p;
    }

    private void format(Properties props) {
        Path file = baseDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "vigie embedded broker");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int rc;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            // execute(), not main(): main() ends the JVM
            rc = StorageTool.execute(new String[]{"format", "-t", clusterId, "-c", file.toString()}, out);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the broker storage in " + baseDir + ": " + e.getMessage(),
                    e);
        }
        if (rc != 0) {
            throw new IllegalStateException("formatting the broker storage failed (exit " + rc + "): "
                    + captured.toString(StandardCharsets.UTF_8).trim());
        }
    }

    private void awaitNodeVisible() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(adminConfig())) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not ready yet: retry until the deadline
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the embedded broker at " + bootstrapServers()
                            + " did not become visible within " + READY_TIMEOUT.toSeconds() + " s");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    private static void awaitPartitionsOnline(Admin admin, List<String> names)
            throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<TopicPartition, OffsetSpec> request = null;
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (request == null) {
                    request = new LinkedHashMap<>();
                    for (var d : admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                        for (var p : d.partitions()) {
                            request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
                        }
                    }
                }
                // ListOffsets is served by the partition leader only: success means every partition is online
                admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("partitions of " + names + " still offline after "
                + READY_TIMEOUT.toSeconds() + " s", last);
    }

    private static void shutdownQuietly(KafkaRaftServer s) {
        try {
            s.shutdown();
            s.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Embedded Kafka broker did not shut down cleanly: {}", e.toString());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    static String plainJaas(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.warn("Cannot delete {}: {}", path, e.toString());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot delete {}: {}", dir, e.toString());
        }
    }

    /**
     * Options for an {@link EmbeddedKafkaBroker}. Not thread-safe; use it from one thread, then {@link #build()}.
     */
    public static final class Builder {
        private final Map<String, String> overrides = new HashMap<>();
        private String saslUser;
        private String saslPassword;

        private Builder() {
        }

        /**
         * Adds a {@code SASL_PLAINTEXT} listener accepting the PLAIN mechanism for this one user.
         *
         * @param user     the user name, non-blank, no quote
         * @param password the password, non-blank, no quote
         */
        public Builder withSaslPlainUser(String user, String password) {
            if (user == null || user.isBlank() || user.contains("\"") || user.contains(" ")) {
                throw new IllegalArgumentException("SASL user must be a non-blank word, got: " + user);
            }
            if (password == null || password.isBlank() || password.contains("\"")) {
                throw new IllegalArgumentException("SASL password must be non-blank and hold no quote");
            }
            this.saslUser = user;
            this.saslPassword = password;
            return this;
        }

        /** Sets or overrides one server property (e.g. {@code log.retention.ms}); applied last. */
        public Builder withServerProperty(String key, String value) {
            overrides.put(Objects.requireNonNull(key, "key must not be null"),
                    Objects.requireNonNull(value, "value must not be null"));
            return this;
        }

        /** A broker with these options, not started. */
        public EmbeddedKafkaBroker build() {
            return new EmbeddedKafkaBroker(this);
        }
    }
}
