package io.vigie.stream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.stream.serde.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line in-process: exit codes, the one-line reason on stderr, usage on a bad flag, JSON shape. */
public class ModerationCliTest {

    /** What a command printed and returned. */
    public record Result(int code, String out, String err) {
    }

    /** Runs a command in-process with an empty environment (other packages' command tests use it too). */
    public static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ModerationCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintHelpForEverySubcommandAndExitZero() {
        for (String[] args : new String[][] {{"--help"}, {"score", "--help"}, {"replay", "--help"}, {"run", "--help"},
            {"rules", "--help"}, {"rules", "validate", "--help"}, {"rules", "test", "--help"},
            {"verify-alerts", "--help"}}) {
            Result r = run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Usage:"), String.join(" ", args));
        }
    }

    @Test
    void shouldPrintUsageAndExitOneOnBadFlag() {
        Result r = run("score", "--bogus", "hello");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("moderation: Unknown option: '--bogus'"), r.err());
        assertTrue(r.err().contains("Usage: moderation score"), r.err());
    }

    @Test
    void shouldExitOneWithOneLineWhenReplayInputIsMissing(@TempDir Path dir) {
        Result r = run("replay", "--input", dir.resolve("nope.jsonl").toString(), "--output",
                dir.resolve("out.jsonl").toString());
        assertEquals(1, r.code());
        assertEquals("replay: cannot read input " + dir.resolve("nope.jsonl") + System.lineSeparator(), r.err());
    }

    @Test
    void shouldReportEveryConfigProblemOnOneLine(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "");
        Result r = run("replay", "--input", in.toString(), "--output", dir.resolve("o.jsonl").toString(),
                "--set", "moderation.http.port=eighty", "--set", "moderation.state.store=disk");
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("moderation.http.port") && r.err().contains("moderation.state.store"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void shouldExitOneWhenAlertFileIsMissing(@TempDir Path dir) {
        Result r = run("verify-alerts", dir.resolve("none.jsonl").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("verify-alerts: cannot read"), r.err());
    }

    @Test
    void shouldRejectImpossibleAge() {
        Result r = run("score", "hello", "--sender-age", "-3");
        assertEquals(1, r.code());
        assertEquals("score: an age must be between 1 and 120, got -3" + System.lineSeparator(), r.err());
    }

    @Test
    void shouldPrintContractJsonWhenScoreFires() throws Exception {
        // given: an adult asking a 13-year-old to keep a secret and move to another app
        Result r = run("score", "dis rien a tes parents, c'est notre secret, ajoute moi sur snap",
                "--sender-age", "34", "--recipient-age", "13", "--json", "--at", "2026-11-28T20:15:00Z");
        // then
        assertEquals(0, r.code(), r.err());
        JsonNode alert = Json.MAPPER.readTree(r.out());
        assertTrue(alert.isObject(), r.out());
        for (String field : new String[] {"alertId", "messageId", "conversationId", "senderId", "recipientIds",
            "sentAt", "detectedAt", "severity", "action", "score", "categories", "signals", "age", "conversation",
            "rulesVersion", "text"}) {
            assertTrue(alert.has(field), field + " in " + r.out());
        }
        assertEquals("2026-11-28T20:15:00Z", alert.get("sentAt").asText());
        JsonNode signal = alert.get("signals").get(0);
        assertTrue(signal.has("ruleId") && signal.has("evidence") && signal.has("start") && signal.has("end"));
    }

    @Test
    void shouldPrintContractJsonByDefaultAndASummaryWithHuman() throws Exception {
        // given: the same grooming message, without --json
        String[] base = {"score", "dis rien a tes parents, c'est notre secret, ajoute moi sur snap",
            "--sender-age", "34", "--recipient-age", "13", "--at", "2026-11-28T20:15:00Z"};
        // when
        Result json = run(base);
        Result human = run(java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.stream.Stream.of(
                "--human")).toArray(String[]::new));
        // then: contract JSON by default, one line
        assertEquals(0, json.code(), json.err());
        assertTrue(Json.MAPPER.readTree(json.out()).has("alertId"), json.out());
        assertEquals(1, json.out().strip().lines().count(), json.out());
        // and a human summary naming severity and the rule on request
        assertEquals(0, human.code(), human.err());
        assertTrue(human.out().contains("CHILD_GROOMING") && human.out().contains("grooming."), human.out());
    }

    @Test
    void shouldPrintNullForScriptsWhenNothingFires() {
        Result r = run("score", "on se fait un cine samedi ?", "--json", "--at", "2026-11-28T20:15:00Z");
        assertEquals(0, r.code(), r.err());
        assertEquals("null", r.out().strip());
    }

    @Test
    void shouldSayNothingFiredOnBenignText() {
        Result r = run("score", "on se fait un cine samedi ?", "--at", "2026-11-28T20:15:00Z");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("nothing fired"), r.out());
    }
}
