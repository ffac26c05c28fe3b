package io.vigie.stream.topology;

import io.vigie.core.state.UserState;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.vigie.stream.topology.TopologyFixture.bytes;
import static io.vigie.stream.topology.TopologyFixture.profileJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paths of the topology that do not score text: the DLQ, profiles into the global facts, erasure and the
 * expiry of user state. The engine is never asked for (these records never reach a scorer).
 */
class InputRoutingTest {

    private static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z");

    private TopologyFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new TopologyFixture(Map.of(ModerationConfig.MESSAGE_MAX_BYTES, "2048",
                ModerationConfig.MESSAGE_TEXT_MAX_CHARS, "100", ModerationConfig.MESSAGE_RECIPIENTS_MAX, "3",
                ModerationConfig.STATE_RETENTION_MS, "3600000", ModerationConfig.STATE_BAN_RETENTION_MS,
                "7200000"), () -> {
                    throw new AssertionError("no record of these tests may reach the engine");
                });
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void shouldSendMalformedJsonToDlqWithOriginalBytesAndReason() {
        // given
        byte[] key = bytes("c-1");
        byte[] value = bytes("{\"messageId\":\"m-1\", not json");
        // when
        fx.messages.pipeInput(key, value, T0);
        // then
        TestRecord<byte[], byte[]> out = fx.dlq.readRecord();
        assertArrayEquals(key, out.key());
        assertArrayEquals(value, out.value());
        assertEquals("parse", header(out.headers(), InputRouter.H_REASON));
        assertEquals("chat.messages", header(out.headers(), InputRouter.H_TOPIC));
        assertEquals("0", header(out.headers(), InputRouter.H_PARTITION));
        assertEquals("0", header(out.headers(), InputRouter.H_OFFSET));
        assertEquals(1.0, fx.counter("moderation.dlq.records", "reason", "parse"));
        assertTrue(fx.alerts.isEmpty());
    }

    @Test
    void shouldSendMessageWithoutRequiredFieldToDlqAsInvalid() {
        // given: no senderId
        String json = "{\"messageId\":\"m-1\",\"conversationId\":\"c-1\",\"sentAt\":\"" + T0 + "\",\"text\":\"hi\"}";
        // when
        fx.messages.pipeInput(bytes("c-1"), bytes(json), T0);
        // then
        TestRecord<byte[], byte[]> out = fx.dlq.readRecord();
        assertArrayEquals(bytes(json), out.value());
        assertEquals("invalid", header(out.headers(), InputRouter.H_REASON));
        assertTrue(header(out.headers(), InputRouter.H_DETAIL).contains("senderId"));
        assertEquals(1.0, fx.counter("moderation.dlq.records", "reason", "invalid"));
    }

    @Test
    void shouldSendMessageWithWrongTypeToDlqAsInvalid() {
        // given: sentAt is not a time, recipientIds not a list
        String json = "{\"messageId\":\"m-1\",\"conversationId\":\"c-1\",\"senderId\":\"u-1\","
                + "\"recipientIds\":{\"a\":1},\"sentAt\":\"yesterday\",\"text\":\"hi\"}";
        // when
        fx.messages.pipeInput(bytes("c-1"), bytes(json), T0);
        // then
        TestRecord<byte[], byte[]> out = fx.dlq.readRecord();
        assertEquals("invalid", header(out.headers(), InputRouter.H_REASON));
    }

    @Test
    void shouldSendTooLargeRecordsToDlqWithoutTruncating() {
        // given: over the byte limit, over the text limit, over the recipient limit
        String big = "{\"messageId\":\"m-1\",\"conversationId\":\"c-1\",\"senderId\":\"u-1\",\"sentAt\":\"" + T0
                + "\",\"text\":\"" + "a".repeat(3000) + "\"}";
        String longText = TopologyFixture.msg("m-2", "c-1", "u-1", List.of("u-2"), T0, "b".repeat(101));
        String crowd = TopologyFixture.msg("m-3", "c-1", "u-1", List.of("a", "b", "c", "d"), T0, "hi");
        // when
        fx.messages.pipeInput(bytes("c-1"), bytes(big), T0);
        fx.messages.pipeInput(bytes("c-1"), bytes(longText), T0);
        fx.messages.pipeInput(bytes("c-1"), bytes(crowd), T0);
        // then
        List<TestRecord<byte[], byte[]>> out = fx.dlq.readRecordsToList();
        assertEquals(3, out.size());
        assertArrayEquals(bytes(big), out.get(0).value());
        for (TestRecord<byte[], byte[]> r : out) {
            assertEquals("too_large", header(r.headers(), InputRouter.H_REASON));
        }
        assertEquals("2", header(out.get(2).headers(), InputRouter.H_OFFSET));
        assertEquals(3.0, fx.counter("moderation.dlq.records", "reason", "too_large"));
    }

