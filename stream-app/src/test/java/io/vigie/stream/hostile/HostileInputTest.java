package io.vigie.stream.hostile;

import io.vigie.stream.topology.Stores;

import io.vigie.core.state.UserState;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.vigie.stream.hostile.HostileFixture.message;
import static io.vigie.stream.hostile.HostileFixture.reason;
import static io.vigie.stream.hostile.HostileFixture.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Hostile input on {@code chat.messages} and {@code chat.profiles}, through the real topology with the default
 * configuration (64 KiB per record, 16,384 text chars, 1,000 recipients) and the default engine. Every hostile
 * record either lands on the DLQ with its exact bytes and a reason header, or is scored; either way the next
 * well-formed record is still processed: no crash, no silent drop.
 */
class HostileInputTest {

    private static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z");
    private static final String OK_TAIL = ",\"senderId\":\"u-1\",\"recipientIds\":[\"u-2\"],\"sentAt\":\"" + T0
            + "\",\"text\":\"salut\"}";

    /** Not JSON: cut inside a string. */
    private static final byte[] TRUNCATED = utf8("{\"messageId\":\"m-1\",\"conversationId\":\"c");
    /** Not JSON: bytes that are not UTF-8 inside a string. */
    private static final byte[] INVALID_UTF8 = concat(utf8("{\"messageId\":\"m-1\",\"conversationId\":\"c-1\","
            + "\"text\":\""), new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, utf8("\"}"));
    /** Not JSON: an unescaped control char (NUL) inside a string. */
    private static final byte[] RAW_NUL = utf8(message("m-1", "c-1", T0, "\"a\u0000b\""));

