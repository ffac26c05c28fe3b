package io.vigie.stream.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.stream.cli.ModerationCliTest.Result;
import io.vigie.stream.serde.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.vigie.stream.cli.ModerationCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code moderation eval} end to end, in-process: a small synthetic input of two files through the real replay. */
class EvalCommandTest {

    @TempDir
    Path dir;

    private static String profile(String user, int age) {
        return "{\"type\":\"profile\",\"userId\":\"" + user + "\",\"declaredAge\":" + age
                + ",\"accountCreatedAt\":\"2026-10-01T10:00:00Z\",\"updatedAt\":\"2026-11-28T20:00:00Z\"}";
    }

    private static String message(String conversation, int n, String from, String to, String text) {
        return "{\"type\":\"message\",\"messageId\":\"" + conversation + "-m" + n + "\",\"conversationId\":\""
                + conversation + "\",\"senderId\":\"" + from + "\",\"recipientIds\":[\"" + to + "\"],\"sentAt\":"
                + "\"2026-11-28T20:0" + n + ":00Z\",\"text\":\"" + text + "\"}";
    }

    /** Two inputs and two label files: an adult grooming a 13-year-old, a mislabelled chat, a benign chat. */
    private List<String> inputs() throws Exception {
        Path harmful = Files.writeString(dir.resolve("harmful.jsonl"), String.join("\n",
                profile("u-adult", 34), profile("u-kid", 13),
                message("e-h1", 1, "u-adult", "u-kid", "salut ca va ?"),
                message("e-h1", 2, "u-kid", "u-adult", "oui et toi"),
                message("e-h1", 3, "u-adult", "u-kid", "dis rien a tes parents, c'est notre secret, ajoute moi sur "
                        + "snap"),
                message("e-h2", 4, "u-adult", "u-kid", "on se fait un cine samedi ?")) + "\n");
        Path benign = Files.writeString(dir.resolve("benign.jsonl"), String.join("\n",
                profile("u-a", 25), profile("u-b", 27),
                message("e-b1", 1, "u-a", "u-b", "on se fait un cine samedi ?"),
                message("e-b1", 5, "u-b", "u-a", "oui avec plaisir")) + "\n");
        Path harmfulLabels = Files.writeString(dir.resolve("harmful-labels.json"), """
                {"e-h1": {"labels": ["CHILD_GROOMING", "OFF_PLATFORM"], "firstFlagMessageId": "e-h1-m3",
                          "language": "fr", "kind": "grooming"},
                 "e-h2": {"labels": ["THREAT"], "firstFlagMessageId": "e-h2-m4", "language": "fr", "kind": "wrong"},
                 "e-gone": {"labels": ["THREAT"], "firstFlagMessageId": "x", "language": "en", "kind": "gone"}}""");
        Path benignLabels = Files.writeString(dir.resolve("benign-labels.json"), """
                {"e-b1": {"labels": [], "firstFlagMessageId": null, "language": "fr", "kind": "friends",
                          "notes": "two adults plan a film"}}""");
        return List.of("--input", harmful.toString(), "--input", benign.toString(), "--labels",
                harmfulLabels.toString(), "--labels", benignLabels.toString());
    }

    private static String[] args(List<String> base, String... more) {
        List<String> all = new ArrayList<>(List.of("eval"));
        all.addAll(base);
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }

