package io.vigie.stream.hostile;

import io.vigie.core.contract.Alert;
import io.vigie.core.ModerationEngine;
import io.vigie.core.state.UserState;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.topology.Stores;
import io.vigie.stream.topology.TopologyFixture;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The real topology on a TopologyTestDriver with in-memory stores and the default engine, seen from outside
 * its package. The topology package's own {@code TopologyFixture} is package-private, so this is the smallest
 * public-API equivalent: the same settings (memory stores, event-time detectedAt), built once per test.
 */
final class HostileFixture implements AutoCloseable {

    /** The DLQ reason header (the contract's name; InputRouter's constant is package-private). */
    static final String H_REASON = "vigie.dlq.reason";

    final ModerationConfig config;
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> messages;
    final TestInputTopic<byte[], byte[]> profiles;
    final TestOutputTopic<String, Alert> alerts;
    final TestOutputTopic<byte[], byte[]> dlq;
    final TestOutputTopic<String, UserState> facts;
    final io.vigie.stream.metrics.ModerationMetrics metrics;

    HostileFixture(Map<String, String> overrides) throws Exception {
        // the topology tests' fixture (memory stores, event-time detectedAt), with the default engine
        TopologyFixture base = new TopologyFixture(overrides, ModerationEngine::defaults);
        config = base.config;
        driver = base.driver;
        messages = base.messages;
        profiles = base.profiles;
        alerts = base.alerts;
        dlq = base.dlq;
        facts = base.facts;
        metrics = base.metrics;
    }

    /** A counter's value (0 when absent). */
    double counter(String name, String... tags) {
        var c = metrics.registry().find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    <V> org.apache.kafka.streams.state.KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    String topic(String key) {
        return config.getString(key);
    }

    /** True when the conversation has state, i.e. a message of it went through the assessor. */
    boolean conversationSeen(String conversationId) {
        return driver.getKeyValueStore(Stores.CONVERSATIONS).get(conversationId) != null;
    }

    static String reason(TestRecord<byte[], byte[]> r) {
        Header h = r.headers().lastHeader(H_REASON);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A valid chat message line with one recipient; {@code textJson} is already a JSON value. */
    static String message(String id, String conv, Instant at, String textJson) {
        return "{\"type\":\"message\",\"messageId\":\"" + id + "\",\"conversationId\":\"" + conv
                + "\",\"senderId\":\"u-1\",\"recipientIds\":[\"u-2\"],\"sentAt\":\"" + at + "\",\"text\":"
                + textJson + "}";
    }

    @Override
    public void close() {
        driver.close();
    }
}
