package io.vigie.stream.replay;

import io.vigie.core.contract.Category;
import io.vigie.stream.config.ConfigLoader;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.metrics.ModerationMetrics;
import io.vigie.stream.topology.EngineSupplier;
import io.vigie.stream.topology.InProcessRunner;
import io.vigie.stream.topology.ModerationTopology;
import io.vigie.stream.topology.Topics;
import io.vigie.stream.topology.Wiring;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code moderation replay}: feeds a JSON Lines file (profiles, chat messages, decisions; a {@code type} field
 * says which) in file order through the very topology of {@code run}, on a {@link TopologyTestDriver} with
 * in-memory stores that keep the state records as objects (no changelog, so no serialization), and writes every alert as one JSON line, exactly the bytes the alerts topic would carry.
 * Event time comes from the records ({@code detectedAt} stays event time), so the output is deterministic for
 * the same input and rules. Lines that cannot be read go to the DLQ like live records and are counted.
 *
 * <p>Not thread-safe; one replay per instance.
 */
public final class Replayer {

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([A-Za-z_]+)\"");
    private static final int DRAIN_EVERY = 256;

    /** What a replay did. */
    public record Summary(long lines, long messages, long profiles, long decisions, long alerts,
                          Map<Category, Long> alertsByCategory, long dlq, long late, double seconds) {

        /** Lines per second. */
        public double rate() {
            return seconds <= 0 ? 0 : lines / seconds;
        }
    }

    private final ModerationConfig config;
    private final EngineSupplier engine;
    private final PrintStream progress;
    private final boolean objectStores;

    /**
     * @param config   the configuration; see {@link #offline}
     * @param progress where progress lines go (stderr); never null
     */
    public Replayer(ModerationConfig config, EngineSupplier engine, PrintStream progress) {
        this(config, engine, progress, true);
    }

    /**
     * @param objectStores true (the default) runs the processors in this thread with state records as objects
     *                     ({@link InProcessRunner}); false runs them on Kafka Streams' TopologyTestDriver with the
     *                     live, serialized stores (the reference tests compare the first with)
     */
    Replayer(ModerationConfig config, EngineSupplier engine, PrintStream progress, boolean objectStores) {
        this.config = config;
        this.engine = engine;
        this.progress = progress;
        this.objectStores = objectStores;
    }

    /**
     * Topic names inside a replay. No broker ever sees them and no output carries them, and they are short on
     * purpose: {@link TopologyTestDriver} (Kafka 4.4) compiles every source topic name as a regular expression
     * for every record it routes (apache/kafka#22228), and that cost grows with the names' length; with the
     * live names it was a quarter of a replay.
     */
    static final Map<String, String> TOPICS = Map.ofEntries(Map.entry(ModerationConfig.TOPIC_MESSAGES, "m"),
            Map.entry(ModerationConfig.TOPIC_PROFILES, "p"), Map.entry(ModerationConfig.TOPIC_DECISIONS, "d"),
            Map.entry(ModerationConfig.TOPIC_ALERTS, "a"), Map.entry(ModerationConfig.TOPIC_ACTIONS, "c"),
            Map.entry(ModerationConfig.TOPIC_DLQ, "q"), Map.entry(ModerationConfig.TOPIC_ERASURE, "e"),
            Map.entry(ModerationConfig.TOPIC_FACTS, "f"), Map.entry(ModerationConfig.TOPIC_DISMISSALS, "s"),
            Map.entry(ModerationConfig.TOPIC_BANNED_DEVICES, "b"), Map.entry(ModerationConfig.TOPIC_USER_EVENTS, "u"),
            Map.entry(ModerationConfig.TOPIC_SENDER_EVENTS, "x"), Map.entry(ModerationConfig.TOPIC_DEVICE_EVENTS, "v"),
            Map.entry(ModerationConfig.TOPIC_INDEX_EVENTS, "i"));
    /** The application id, prefix of the repartition topics' names: short for the same reason. */
    static final String APPLICATION_ID = "r";

    /**
     * The configuration with replay's switches: in-memory stores without changelogs, event-time detectedAt, and
     * the short {@link #TOPICS} names.
     */
    public static ModerationConfig offline(ModerationConfig config) throws ConfigLoader.ConfigProblems {
        Map<String, String> overrides = new HashMap<>();
        config.originalsStrings().forEach(overrides::put);
        overrides.put(ModerationConfig.STATE_STORE, ModerationConfig.STORE_MEMORY);
        overrides.put(ModerationConfig.DETECTED_AT_CLOCK, ModerationConfig.CLOCK_EVENT);
        overrides.put(ModerationConfig.STATE_CHANGELOG, "false");
        overrides.putAll(TOPICS);
        // the driver processes every record it holds before the next is piped: there is nothing to wait for
        overrides.put(ModerationConfig.MAX_TASK_IDLE_MS, "-1");
        // no broker to refuse a timestamp, and a cap against the wall clock would make the output depend on the day
        overrides.put(ModerationConfig.CLOCK_SKEW_MAX_MS, Long.toString(Long.MAX_VALUE / 2));
        // the replay stores hold objects already
        overrides.put(ModerationConfig.STATE_OBJECT_CACHE, "0");
        return ConfigLoader.load(null, Map.of(), overrides);
    }

    /** Where the lines go: the in-process runner, or Kafka Streams' test driver with the live stores. */
    private interface Target extends AutoCloseable {
        void pipe(String topic, byte[] value, Instant timestamp);

        /** Writes the alerts produced so far; returns how many. */
        long drainAlerts(OutputStream out) throws IOException;

        long dlq();

        void sweep(java.time.Duration interval);

        @Override
        void close();
    }

    /** Replays {@code input} into {@code output}. */
    public Summary run(Path input, Path output) throws IOException {
        ModerationMetrics metrics = ModerationMetrics.inMemory();
        Wiring wiring = Wiring.of(engine).withMetrics(metrics);
        long start = System.nanoTime();
        long lines = 0;
        long messages = 0;
        long profiles = 0;
        long decisions = 0;
        long alerts = 0;
        String messageTopic = config.getString(ModerationConfig.TOPIC_MESSAGES);
        String profileTopic = config.getString(ModerationConfig.TOPIC_PROFILES);
        String decisionTopic = config.getString(ModerationConfig.TOPIC_DECISIONS);
        long dlq;
        try (Target target = objectStores ? runner(wiring) : driver(wiring);
             BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
             OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
            // the record timestamp only matters for lines without an event time (the DLQ): keep it monotonic
            Instant lastTime = Instant.EPOCH;
            java.time.Duration sweepInterval = java.time.Duration.ofMillis(
                    config.getLong(ModerationConfig.STATE_SWEEP_INTERVAL_MS));
            String line;
            long nextProgress = 100_000;
            while ((line = in.readLine()) != null) {
                lines++;
                if (line.isBlank()) {
                    continue;
                }
                byte[] value = line.getBytes(StandardCharsets.UTF_8);
                switch (kind(line)) {
                    case "profile" -> {
                        profiles++;
                        target.pipe(profileTopic, value, lastTime);
                    }
                    case "decision" -> {
                        decisions++;
                        target.pipe(decisionTopic, value, lastTime);
                    }
                    default -> {
                        messages++;
                        target.pipe(messageTopic, value, lastTime);
                    }
                }
                if (lines % DRAIN_EVERY == 0) {
                    alerts += target.drainAlerts(out);
                }
                if (lines >= nextProgress) {
                    nextProgress += 100_000;
                    // runs the sweeps, which free expired state; expiry is decided on read, so no output changes
                    target.sweep(sweepInterval);
                    double s = (System.nanoTime() - start) / 1e9;
                    progress.printf("replay: %,d lines, %,d alerts, %,.0f lines/s%n", lines, alerts, lines / s);
                }
            }
            alerts += target.drainAlerts(out);
            dlq = target.dlq();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Category, Long> byCategory = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            long n = Math.round(metrics.registry().find("moderation.alerts").tag("category", c.value()).counters()
                    .stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum());
            if (n > 0) {
                byCategory.put(c, n);
            }
        }
        long late = Math.round(metrics.registry().get("moderation.messages.late").counter().count());
        return new Summary(lines, messages, profiles, decisions, alerts, byCategory, dlq, late, seconds);
    }

    /** The topology's processors run in this thread (the default). */
    private Target runner(Wiring wiring) {
        InProcessRunner runner = ModerationTopology.runner(config, wiring);
        java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream(1 << 16);
        long[] produced = new long[1];
        runner.onOutput(config.getString(ModerationConfig.TOPIC_ALERTS), bytes -> {
            pending.writeBytes(bytes);
            pending.write('\n');
            produced[0]++;
        });
        return new Target() {
            @Override
            public void pipe(String topic, byte[] value, Instant timestamp) {
                runner.pipe(topic, null, value, timestamp.toEpochMilli());
            }

            @Override
            public long drainAlerts(OutputStream out) throws IOException {
                pending.writeTo(out);
                pending.reset();
                long n = produced[0];
                produced[0] = 0;
                return n;
            }

            @Override
            public long dlq() {
                return runner.written(config.getString(ModerationConfig.TOPIC_DLQ));
            }

            @Override
            public void sweep(java.time.Duration interval) {
                runner.advanceWallClock(interval);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    /** Kafka Streams' TopologyTestDriver with the live (serialized) stores: the reference the runner is held to. */
    private Target driver(Wiring wiring) {
        Properties props = new Properties();
        props.putAll(config.streamsProperties());
        props.put("application.id", APPLICATION_ID);
        props.put("bootstrap.servers", "replay:9092");
        props.put("processing.guarantee", "at_least_once");
        TopologyTestDriver driver = new TopologyTestDriver(ModerationTopology.build(config, wiring, false), props);
        ByteArraySerializer b = new ByteArraySerializer();
        ByteArrayDeserializer d = new ByteArrayDeserializer();
        Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();
        for (String key : java.util.List.of(ModerationConfig.TOPIC_MESSAGES, ModerationConfig.TOPIC_PROFILES,
                ModerationConfig.TOPIC_DECISIONS)) {
            inputs.put(config.getString(key), driver.createInputTopic(config.getString(key), b, b));
        }
        TestOutputTopic<byte[], byte[]> alertTopic = driver.createOutputTopic(
                config.getString(ModerationConfig.TOPIC_ALERTS), d, d);
        TestOutputTopic<byte[], byte[]> dlqTopic = driver.createOutputTopic(
                config.getString(ModerationConfig.TOPIC_DLQ), d, d);
        // every other topic the topology writes (its own event topics included) would pile up in the driver's
        // output queues: drained and dropped
        java.util.List<TestOutputTopic<byte[], byte[]>> discarded = new java.util.ArrayList<>();
        for (Topics.Topic<?, ?> t : Topics.of(config).all()) {
            if (t.owner() != Topics.Owner.INPUT && !t.name().equals(config.getString(ModerationConfig.TOPIC_ALERTS))
                    && !t.name().equals(config.getString(ModerationConfig.TOPIC_DLQ))) {
                discarded.add(driver.createOutputTopic(t.name(), d, d));
            }
        }
        long[] dlq = new long[1];
        return new Target() {
            @Override
            public void pipe(String topic, byte[] value, Instant timestamp) {
                inputs.get(topic).pipeInput(null, value, timestamp);
            }

            @Override
            public long drainAlerts(OutputStream out) throws IOException {
                dlq[0] += dlqTopic.getQueueSize();
                dlqTopic.readRecordsToList();
                discarded.forEach(TestOutputTopic::readRecordsToList);
                return drain(alertTopic, out);
            }

            @Override
            public long dlq() {
                return dlq[0] + dlqTopic.getQueueSize();
            }

            @Override
            public void sweep(java.time.Duration interval) {
                driver.advanceWallClockTime(interval);
            }

            @Override
            public void close() {
                driver.close();
            }
        };
    }

    /** The record kind of a line: its {@code type}, else guessed from its fields; "message" by default. */
    public static String kind(String line) {
        Matcher m = TYPE.matcher(line);
        if (m.find()) {
            String t = m.group(1).toLowerCase(java.util.Locale.ROOT);
            if (t.equals("profile") || t.equals("decision") || t.equals("message")) {
                return t;
            }
        }
        if (line.contains("\"verdict\"")) {
            return "decision";
        }
        if (!line.contains("\"messageId\"") && line.contains("\"userId\"")) {
            return "profile";
        }
        return "message";
    }

    private static long drain(TestOutputTopic<byte[], byte[]> alerts, OutputStream out) throws IOException {
        long n = 0;
        while (!alerts.isEmpty()) {
            out.write(alerts.readValue());
            out.write('\n');
            n++;
        }
        return n;
    }
}