    @Test
    void shouldMeasureTwoMergedInputsAndWriteTheSummaryJsonAndReport() throws Exception {
        // given
        Path json = dir.resolve("eval.json");
        Path report = dir.resolve("eval.html");
        // when
        Result r = run(args(inputs(), "--json", json.toString(), "--report", report.toString(), "--show-text"));
        // then: exit 0 without thresholds, the absent conversation warned about
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("eval: warning: 1 labelled conversation is absent from the input, not scored: "
                + "e-gone"), r.err());
        JsonNode result = Json.MAPPER.readTree(json.toFile());
        assertEquals(10, result.get("lines").asInt(), "4 profiles and 6 messages");
        Map<String, JsonNode> categories = new java.util.HashMap<>();
        result.get("categories").forEach(c -> categories.put(c.get("category").asText(), c));
        JsonNode grooming = categories.get("CHILD_GROOMING").get("recall");
        assertEquals(1, grooming.get("count").asInt(), grooming.toString());
        assertEquals(1, grooming.get("of").asInt(), grooming.toString());
        JsonNode delay = categories.get("CHILD_GROOMING").get("delay");
        assertEquals(1, delay.get("early").asInt() + delay.get("onTime").asInt(), delay.toString());
        assertEquals(0, categories.get("THREAT").get("recall").get("count").asInt());
        assertEquals(0, result.get("benignAlerted").get("count").asInt());
        assertEquals(1, result.get("benignAlerted").get("of").asInt());
        assertEquals("e-h2", result.get("missed").get(0).get("conversationId").asText());
        // the summary names the figures, and the text with --show-text
        assertTrue(r.out().contains("THREAT") && r.out().contains("0/1 0.00"), r.out());
        assertTrue(r.out().contains("e-h2-m4 u-adult: on se fait un cine samedi ?  [first flag]"), r.out());
        // the page is self-contained
        String html = Files.readString(report);
        assertTrue(html.contains("<svg") && html.contains("Recall by category") && html.contains("Alert delay"));
        for (String external : new String[] {"<script", "<link", "src=", "@import", "url("}) {
            assertFalse(html.contains(external), external);
        }
    }

    @Test
    void shouldExitOneNamingEveryFailedThresholdAndShowNoTextByDefault() throws Exception {
        // given: one input (replayed as it is) and its labels: no benign conversation to measure false alerts on
        List<String> all = inputs();
        // when
        Result r = run("eval", "--input", all.get(1), "--labels", all.get(5), "--min-recall", "0.5", "--max-fpr",
                "0%");
        // then
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().endsWith("eval: fails the thresholds: THREAT recall 0.00 (0/1) < 0.50; no benign "
                + "conversation labelled: --max-fpr cannot be checked" + System.lineSeparator()), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  CHILD_GROOMING ") && l.contains(" 1/1 1.00 ")),
                r.out());
        assertFalse(r.out().contains("notre secret") || r.out().contains("cine"), "no message text: " + r.out());
    }

    @Test
    void shouldExitOneWithOneLineOnBadInput() throws Exception {
        List<String> ok = inputs();
        Path missing = dir.resolve("missing.jsonl");
        Result r = run("eval", "--input", missing.toString(), "--labels", ok.get(5));
        assertEquals(1, r.code());
        assertEquals("eval: cannot read input " + missing + System.lineSeparator(), r.err());

        Path badLabels = Files.writeString(dir.resolve("bad.json"), "{\"e-h1\": {\"labels\": [\"GROOMING\"]}}");
        r = run("eval", "--input", ok.get(1), "--labels", badLabels.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("eval: " + badLabels + ": e-h1: unknown category 'GROOMING'"), r.err());

        Path noDir = dir.resolve("nope/eval.html");
        r = run("eval", "--input", ok.get(1), "--labels", ok.get(5), "--report", noDir.toString());
        assertEquals(1, r.code());
        assertEquals("eval: output directory " + noDir.getParent() + " does not exist" + System.lineSeparator(),
                r.err());
    }

    @Test
    void shouldPrintUsageOnABadThresholdOrAMissingLabelFile() throws Exception {
        List<String> ok = inputs();
        Result r = run("eval", "--input", ok.get(1), "--labels", ok.get(5), "--max-fpr", "150%");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("'150%' is not between 0 and 1") && r.err().contains("Usage: moderation eval"),
                r.err());
        r = run("eval", "--input", ok.get(1));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Missing required option: '--labels=LABELS.json'"), r.err());
    }

    @Test
    void shouldDocumentTheLabelFormatInHelp() {
        Result r = run("eval", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: moderation eval") && r.out().contains("firstFlagMessageId")
                && r.out().contains("[] when benign") && r.out().contains("--show-text"), r.out());
    }

    @Test
    void shouldParseThresholdsAsFractionsOrPercentages() {
        assertEquals(0.03, Evaluation.fraction("3%"), 1e-12);
        assertEquals(0.9, Evaluation.fraction("0.9"), 1e-12);
        assertEquals(1.0, Evaluation.fraction(" 100 % "), 1e-12);
        for (String bad : new String[] {"-0.1", "1.5", "abc", "NaN", "%"}) {
            try {
                Evaluation.fraction(bad);
                throw new AssertionError("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains(bad.strip()), expected.getMessage());
            }
        }
    }
}
