package io.vigie.stream.topology;

import io.vigie.core.ModerationEngine;
import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.vigie.stream.topology.TopologyFixture.bytes;
import static io.vigie.stream.topology.TopologyFixture.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, part 1: event time is never trusted beyond what a broker accepts, and what the topology writes to its
 * output topics carries the processing time, so time-based retention keeps it.
 */
class ClockSkewTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final long SKEW_MS = 60_000;
    private TopologyFixture fx;

    private TopologyFixture fixture() throws Exception {
        fx = new TopologyFixture(Map.of(ModerationConfig.CLOCK_SKEW_MAX_MS, Long.toString(SKEW_MS)),
                ModerationEngine::defaults, Clock.fixed(NOW, ZoneOffset.UTC));
        return fx;
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void shouldScoreAMessageDatedDaysAheadCountItAndCapEveryTimestampWrittenForIt() throws Exception {
        // given a client whose clock is two days ahead
        fixture();
        Instant future = NOW.plus(Duration.ofDays(2));
        // when
        fx.message(msg("m-1", "c-1", "u-1", List.of("u-2"), future, "je vais diffuser tes photos",
                "{\"deviceId\":\"d-1\"}"), future);
        // then it is scored with its own sentAt and counted as skewed
        assertEquals(1.0, fx.counter("moderation.messages.scored"));
        assertEquals(1.0, fx.counter("moderation.messages.clock_skew"));
        TestRecord<String, Alert> alert = fx.alerts.readRecord();
        assertEquals(future, alert.value().sentAt());
        assertEquals(NOW.toEpochMilli(), alert.timestamp(), "alerts carry the processing time");
        // and no record the topology wrote for it (changelogs, repartitions) is dated beyond now + skew
        long limit = NOW.toEpochMilli() + SKEW_MS;
        for (String internal : List.of("vigie-test-conversations-changelog", "vigie-test-users-changelog",
                "vigie-test-alert-chain-conversations-changelog")) {
            var records = fx.driver.createOutputTopic(internal, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readRecordsToList();
            assertFalse(records.isEmpty(), internal + " got nothing: the check would be empty");
            for (TestRecord<byte[], byte[]> r : records) {
                assertTrue(r.timestamp() <= limit, internal + " record at " + Instant.ofEpochMilli(r.timestamp()));
            }
        }
    }

    @Test
    void shouldNotCountAMessageWithinTheAllowedSkew() throws Exception {
        fixture();
        Instant slightlyAhead = NOW.plusSeconds(30);
        fx.message(msg("m-1", "c-1", "u-1", List.of("u-2"), slightlyAhead, "slt"), slightlyAhead);
        assertEquals(1.0, fx.counter("moderation.messages.scored"));
        assertEquals(0.0, fx.counter("moderation.messages.clock_skew"));
    }

    @Test
    void shouldStampAlertsActionsAndDeadLettersAboutOldMessagesWithTheProcessingTime() throws Exception {
        // given messages dated 30 days ago: past any output topic's default retention of 7 days
        fixture();
        Instant old = NOW.minus(Duration.ofDays(30));
        // when
        fx.message(msg("m-1", "c-1", "u-1", List.of("u-2"), old, "je vais diffuser tes photos"), old);
        fx.message(msg("m-2", "c-2", "u-3", List.of("u-4"), old, "je vais te tuer"), old);
        fx.messages.pipeInput(bytes("c-3"), bytes("{not json"), old);
        // then
        List<TestRecord<String, Alert>> alerts = fx.alerts.readRecordsToList();
        assertFalse(alerts.isEmpty(), "no alert: the check would be empty");
        for (TestRecord<String, Alert> a : alerts) {
            assertEquals(NOW.toEpochMilli(), a.timestamp(), "alert " + a.value().alertId());
            assertEquals(old, a.value().sentAt(), "the event time stays in the alert");
        }
        List<TestRecord<String, ActionCommand>> actions = fx.actions.readRecordsToList();
        for (TestRecord<String, ActionCommand> a : actions) {
            assertEquals(NOW.toEpochMilli(), a.timestamp(), "action " + a.value().alertId());
        }
        List<TestRecord<byte[], byte[]>> dlq = fx.dlq.readRecordsToList();
        assertEquals(1, dlq.size());
        assertEquals(NOW.toEpochMilli(), dlq.get(0).timestamp());
        assertEquals(0.0, fx.counter("moderation.messages.clock_skew"));
    }

    @Test
    void shouldStampTheRecordsBetweenProcessorsWithTheProcessingTimeToo() throws Exception {
        // given a likely minor, and a message to her dated 30 days ago
        fixture();
        Instant old = NOW.minus(Duration.ofDays(30));
        fx.profile(TopologyFixture.profileJson("kid", 13, null, old), old);
        // when
        fx.message(msg("m-1", "c-1", "u-1", List.of("kid"), old, "salut"), old);
        // then the message goes on to the sender task through the application's own topic, at processing time
        Topics.Topic<String, Events.SideEvent> senders = Topics.of(fx.config).senderEvents();
        var events = fx.driver.createOutputTopic(senders.name(), senders.keySerde().deserializer(),
                senders.valueSerde().deserializer()).readRecordsToList();
        assertEquals(1, events.size());
        assertEquals(NOW.toEpochMilli(), events.get(0).timestamp());
        assertEquals(old, events.get(0).value().at(), "the event time stays in the record");
    }
}