    @Test
    void shouldSendUnreadableDecisionsToDlqAndCountUnreadableProfiles() {
        // when
        fx.profiles.pipeInput(bytes("u-1"), bytes("{\"declaredAge\":12}"), T0);
        fx.profiles.pipeInput(bytes("u-2"), bytes("{oops"), T0);
        fx.decisions.pipeInput(bytes("a-1"), bytes("[]"), T0);
        // then the decision is dead-lettered; a profile is read by the global store's own thread, which cannot
        // forward: it is counted by reason and changes nothing
        List<TestRecord<byte[], byte[]>> out = fx.dlq.readRecordsToList();
        assertEquals(1, out.size());
        assertEquals("moderation.decisions", header(out.get(0).headers(), InputRouter.H_TOPIC));
        double counted = fx.metrics.registry().find("moderation.dlq.records").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
        assertEquals(3.0, counted, "the decision and both profiles are counted");
        assertEquals(1.0, fx.counter("moderation.dlq.records", "reason", "parse"), "the profile that is not JSON");
        assertNull(fx.<UserState>store(Stores.PROFILES).get("u-1"));
        assertNull(fx.<UserState>store(Stores.PROFILES).get("u-2"));
    }

    @Test
    void shouldKeepEachProfileInTheGlobalStoreStraightFromTheProfilesTopic() {
        // when
        fx.profile(profileJson("u-2", 15, "d-4", T0), T0);
        // then: every instance reads it, with no hop through the application's own topics
        UserState global = fx.<UserState>store(Stores.PROFILES).get("u-2");
        assertNotNull(global);
        assertEquals(15, global.declaredAge());
        assertTrue(global.likelyMinor());
        assertEquals("d-4", global.deviceId());
        assertTrue(fx.facts.isEmpty(), "a profile is not a learned fact");
        // when the operator deletes it (a tombstone on the compacted topic)
        fx.profiles.pipeInput(bytes("u-2"), null, T0.plusSeconds(1));
        // then
        assertNull(fx.<UserState>store(Stores.PROFILES).get("u-2"));
    }

    @Test
    void shouldEraseUserWithTombstonesOnFactsAndLocalState() {
        // given what was learned of u-2 in chat
        learned("u-2", T0);
        fx.facts.readRecordsToList();
        assertNotNull(fx.<UserState>store(Stores.USER_FACTS).get("u-2"));
        // when
        fx.erasure.pipeInput(bytes("u-2"), null, T0.plusSeconds(5));
        // then
        TestRecord<String, UserState> tombstone = fx.facts.readRecord();
        assertEquals("u-2", tombstone.key());
        assertNull(tombstone.value());
        assertNull(fx.<UserState>store(Stores.USERS).get("u-2"));
        assertNull(fx.<UserState>store(Stores.USER_FACTS).get("u-2"));
        List<TestRecord<String, byte[]>> changelog = fx.driver.createOutputTopic("vigie-test-users-changelog",
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer()).readRecordsToList();
        TestRecord<String, byte[]> last = changelog.get(changelog.size() - 1);
        assertEquals("u-2", last.key());
        assertNull(last.value(), "the users changelog gets a tombstone");
    }

    /** What a message of {@code userId} at {@code at} taught: a stated age of 14. */
    private void learned(String userId, Instant at) {
        Topics.Topic<String, Events.UserEvent> t = Topics.of(fx.config).userEvents();
        fx.driver.createInputTopic(t.name(), t.keySerde().serializer(), t.valueSerde().serializer())
                .pipeInput(userId, Events.UserEvent.learned(new io.vigie.core.assess.UserFacts.Learned(null, 14, at,
                        0, at)), at);
    }

    @Test
    void shouldSendErasureWithoutKeyToDlq() {
        fx.erasure.pipeInput(null, bytes("{}"), T0);
        assertEquals("invalid", header(fx.dlq.readRecord().headers(), InputRouter.H_REASON));
    }

    @Test
    void shouldReadExpiredFactsAsAbsentAndSweepThemOnTheWallClock() {
        // given: three users learned about at T0
        for (String u : List.of("u-1", "u-2", "u-3")) {
            learned(u, T0);
        }
        assertEquals(3, fx.count(Stores.USERS));
        // when: another user two hours later (retention one hour): nothing is deleted before a sweep runs...
        Instant later = T0.plus(Duration.ofHours(2));
        learned("u-4", later);
        assertEquals(4, fx.count(Stores.USERS));
        // ...and the sweep, on the wall clock, deletes what expired before the task's newest event time
        fx.driver.advanceWallClockTime(Duration.ofMillis(fx.config.getLong(
                ModerationConfig.STATE_SWEEP_INTERVAL_MS)));
        // then
        assertEquals(1, fx.count(Stores.USERS));
        assertNull(fx.<UserState>store(Stores.USER_FACTS).get("u-1"), "expired users leave the facts topic too");
        assertNotNull(fx.<UserState>store(Stores.USER_FACTS).get("u-4"));
    }

    private static String header(Headers headers, String name) {
        var h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

}
