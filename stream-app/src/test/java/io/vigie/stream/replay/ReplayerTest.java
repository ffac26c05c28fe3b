package io.vigie.stream.replay;

import io.vigie.core.ModerationEngine;
import io.vigie.stream.config.ConfigLoader;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.integrity.AlertChainVerifier;
import io.vigie.stream.sim.ChatSimulator;
import io.vigie.stream.sim.SimConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayerTest {

    @Test
    void shouldWriteTheSameAlertsForTheSameInputAndCountBadLines(@TempDir Path dir) throws Exception {
        // given: a simulated chat with harmful conversations, and one unreadable line
        Path in = dir.resolve("in.jsonl");
        new ChatSimulator(42, SimConfig.defaults().withUsers(200).withHarmfulRate(0.05)).writeJsonl(in, 3_000);
        Files.writeString(in, "{\"type\":\"message\",\"messageId\":\n", StandardOpenOption.APPEND);
        ModerationConfig config = Replayer.offline(ConfigLoader.load(null, Map.of(), Map.of()));
        ModerationEngine engine = ModerationEngine.defaults();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        // when
        Replayer.Summary first = new Replayer(config, () -> engine, quiet).run(in, dir.resolve("a.jsonl"));
        Replayer.Summary second = new Replayer(config, () -> engine, quiet).run(in, dir.resolve("b.jsonl"));
        // then
        assertTrue(first.alerts() > 0, "harmful conversations raise alerts");
        assertEquals(1, first.dlq());
        assertEquals(first.alerts(), Files.readAllLines(dir.resolve("a.jsonl")).size());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.jsonl")), Files.readAllBytes(dir.resolve("b.jsonl")),
                "replay is deterministic");
        assertEquals(first.alertsByCategory(), second.alertsByCategory());
        assertTrue(AlertChainVerifier.verify(dir.resolve("a.jsonl")).ok(), "the chain of replayed alerts holds");
    }

    @Test
    void shouldWriteTheSameAlertsInProcessAsKafkaStreamsWithTheLiveStores(@TempDir Path dir) throws Exception {
        // given: a simulated chat with profiles, harmful conversations and shared devices
        Path in = dir.resolve("in.jsonl");
        new ChatSimulator(7, SimConfig.defaults().withUsers(150).withHarmfulRate(0.08)).writeJsonl(in, 4_000);
        ModerationConfig config = Replayer.offline(ConfigLoader.load(null, Map.of(), Map.of()));
        ModerationEngine engine = ModerationEngine.defaults();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        // when: replayed once by the in-process runner of replay (objects), once by Kafka Streams' test driver with
        // the serialized stores of run
        Replayer.Summary objects = new Replayer(config, () -> engine, quiet, true).run(in, dir.resolve("o.jsonl"));
        Replayer.Summary bytes = new Replayer(config, () -> engine, quiet, false).run(in, dir.resolve("b.jsonl"));
        // then: the processors saw the same records in the same order and the same state: the same bytes
        assertTrue(objects.alerts() > 0, "harmful conversations raise alerts");
        assertEquals(bytes.alertsByCategory(), objects.alertsByCategory());
        assertArrayEquals(Files.readAllBytes(dir.resolve("b.jsonl")), Files.readAllBytes(dir.resolve("o.jsonl")),
                "the in-process runner changes no alert");
    }

    @Test
    void shouldRecogniseLineKinds() {
        assertEquals("profile", Replayer.kind("{\"type\":\"profile\",\"userId\":\"u\"}"));
        assertEquals("decision", Replayer.kind("{\"alertId\":\"a\",\"verdict\":\"CONFIRMED\"}"));
        assertEquals("profile", Replayer.kind("{\"userId\":\"u\",\"declaredAge\":3}"));
        assertEquals("message", Replayer.kind("{\"type\":\"message\",\"messageId\":\"m\",\"userId\":\"x\"}"));
        assertEquals("message", Replayer.kind("garbage"));
    }
}