    private HostileFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new HostileFixture(Map.of());
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    static Stream<Arguments> rejected() {
        String nested = "[".repeat(10_000) + "]".repeat(10_000);
        return Stream.of(
                arguments("malformed JSON", utf8("{\"messageId\":\"m-1\", not json"), "parse"),
                arguments("truncated JSON", TRUNCATED, null),
                arguments("recipientIds as a string", utf8(message("m-1", "c-1", T0, "\"hi\"")
                        .replace("[\"u-2\"]", "\"u-2\"")), "invalid"),
                arguments("text as an object", utf8(message("m-1", "c-1", T0, "{}")), "invalid"),
                arguments("missing messageId", utf8("{\"conversationId\":\"c-1\"" + OK_TAIL), "invalid"),
                arguments("missing conversationId", utf8("{\"messageId\":\"m-1\"" + OK_TAIL), "invalid"),
                arguments("missing senderId", utf8(message("m-1", "c-1", T0, "\"hi\"")
                        .replace("\"senderId\":\"u-1\",", "")), "invalid"),
                arguments("missing sentAt", utf8(message("m-1", "c-1", T0, "\"hi\"")
                        .replace("\"sentAt\":\"" + T0 + "\",", "")), "invalid"),
                arguments("missing text without attachments", utf8(message("m-1", "c-1", T0, "\"hi\"")
                        .replace(",\"text\":\"hi\"", "")), "invalid"),
                arguments("blank senderId", utf8(message("m-1", "c-1", T0, "\"hi\"")
                        .replace("\"u-1\"", "\"  \"")), "invalid"),
                arguments("top-level array", utf8("[1,2,3]"), "invalid"),
                arguments("top-level number", utf8("42"), "invalid"),
                arguments("top-level string", utf8("\"hello\""), "invalid"),
                arguments("top-level null", utf8("null"), "invalid"),
                arguments("empty bytes", new byte[0], "invalid"),
                arguments("1 MB text", utf8(message("m-1", "c-1", T0, "\"" + "a".repeat(1 << 20) + "\"")),
                        "too_large"),
                arguments("100,000 recipients", utf8(message("m-1", "c-1", T0, "\"hi\"")
                        .replace("[\"u-2\"]", recipients(100_000))), "too_large"),
                arguments("200,000 repeated letters", utf8(message("m-1", "c-1", T0,
                        "\"" + "z".repeat(200_000) + "\"")), "too_large"),
                arguments("10,000-deep nesting as the text", utf8(message("m-1", "c-1", T0, nested)),
                        "invalid"),
                arguments("10,000-deep nesting in an ignored field", utf8(message("m-1", "c-1", T0, "\"hi\"")
                        .replace("{\"type\"", "{\"junk\":" + nested + ",\"type\"")), "invalid"),
                arguments("invalid UTF-8 bytes", INVALID_UTF8, null),
                arguments("raw NUL byte inside a string", RAW_NUL, null),
                arguments("a profile line on the messages topic", utf8("{\"type\":\"profile\",\"userId\":\"u-9\","
                        + "\"declaredAge\":30,\"updatedAt\":\"" + T0 + "\"}"), "invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void shouldSendHostileMessageToDlqWithOriginalBytesAndKeepProcessing(String name, byte[] value,
                                                                        String expectedReason) {
        // given
        byte[] key = utf8("c-hostile");
        // when
        fx.messages.pipeInput(key, value, T0);
        fx.messages.pipeInput(utf8("c-next"), utf8(message("m-next", "c-next", T0, "\"salut\"")), T0);
        // then
        List<TestRecord<byte[], byte[]>> dlq = fx.dlq.readRecordsToList();
        assertEquals(1, dlq.size(), name + ": exactly the hostile record goes to the DLQ");
        assertArrayEquals(value, dlq.get(0).value(), name + ": original bytes kept");
        assertNotNull(reason(dlq.get(0)), name + ": a reason header");
        if (expectedReason != null) {
            assertEquals(expectedReason, reason(dlq.get(0)), name);
        }
        assertTrue(fx.conversationSeen("c-next"), name + ": the next record is still processed");
        assertTrue(fx.alerts.isEmpty());
    }

    static Stream<Arguments> notJson() {
        return Stream.of(arguments("truncated JSON", TRUNCATED), arguments("invalid UTF-8 bytes", INVALID_UTF8),
                arguments("raw NUL byte inside a string", RAW_NUL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notJson")
    void shouldLabelBytesThatAreNotJsonAsParse(String name, byte[] value) {
        // when
        fx.messages.pipeInput(utf8("c-1"), value, T0);
        // then: DlqReason.PARSE is documented as "Not JSON at all, or truncated"
        assertEquals("parse", reason(fx.dlq.readRecord()), name);
    }

    @Test
    void shouldRejectHugeTextAndCrowdByTheirOwnLimitsWhenTheByteLimitIsRaised() throws Exception {
        // given: a 16 MiB byte limit, so the text and recipient limits are the ones that bite
        try (HostileFixture big = new HostileFixture(Map.of(
                io.vigie.stream.config.ModerationConfig.MESSAGE_MAX_BYTES, Integer.toString(16 * 1024 * 1024)))) {
            byte[] text = utf8(message("m-1", "c-1", T0, "\"" + "a".repeat(1 << 20) + "\""));
            byte[] crowd = utf8(message("m-2", "c-1", T0, "\"hi\"").replace("[\"u-2\"]", recipients(100_000)));
            // when
            big.messages.pipeInput(utf8("c-1"), text, T0);
            big.messages.pipeInput(utf8("c-1"), crowd, T0);
            big.messages.pipeInput(utf8("c-next"), utf8(message("m-next", "c-next", T0, "\"salut\"")), T0);
            // then
            List<TestRecord<byte[], byte[]>> dlq = big.dlq.readRecordsToList();
            assertEquals(2, dlq.size());
            assertArrayEquals(text, dlq.get(0).value());
            assertArrayEquals(crowd, dlq.get(1).value());
            assertEquals("too_large", reason(dlq.get(0)));
            assertEquals("too_large", reason(dlq.get(1)));
            assertTrue(detail(dlq.get(0)).contains("1048576 chars"), detail(dlq.get(0)));
            assertTrue(detail(dlq.get(1)).contains("100000 recipients"), detail(dlq.get(1)));
            assertTrue(big.conversationSeen("c-next"));
        }
    }

    private static String detail(TestRecord<byte[], byte[]> r) {
        var h = r.headers().lastHeader("vigie.dlq.detail");
        return h == null ? "" : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void shouldSendTombstoneOnMessagesToDlqAndKeepProcessing() {
        // when
        fx.messages.pipeInput(utf8("c-1"), null, T0);
        fx.messages.pipeInput(utf8("c-next"), utf8(message("m-next", "c-next", T0, "\"salut\"")), T0);
        // then
        TestRecord<byte[], byte[]> out = fx.dlq.readRecord();
        assertEquals("invalid", reason(out));
        assertEquals(null, out.value());
        assertArrayEquals(utf8("c-1"), out.key());
        assertTrue(fx.dlq.isEmpty());
        assertTrue(fx.conversationSeen("c-next"));
    }

    static Stream<Arguments> scored() {
        return Stream.of(
                arguments("10,000 zero-width characters", "\"a" + "\\u200b".repeat(10_000) + "b\""),
                arguments("unpaired surrogates as escapes", "\"x\\ud800y\\udfffz\\ud800\""),
                arguments("escaped NUL chars", "\"a\\u0000b\\u0000\\u0000c\""),
                arguments("16,384 repeated letters (at the limit)", "\"" + "w".repeat(16_384) + "\""),
                arguments("alternating separators", "\"" + "a.".repeat(8_000) + "\""),
                arguments("every field plus unknown fields", "\"salut\",\"extra\":{\"deep\":[1,2,{\"x\":null}]},"
                        + "\"sender\":{\"unknownToo\":true}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scored")
    void shouldScoreOddButValidMessageWithoutAlertAndKeepProcessing(String name, String textJson) {
        // when
        fx.messages.pipeInput(utf8("c-odd"), utf8(message("m-odd", "c-odd", T0, textJson)), T0);
        fx.messages.pipeInput(utf8("c-next"), utf8(message("m-next", "c-next", T0, "\"salut\"")), T0);
        // then
        assertTrue(fx.dlq.isEmpty(), name + ": nothing to the DLQ");
        assertTrue(fx.conversationSeen("c-odd"), name + ": scored");
        assertTrue(fx.conversationSeen("c-next"), name + ": the next record is still processed");
        assertTrue(fx.alerts.isEmpty(), name + ": a benign odd text raises no alert");
    }

    @Test
    void shouldAcceptNumericSentAtAsEpochSecondsAndKeepProcessing() {
        // given: sentAt as a JSON number; the contract shows ISO-8601, Jackson reads a number as epoch seconds
        String json = message("m-1", "c-num", T0, "\"hi\"").replace("\"" + T0 + "\"", "12");
        // when
        fx.messages.pipeInput(utf8("c-num"), utf8(json), T0);
        boolean seenAlone = fx.conversationSeen("c-num");
        fx.messages.pipeInput(utf8("c-next"), utf8(message("m-next", "c-next", T0, "\"salut\"")), T0);
        // then: read as 1970-01-01T00:00:12Z and scored (not fatal); the next record goes through
        assertTrue(fx.dlq.isEmpty(), "a numeric sentAt is not rejected today");
        assertTrue(fx.conversationSeen("c-next"));
        assertTrue(seenAlone, "scored with its 1970 event time (then expired by retention as stream time moves)");
    }

    @Test
    void shouldIgnoreUnknownFieldsEverywhereAndStillAlertOnGrooming() {
        // given: profiles and a grooming conversation whose every record carries unknown fields
        fx.profiles.pipeInput(utf8("u-1"), utf8(profile("u-1", "34", "\"d-1\"")), T0);
        fx.profiles.pipeInput(utf8("u-2"), utf8(profile("u-2", "18", "\"d-2\"")), T0);
        fx.messages.pipeInput(utf8("c-x"), utf8("{\"garbage\":"), T0);
        String[][] lines = {
                {"u-1", "slt asv ?"}, {"u-2", "j'ai 13 ans et toi"}, {"u-1", "t'es mature pour ton age"},
                {"u-1", "dis rien a tes parents, c'est notre secret"}, {"u-1", "ajoute moi sur snap"},
                {"u-1", "on se voit ce soir ? je viens te chercher"}};
        // when
        for (int i = 0; i < lines.length; i++) {
            Instant at = T0.plus(Duration.ofMinutes(i));
            String to = lines[i][0].equals("u-1") ? "u-2" : "u-1";
            String json = "{\"zz\":[1],\"type\":\"message\",\"messageId\":\"g-" + i + "\",\"conversationId\":\"c-g\","
                    + "\"senderId\":\"" + lines[i][0] + "\",\"recipientIds\":[\"" + to + "\"],\"sentAt\":\"" + at
                    + "\",\"text\":\"" + lines[i][1].replace("\"", "\\\"") + "\",\"future\":{\"a\":\"b\"}}";
            fx.messages.pipeInput(utf8("c-g"), utf8(json), at);
        }
        // then
        assertEquals(1, fx.dlq.readRecordsToList().size(), "only the garbage line");
        assertFalse(fx.alerts.isEmpty(), "the grooming pattern alerts despite unknown fields and the bad line");
    }

    static Stream<Arguments> garbageAges() {
        return Stream.of(arguments("\"abc\"", "\"abc\"", "invalid"),
                arguments("10^12", "1000000000000", "invalid"));
    }

    @ParameterizedTest(name = "declaredAge {0}")
    @MethodSource("garbageAges")
    void shouldNeverBelieveGarbageDeclaredAge(String name, String ageJson, String expectedReason) {
        // when
        byte[] bad = utf8(profile("u-7", ageJson, "null"));
        fx.profiles.pipeInput(utf8("u-7"), bad, T0);
        fx.profiles.pipeInput(utf8("u-8"), utf8(profile("u-8", "30", "null")), T0);
        // then: profiles are read by the global store's thread, which cannot forward to the DLQ; the record stays
        // in the operator's topic, is counted with its reason, and changes nothing
        assertEquals(1.0, fx.counter("moderation.dlq.records", "reason", expectedReason), "declaredAge " + name);
        assertNull(fx.<UserState>store(Stores.PROFILES).get("u-7"));
        assertNotNull(fx.<UserState>store(Stores.PROFILES).get("u-8"), "the next profile is still processed");
    }

    @Test
    void shouldNotMakeUserMinorFromNegativeDeclaredAge() {
        // when
        fx.profiles.pipeInput(utf8("u-7"), utf8(profile("u-7", "-5", "null")), T0);
        fx.profiles.pipeInput(utf8("u-8"), utf8(profile("u-8", "30", "null")), T0);
        // then: processed, but never believed
        UserState u7 = fx.<UserState>store(Stores.PROFILES).get("u-7");
        assertNotNull(u7);
        assertFalse(u7.likelyMinor(), "a negative age is not a minor's age");
        assertNotNull(fx.<UserState>store(Stores.PROFILES).get("u-8"), "the next profile is still processed");
    }

    @Test
    void shouldProcessNegativeDeclaredAgeWithoutStoppingTheStream() {
        // when
        fx.profiles.pipeInput(utf8("u-7"), utf8(profile("u-7", "-5", "null")), T0);
        fx.profiles.pipeInput(utf8("u-8"), utf8(profile("u-8", "30", "null")), T0);
        // then
        assertTrue(fx.dlq.isEmpty());
        assertEquals(0.0, fx.metrics.registry().find("moderation.dlq.records").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum());
        assertNotNull(fx.<UserState>store(Stores.PROFILES).get("u-7"));
        assertNotNull(fx.<UserState>store(Stores.PROFILES).get("u-8"), "the next profile is still processed");
    }

    private static String profile(String userId, String ageJson, String deviceJson) {
        return "{\"type\":\"profile\",\"userId\":\"" + userId + "\",\"declaredAge\":" + ageJson
                + ",\"gender\":\"M\",\"deviceId\":" + deviceJson + ",\"updatedAt\":\"" + T0 + "\",\"unknown\":1}";
    }

    private static String recipients(int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("\"u-").append(i).append('"');
        }
        return sb.append(']').toString();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
