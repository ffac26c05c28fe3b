package io.vigie.stream.hostile;

import io.vigie.core.contract.ChatMessage;
import io.vigie.stream.serde.DlqReason;
import io.vigie.stream.serde.InputReader;
import io.vigie.stream.serde.Parsed;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For any mutation of a valid chat message line (a field dropped, a value of the wrong type, the bytes cut or
 * random bytes inserted), the reader with the default limits never throws and returns either a message whose
 * required fields are present, or a DLQ reason with the exact original bytes.
 */
class InputReaderMutationPropertiesTest {

    private static final String VALID = "{\"type\":\"message\",\"messageId\":\"m-1\",\"conversationId\":\"c-1\","
            + "\"roomId\":\"r-1\",\"senderId\":\"u-1\",\"recipientIds\":[\"u-2\"],\"sentAt\":\"2026-11-28T20:00:00Z\","
            + "\"text\":\"salut ça va\",\"attachments\":[],\"sender\":{\"deviceId\":\"d-1\"}}";
    private static final List<String> FIELDS = List.of("type", "messageId", "conversationId", "roomId", "senderId",
            "recipientIds", "sentAt", "text", "attachments", "sender");
    private static final List<String> WRONG_VALUES = List.of("12", "-1e309", "true", "null", "{}", "[]", "[[[]]]",
            "\"\"", "\" \"", "\"\\ud800\"", "\"x\"", "[1,2]", "{\"a\":{}}", "123456789012345678901234567890");

    private final InputReader<ChatMessage> reader = InputReader.messages(65_536, 16_384, 1_000);

    @Provide
    Arbitrary<UnaryOperator<String>> textMutation() {
        Arbitrary<UnaryOperator<String>> drop = Arbitraries.of(FIELDS).map(f -> s -> s.replaceFirst(
                "\"" + f + "\":(\"[^\"]*\"|\\[[^\\]]*\\]|\\{[^}]*\\}),?", ""));
        Arbitrary<UnaryOperator<String>> retype = Arbitraries.of(FIELDS).flatMap(f -> Arbitraries.of(WRONG_VALUES)
                .map(v -> s -> s.replaceFirst("\"" + f + "\":(\"[^\"]*\"|\\[[^\\]]*\\]|\\{[^}]*\\})",
                        "\"" + f + "\":" + java.util.regex.Matcher.quoteReplacement(v))));
        return Arbitraries.oneOf(drop, retype);
    }

    @Property(tries = 500)
    void shouldReadAnyFieldMutationWithoutThrowing(@ForAll("textMutation") UnaryOperator<String> m1,
                                                   @ForAll("textMutation") UnaryOperator<String> m2) {
        byte[] data = m2.apply(m1.apply(VALID)).getBytes(StandardCharsets.UTF_8);
        assertReadSafely(data);
    }

    @Property(tries = 500)
    void shouldReadAnyTruncationOrByteInsertionWithoutThrowing(@ForAll("byteMutation") byte[] data) {
        assertReadSafely(data);
    }

    @Provide
    Arbitrary<byte[]> byteMutation() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        Arbitrary<byte[]> cut = Arbitraries.integers().between(0, valid.length).map(n -> Arrays.copyOf(valid, n));
        Arbitrary<byte[]> insert = Arbitraries.integers().between(0, valid.length).flatMap(at ->
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8).map(junk -> {
                    byte[] out = new byte[valid.length + junk.length];
                    System.arraycopy(valid, 0, out, 0, at);
                    System.arraycopy(junk, 0, out, at, junk.length);
                    System.arraycopy(valid, at, out, at + junk.length, valid.length - at);
                    return out;
                }));
        Arbitrary<byte[]> overwrite = Arbitraries.integers().between(0, valid.length - 1).flatMap(at ->
                Arbitraries.bytes().map(b -> {
                    byte[] out = valid.clone();
                    out[at] = b;
                    return out;
                }));
        return Arbitraries.oneOf(cut, insert, overwrite);
    }

    @net.jqwik.api.Example
    void shouldKeepMessageTextOutOfTheDlqDetail() {
        // given: an unquoted word where the text should be (the detail goes to a header and a WARN log)
        byte[] data = VALID.replace("\"salut ça va\"", "rendezvousderriereleparking").getBytes(StandardCharsets.UTF_8);
        // when
        Parsed<ChatMessage> p = reader.read(data);
        // then
        assertTrue(!p.isOk());
        assertTrue(!p.detail().contains("rendezvous"), "detail leaks text: " + p.detail());
    }

    private void assertReadSafely(byte[] data) {
        Parsed<ChatMessage> p = reader.read(data);
        assertNotNull(p);
        assertArrayEquals(data, p.raw(), "original bytes kept");
        if (p.isOk()) {
            ChatMessage m = p.value();
            assertTrue(!m.messageId().isBlank() && !m.conversationId().isBlank() && !m.senderId().isBlank());
            assertNotNull(m.sentAt());
            assertNotNull(m.text());
            assertNotNull(m.recipientIds());
        } else {
            assertTrue(List.of(DlqReason.values()).contains(p.reason()));
            assertTrue(p.detail() == null || p.detail().indexOf('\n') < 0, "one-line detail: " + p.detail());
        }
    }
}
