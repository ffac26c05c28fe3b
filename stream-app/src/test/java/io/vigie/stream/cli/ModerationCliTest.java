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
    void shouldNameTheContextConditionThatFailedWhenARuleNearlyFired() {
        // given a photo request to a 12-year-old written by a 14-year-old: the recipient condition holds
        Result r = run("score", "--explain", "une photo en entier cette fois, dans ta chambre", "--sender-age", "14",
                "--recipient-age", "12", "--at", "2026-11-28T20:15:00Z");

        // then the explanation names the sender condition, not the first condition the rule declares
        assertEquals(0, r.code(), r.err());
        String line = r.out().lines().filter(l -> l.strip().startsWith("minor_sex.photo_detail_to_minor "))
                .findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(line.contains("needs a sender who is not a likely minor"), line);
    }

    @Test
    void shouldShowTheRiskModelsScoreBesideItsThresholdsOrThatThereIsNone() {
        // given a lure (my own sentence) scored with the embedded model and without any
        Result with = run("score", "--explain", "viens seul derrière le stade, et prends ton liquide");
        Result without = run("score", "--explain", "--set", "moderation.model=none",
                "viens seul derrière le stade, et prends ton liquide");
        // then: the harm score, the three thresholds, the top category; or "none"
        String line = with.out().lines().filter(l -> l.startsWith("risk model: ")).findFirst()
                .orElseThrow(() -> new AssertionError(with.out()));
        assertTrue(line.matches("risk model: harm -?[0-9.]+ \\(model\\.plausible above [0-9.]+, model\\.harm above "
                + "[0-9.]+, model\\.harm_high above [0-9.]+\\); categories \\[AMBUSH [0-9.]+, .*"), line);
        assertTrue(without.out().contains("risk model: none"), without.out());
        assertTrue(!without.out().contains("  model.harm "), without.out());
    }

    @Test
    void shouldTellABareAgeAnswerFromAFirstPersonStatement() {
        Result bare = run("score", "--explain", "14 f paris", "--at", "2026-11-28T20:15:00Z");
        Result first = run("score", "--explain", "j'ai 14 ans", "--at", "2026-11-28T20:15:00Z");
        assertTrue(bare.out().contains("stated age: 14 (a bare answer"), bare.out());
        assertTrue(first.out().contains("stated age: 14 (the writer, first person)"), first.out());
    }

    @Test
    void shouldValidateARuleOnACueOfTheConfiguredLexiconFolder(@TempDir Path dir) throws Exception {
        // given a pack whose rule names a cue that only a local lexicon defines
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path lexicons = Files.createDirectories(dir.resolve("lexicons"));
        Files.writeString(rules.resolve("local.yaml"), String.join("\n", "rules:", "  - id: local.pickup_code",
                "    description: The site's own pickup codeword.", "    categories: [PROSTITUTION]", "    score: 10",
                "    when:", "      any: [local.pickup]", "    examples:", "      fire: [\"dispo pour un colis bleu\"]",
                ""));
        Files.writeString(lexicons.resolve("local.tsv"), "colis bleu\tlocal.pickup\n");

        // when validated and tested with and without the lexicon folder
        Result without = run("rules", "validate", rules.toString());
        Result with = run("rules", "validate", rules.toString(), "--set", "moderation.lexicon.dir=" + lexicons);
        Result tested = run("rules", "test", rules.toString(), "--set", "moderation.lexicon.dir=" + lexicons);

        // then the cue is unknown to the embedded lexicons only
        assertEquals(1, without.code());
        assertTrue(without.err().contains("unknown cue 'local.pickup'"), without.err());
        assertEquals(0, with.code(), with.err());
        assertEquals(0, tested.code(), tested.err() + tested.out());
        // and a second pack through --rules is refused rather than silently ignored
        Result twice = run("rules", "validate", rules.toString(), "--rules", rules.toString());
        assertEquals(1, twice.code());
        assertEquals("rules validate: the pack is the DIR argument, not --rules" + System.lineSeparator(),
                twice.err());
    }

    @Test
    void shouldListEveryLexiconErrorAndNameTheLexicons(@TempDir Path dir) throws Exception {
        Path lexicons = Files.createDirectories(dir.resolve("lexicons"));
        Files.writeString(lexicons.resolve("local.tsv"), "colis bleu\tBadCue\nfoo\tAlsoBad\n");

        Result r = run("score", "bonjour", "--set", "moderation.lexicon.dir=" + lexicons);

        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("score: the rules, lexicons or hash lists do not load (2 errors):"), r.err());
        assertTrue(r.err().contains("local.tsv:1:") && r.err().contains("local.tsv:2:"), r.err());
    }

    @Test
    void shouldSayNothingFiredOnBenignText() {
        Result r = run("score", "on se fait un cine samedi ?", "--at", "2026-11-28T20:15:00Z");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("nothing fired"), r.out());
    }
}
