package io.vigie.stream.topology;

import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.ModerationEngine;
import io.vigie.core.state.UserState;
import io.vigie.stream.config.ConfigLoader;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.metrics.ModerationMetrics;
import io.vigie.stream.serde.JsonSerde;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/** A TopologyTestDriver on the real topology with in-memory stores, event-time detectedAt and raw JSON input. */
public final class TopologyFixture implements AutoCloseable {

    public final ModerationConfig config;
    public final ModerationMetrics metrics = ModerationMetrics.inMemory();
    public final TopologyTestDriver driver;
    public final TestInputTopic<byte[], byte[]> messages;
    public final TestInputTopic<byte[], byte[]> profiles;
    public final TestInputTopic<byte[], byte[]> decisions;
    public final TestInputTopic<byte[], byte[]> erasure;
    public final TestOutputTopic<String, Alert> alerts;
    public final TestOutputTopic<String, ActionCommand> actions;
    public final TestOutputTopic<byte[], byte[]> dlq;
    public final TestOutputTopic<String, UserState> facts;

    public TopologyFixture(Map<String, String> overrides, Supplier<ModerationEngine> engine) throws Exception {
        this(overrides, engine, java.time.Clock.systemUTC());
    }

    /** A fixture whose processing clock (record timestamps of outputs, clock skew) is {@code clock}. */
    public TopologyFixture(Map<String, String> overrides, Supplier<ModerationEngine> engine, java.time.Clock clock)
            throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put(ModerationConfig.STATE_STORE, ModerationConfig.STORE_MEMORY);
        settings.put(ModerationConfig.DETECTED_AT_CLOCK, ModerationConfig.CLOCK_EVENT);
        settings.put(ModerationConfig.STATE_SWEEP_INTERVAL_MS, "60000");
        settings.putAll(overrides);
        config = ConfigLoader.load(null, Map.of(), settings);
        Topology topology = ModerationTopology.build(config,
                Wiring.of(memoize(engine)).withMetrics(metrics).withClock(clock));
        Properties props = new Properties();
        props.putAll(config.streamsProperties());
        props.put("application.id", "vigie-test");
        props.put("bootstrap.servers", "dummy:9092");
        props.put("processing.guarantee", "at_least_once");
        driver = new TopologyTestDriver(topology, props);
        ByteArraySerializer b = new ByteArraySerializer();
        messages = driver.createInputTopic(topic(ModerationConfig.TOPIC_MESSAGES), b, b);
        profiles = driver.createInputTopic(topic(ModerationConfig.TOPIC_PROFILES), b, b);
        decisions = driver.createInputTopic(topic(ModerationConfig.TOPIC_DECISIONS), b, b);
        erasure = driver.createInputTopic(topic(ModerationConfig.TOPIC_ERASURE), b, b);
        StringDeserializer s = new StringDeserializer();
        alerts = driver.createOutputTopic(topic(ModerationConfig.TOPIC_ALERTS), s, JsonSerde.of(Alert.class));
        actions = driver.createOutputTopic(topic(ModerationConfig.TOPIC_ACTIONS), s,
                JsonSerde.of(ActionCommand.class));
        dlq = driver.createOutputTopic(topic(ModerationConfig.TOPIC_DLQ), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        facts = driver.createOutputTopic(topic(ModerationConfig.TOPIC_FACTS), s, Stores.USER_SERDE.deserializer());
    }

    static TopologyFixture withDefaults() throws Exception {
        return new TopologyFixture(Map.of(), ModerationEngine::defaults);
    }

    private static EngineSupplier memoize(Supplier<ModerationEngine> engine) {
        ModerationEngine[] holder = new ModerationEngine[1];
        return () -> {
            if (holder[0] == null) {
                holder[0] = engine.get();
            }
            return holder[0];
        };
    }

    String topic(String key) {
        return config.getString(key);
    }

    void message(String json, Instant at) {
        String conv = field(json, "conversationId");
        messages.pipeInput(conv == null ? null : bytes(conv), bytes(json), at);
    }

    void profile(String json, Instant at) {
        profiles.pipeInput(bytes(field(json, "userId")), bytes(json), at);
    }

    void decision(String json, Instant at) {
        decisions.pipeInput(bytes(field(json, "alertId")), bytes(json), at);
    }

    <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    long count(String store) {
        long n = 0;
        try (var it = driver.<String, Object>getKeyValueStore(store).all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    double counter(String name, String... tags) {
        var c = metrics.registry().find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A chat message JSON line. */
    static String msg(String id, String conv, String sender, List<String> recipients, Instant at, String text) {
        return msg(id, conv, sender, recipients, at, text, null);
    }

    static String msg(String id, String conv, String sender, List<String> recipients, Instant at, String text,
                      String senderJson) {
        StringBuilder sb = new StringBuilder("{\"type\":\"message\",\"messageId\":\"").append(id)
                .append("\",\"conversationId\":\"").append(conv).append("\",\"senderId\":\"").append(sender)
                .append("\",\"recipientIds\":[");
        for (int i = 0; i < recipients.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(recipients.get(i)).append('"');
        }
        sb.append("],\"sentAt\":\"").append(at).append("\",\"text\":\"").append(text.replace("\"", "\\\""))
                .append('"');
        if (senderJson != null) {
            sb.append(",\"sender\":").append(senderJson);
        }
        return sb.append('}').toString();
    }

    static String profileJson(String userId, Integer age, String deviceId, Instant updatedAt) {
        return "{\"type\":\"profile\",\"userId\":\"" + userId + "\",\"declaredAge\":" + age
                + ",\"gender\":\"M\",\"accountCreatedAt\":\"2026-01-01T00:00:00Z\",\"deviceId\":"
                + (deviceId == null ? "null" : "\"" + deviceId + "\"") + ",\"updatedAt\":\"" + updatedAt + "\"}";
    }

    private static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":\"");
        if (i < 0) {
            return null;
        }
        int start = i + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }

    @Override
    public void close() {
        driver.close();
    }
}
