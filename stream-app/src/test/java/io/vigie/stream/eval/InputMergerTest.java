package io.vigie.stream.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputMergerTest {

    @TempDir
    Path dir;

    private static String message(String id, String conversation, String sentAt) {
        return "{\"type\":\"message\",\"messageId\":\"" + id + "\",\"conversationId\":\"" + conversation
                + "\",\"senderId\":\"u-" + id + "\",\"sentAt\":\"" + sentAt + "\",\"text\":\"hello " + id + "\"}";
    }

    private static String profile(String user, String updatedAt) {
        return "{\"type\":\"profile\",\"userId\":\"" + user + "\",\"declaredAge\":30,\"updatedAt\":\"" + updatedAt
                + "\"}";
    }

    private LabelSet labels(String json) throws Exception {
        return LabelSet.load(List.of(Files.writeString(dir.resolve("labels.json"), json)));
    }

    @Test
    void shouldMergeByEventTimeWithProfilesFirstOnATieAndStableOtherwise() throws Exception {
        // given: two inputs, each in time order, with ties across them, an unreadable line and a blank line
        Path a = Files.writeString(dir.resolve("a.jsonl"), String.join("\n",
                profile("u-1", "2026-11-28T20:00:00Z"),
                message("a1", "c-a", "2026-11-28T20:00:00Z"),
                message("a2", "c-a", "2026-11-28T20:05:00Z"),
                "{\"type\":\"message\",\"messageId\":",
                "",
                message("a3", "c-a", "2026-11-28T20:10:00Z")) + "\n");
        Path b = Files.writeString(dir.resolve("b.jsonl"), String.join("\n",
                message("b1", "c-b", "2026-11-28T20:00:00Z"),
                "{\"type\":\"decision\",\"alertId\":\"a-1\",\"verdict\":\"DISMISSED\",\"decidedAt\":"
                        + "\"2026-11-28T20:01:00Z\"}",
                profile("u-2", "2026-11-28T20:05:00Z"),
                message("b2", "c-b", "2026-11-28T20:07:00Z")) + "\n");
        Path out = dir.resolve("merged.jsonl");
        // when
        Transcript t = InputMerger.merge(List.of(a, b), out, labels("{\"c-a\": {\"labels\": []}}"), false,
                new PrintStream(new ByteArrayOutputStream()));
        // then: same time: the profile before the messages, then input a before input b; the unreadable line stays
        // right after the line it followed in its input; the decision goes by decidedAt; the blank line is gone
        List<String> lines = Files.readAllLines(out);
        assertEquals(List.of(profile("u-1", "2026-11-28T20:00:00Z"),
                message("a1", "c-a", "2026-11-28T20:00:00Z"),
                message("b1", "c-b", "2026-11-28T20:00:00Z"),
                "{\"type\":\"decision\",\"alertId\":\"a-1\",\"verdict\":\"DISMISSED\",\"decidedAt\":"
                        + "\"2026-11-28T20:01:00Z\"}",
                profile("u-2", "2026-11-28T20:05:00Z"),
                message("a2", "c-a", "2026-11-28T20:05:00Z"),
                "{\"type\":\"message\",\"messageId\":",
                message("b2", "c-b", "2026-11-28T20:07:00Z"),
                message("a3", "c-a", "2026-11-28T20:10:00Z")), lines);
        assertEquals(9, t.lines());
        assertEquals(5, t.messages());
        assertEquals(Set.of("c-a", "c-b"), t.conversations());
        // and the order of the labelled conversation only, without text
        assertEquals(2, t.position("c-a", "a3"));
        assertEquals(-1, t.position("c-b", "b1"), "unlabelled: order not kept");
        assertEquals(-1, t.position("c-a", "nope"));
        assertNull(t.messages("c-a").get(0).text());
        assertEquals("u-a1", t.messages("c-a").get(0).senderId());
    }

    @Test
    void shouldReadASingleInputWithoutWritingAndKeepTextOfLabelledConversationsOnlyWhenAsked() throws Exception {
        // given
        Path a = Files.writeString(dir.resolve("a.jsonl"), message("a1", "c-a", "2026-11-28T20:00:00Z") + "\n"
                + message("x1", "c-x", "2026-11-28T20:01:00Z") + "\n");
        // when: read only, as for a single input
        Transcript t = InputMerger.merge(List.of(a), null, labels("{\"c-a\": {\"labels\": []}}"), true,
                new PrintStream(new ByteArrayOutputStream()));
        // then
        assertEquals(2, t.lines());
        assertEquals("hello a1", t.messages("c-a").get(0).text());
        assertTrue(t.messages("c-x").isEmpty());
        assertTrue(t.contains("c-x"));
        assertFalse(t.contains("c-404"));
    }
}
