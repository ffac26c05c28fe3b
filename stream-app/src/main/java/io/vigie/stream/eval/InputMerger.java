package io.vigie.stream.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.stream.replay.Replayer;
import io.vigie.stream.serde.Json;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges several JSON Lines inputs into the one file {@code replay} reads, by event time: {@code sentAt} for a
 * message, {@code updatedAt} for a profile, {@code decidedAt} for a decision; on a tie a profile goes first, and
 * otherwise the order is stable (the earlier input first, each input's own order kept). A line without a readable
 * time (an unreadable line that replay will send to the DLQ) keeps its place after the previous line of its input.
 * Each input is expected in time order, as {@code replay} expects its input; the merge only interleaves them.
 * Blank lines are dropped; nothing else is.
 *
 * <p>Stateless; each call streams its inputs (memory grows only with the labelled conversations it records).
 */
public final class InputMerger {

    static final long PROGRESS_EVERY = 100_000;

    private InputMerger() {
    }

    /**
     * Writes the merge of {@code inputs} to {@code out} and records what the evaluation needs.
     *
     * @param out      where the merge goes; null to only read (one input is replayed as it is)
     * @param labels   the conversations whose message order (and text, with {@code keepText}) is recorded
     * @param progress where a line goes every {@link #PROGRESS_EVERY} lines
     */
    static Transcript merge(List<Path> inputs, Path out, LabelSet labels, boolean keepText, PrintStream progress)
            throws IOException {
        return merge(inputs, out, id -> labels.get(id) != null, keepText, progress);
    }

    /**
     * Reads {@code inputs} in the merged order without writing it, keeping the messages, text included, of the
     * conversations {@code keep} accepts (what {@code model train} learns from).
     */
    public static Transcript read(List<Path> inputs, java.util.function.Predicate<String> keep) throws IOException {
        return merge(inputs, null, keep, true, new PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    private static Transcript merge(List<Path> inputs, Path out, java.util.function.Predicate<String> keep,
                                    boolean keepText, PrintStream progress) throws IOException {
        Transcript transcript = new Transcript(inputs);
        List<Source> sources = new ArrayList<>();
        try (BufferedWriter w = out == null ? null : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Path p : inputs) {
                Source s = new Source(Files.newBufferedReader(p, StandardCharsets.UTF_8), sources.size());
                sources.add(s);
                s.advance();
            }
            Source next;
            while ((next = earliest(sources)) != null) {
                if (w != null) {
                    w.write(next.line);
                    w.write('\n');
                }
                record(next, transcript, keep, keepText);
                if (transcript.lines() % PROGRESS_EVERY == 0) {
                    progress.printf("eval: read %,d lines%n", transcript.lines());
                }
                next.advance();
            }
        } finally {
            for (Source s : sources) {
                s.close();
            }
        }
        return transcript;
    }

    /** The source whose head goes next; null when all are done. */
    private static Source earliest(List<Source> sources) {
        Source best = null;
        for (Source s : sources) {
            if (s.line != null && (best == null || s.before(best))) {
                best = s;
            }
        }
        return best;
    }

    private static void record(Source s, Transcript transcript, java.util.function.Predicate<String> keep,
                               boolean keepText) {
        JsonNode n = s.node;
        String conversationId = n == null || !s.kind.equals("message") ? null : string(n, "conversationId");
        String messageId = conversationId == null ? null : string(n, "messageId");
        if (messageId == null) {
            transcript.countLine();
            return;
        }
        boolean labelled = keep.test(conversationId);
        transcript.add(conversationId, new Transcript.Message(messageId, string(n, "senderId"),
                labelled && keepText ? string(n, "text") : null), labelled);
    }

    private static String string(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** One input and its current line. */
    private static final class Source implements Closeable {
        private final BufferedReader reader;
        private final int index;
        String line;
        JsonNode node;
        String kind;
        /** The head's event time, or the last one seen in this input when the head has none. */
        Instant time = Instant.MIN;

        Source(BufferedReader reader, int index) {
            this.reader = reader;
            this.index = index;
        }

        void advance() throws IOException {
            do {
                line = reader.readLine();
            } while (line != null && line.isBlank());
            if (line == null) {
                return;
            }
            kind = Replayer.kind(line);
            try {
                node = Json.MAPPER.readTree(line);
                node = node.isObject() ? node : null;
            } catch (JsonProcessingException e) {
                node = null;
            }
            Instant t = node == null ? null : eventTime(node, kind);
            if (t != null) {
                time = t;
            }
        }

        /** Goes before {@code other}: earlier time; on a tie a profile first; then the earlier input. */
        boolean before(Source other) {
            int c = time.compareTo(other.time);
            if (c != 0) {
                return c < 0;
            }
            boolean profile = kind.equals("profile");
            if (profile != other.kind.equals("profile")) {
                return profile;
            }
            return index < other.index;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** The event time of a record, null when absent or unreadable. */
    static Instant eventTime(JsonNode node, String kind) {
        String field = switch (kind) {
            case "profile" -> "updatedAt";
            case "decision" -> "decidedAt";
            default -> "sentAt";
        };
        String v = string(node, field);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
