package io.vigie.stream.serde;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.state.ConversationState;
import io.vigie.core.state.DeviceState;
import io.vigie.core.state.RecentMessage;
import io.vigie.core.state.SenderState;
import io.vigie.core.contract.Severity;
import io.vigie.core.contract.Stage;
import io.vigie.core.state.UserState;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompactSerdeTest {

    private static final Instant T = Instant.parse("2026-11-28T20:15:00.123456789Z");

    @Test
    void shouldEncodeStringsInPlaceToExactlyTheBytesOfGetBytesEvenWithUnpairedSurrogates() {
        // the in-place encoder must write what String.getBytes(UTF_8) wrote before it, or stored values change
        Random random = new Random(11);
        char[] pool = {'a', 'Z', '0', ' ', '\'', '\u007f', '\u0080', 'é', '\u00ff', '\u0100', '\u07ff', '\u0800',
                'ё', '\u200b', '\uffff', '\ufffd', '\uD83D', '\uDE00', '\uD800', '\uDFFF'};
        for (int round = 0; round < 5_000; round++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = random.nextInt(3) == 0 ? pool[random.nextInt(pool.length)] : (char) random.nextInt(0x10000);
            }
            String s = new String(chars);
            CompactSerde.Writer out = new CompactSerde.Writer();
            out.writeUtf8(s);
            byte[] written = out.toByteArray();
            byte[] expected = s.getBytes(StandardCharsets.UTF_8);
            assertEquals(expected.length, (written[0] & 0xff) << 24 | (written[1] & 0xff) << 16
                    | (written[2] & 0xff) << 8 | written[3] & 0xff, s);
            assertArrayEquals(expected, Arrays.copyOfRange(written, 4, written.length), s);
        }
    }

    @Test
    void shouldWriteLargeValuesOneAfterAnotherThroughTheReusedBuffer() {
        CompactSerde<SenderState> serde = CompactSerde.senders();
        SenderState big = new SenderState("u-1" + "é".repeat(800_000), Map.of(), List.of(), List.of(), null, 0,
                null, 0, null);
        SenderState small = SenderState.empty("u-2");
        assertEquals(big, serde.deserialize("t", serde.serialize("t", big)));
        byte[] smallBytes = serde.serialize("t", small);
        assertEquals(small, serde.deserialize("t", smallBytes));
        assertEquals(smallBytes.length, serde.serialize("t", small).length, "nothing of the big value left over");
    }

    @Test
    void shouldRoundTripSenderStateWithEveryFieldSetOrEmpty() {
        CompactSerde<SenderState> serde = CompactSerde.senders();
        SenderState full = new SenderState("u-1é", Map.of("u-2", T, "u-\uD83D\uDE00", Instant.EPOCH),
                List.of(T, T.plusSeconds(1)), List.of("u-2", "u-3"), T, 3, T.minusMillis(5), 2, Instant.ofEpochSecond(-7));
        assertEquals(full, serde.deserialize("t", serde.serialize("t", full)));
        SenderState empty = SenderState.empty("u-9");
        assertEquals(empty, serde.deserialize("t", serde.serialize("t", empty)));
    }

    @Test
    void shouldRoundTripDeviceState() {
        CompactSerde<DeviceState> serde = CompactSerde.devices();
        DeviceState d = new DeviceState("d-9", Map.of("u-1", T), List.of("u-1"), List.of("u-5", "u-6"), T);
        assertEquals(d, serde.deserialize("t", serde.serialize("t", d)));
        assertEquals(DeviceState.empty("d-1"), serde.deserialize("t", serde.serialize("t", DeviceState.empty("d-1"))));
    }

    @Test
    void shouldRoundTripConversationStateWithEveryFieldSetOrEmpty() {
        CompactSerde<ConversationState> serde = CompactSerde.conversations();
        ConversationState full = new ConversationState("c-1é", List.of("u-1", "u-\uD83D\uDE00"), 12, 91.25, T,
                List.of(Stage.AGE_CHECK, Stage.SECRECY), Map.of(Category.CHILD_GROOMING, Severity.HIGH,
                Category.OFF_PLATFORM, Severity.MEDIUM),
                List.of(new Alert.Signal("grooming.secrecy", Category.CHILD_GROOMING, 25, "dis rien", 14, 22),
                        new Alert.Signal(null, null, 0, null, -1, -1)),
                List.of("off_platform.app"), T.plusSeconds(60), 2,
                Map.of("u-2", new Alert.PersonAge("u-2", 18, 13, true), "u-3", new Alert.PersonAge("u-3", null,
                        null, false)),
                List.of(new RecentMessage(9, "m-9", "u-2", T.minusSeconds(30),
                                List.of(new RecentMessage.CueMark("age.stated", 6, 11, "en 5e"),
                                        new RecentMessage.CueMark("contact.app", -1, -1, null)),
                                "jsuis en 5e \uD83D\uDE00", List.of(new Alert.Signal("grooming.age", Category.CHILD_GROOMING,
                                5, "en 5e", 6, 11, "m-9"))),
                        new RecentMessage(11, "m-11", "u-1", T, List.of(new RecentMessage.CueMark("money.demand", 0, 4,
                                "paie")), null, List.of())),
                T.plusSeconds(3600), -7, -3.25f, java.util.Set.of(Category.THREAT, Category.HATE_HOMOPHOBIC),
                "m-8");
        assertEquals(full, serde.deserialize("t", serde.serialize("t", full)));
        ConversationState empty = ConversationState.empty("c-2");
        assertEquals(empty, serde.deserialize("t", serde.serialize("t", empty)));
        byte[] json = JsonSerde.of(ConversationState.class).serialize("t", full);
        assertEquals(full, serde.deserialize("t", json), "changelogs written as JSON still restore");
        byte[] bin = serde.serialize("t", full);
        assertTrue(bin.length < json.length, bin.length + " vs " + json.length);
        SerdeAssertions.assertEveryTruncationRefused(serde, full);
    }

    @Test
    void shouldStillReadConversationsWrittenInEarlierBinaryVersions() {
        // given a V1 value as the first binary release wrote it: the V4 value without the fields added since
        ConversationState v1 = new ConversationState("c-1", List.of("u-1", "u-2"), 3, 10.5, T, List.of(Stage.TRUST),
                Map.of(Category.CHILD_GROOMING, Severity.MEDIUM),
                List.of(new Alert.Signal("grooming.trust", Category.CHILD_GROOMING, 5, "t'es mature", 0, 11)),
                List.of(), T, 0, Map.of(), List.of(), null, 0);
        CompactSerde<ConversationState> serde = CompactSerde.conversations();
        byte[] v4 = serde.serialize("t", v1);
        assertEquals(CompactSerde.V4, v4[0]);
        // V4 appends the held alert (no category: 0, no message id: -1) to V3
        byte[] v3 = java.util.Arrays.copyOf(v4, v4.length - 8);
        v3[0] = CompactSerde.V3;
        // V3 appends the context sum (4 bytes) to V2, which appended, after the V1 fields: one nullable message id
        // per evidence signal (-1), an empty window (0), no decision time (false) and the language score (0)
        byte[] v2 = java.util.Arrays.copyOf(v3, v3.length - 4);
        v2[0] = CompactSerde.V2;
        int appended = 4 + 4 + 1 + 4;
        byte[] old = java.util.Arrays.copyOf(v2, v2.length - appended);
        old[0] = CompactSerde.V1;
        // when, then
        assertEquals(v1, serde.deserialize("t", v3));
        assertEquals(v1, serde.deserialize("t", v2));
        assertEquals(v1, serde.deserialize("t", old));
        old[0] = 5;
        assertThrows(org.apache.kafka.common.errors.SerializationException.class, () -> serde.deserialize("t", old),
                "a version from the future is refused, never read as an empty state");
    }

    @Test
    void shouldRoundTripUserStateWithEveryFieldSetOrAbsent() {
        CompactSerde<UserState> serde = CompactSerde.users();
        UserState full = new UserState("u-1", 18, "F", "59760", T.minusSeconds(86_400), "d-4", "h-7", 13, T, 2,
                true, 3, T.plusSeconds(5));
        assertEquals(full, serde.deserialize("t", serde.serialize("t", full)));
        UserState unknown = UserState.unknown("u-\uD83D\uDE00");
        assertEquals(unknown, serde.deserialize("t", serde.serialize("t", unknown)));
        byte[] json = JsonSerde.of(UserState.class).serialize("t", full);
        assertEquals(full, serde.deserialize("t", json), "facts written as JSON by earlier versions still read");
        SerdeAssertions.assertEveryTruncationRefused(serde, full);
    }

    @Test
    void shouldReadTheJsonThatStoresHeldBeforeSoChangelogsStillRestore() {
        SenderState s = new SenderState("u-1", Map.of("u-2", T), List.of(T), List.of("u-2"), null, 1, T, 0, null);
        byte[] json = JsonSerde.of(SenderState.class).serialize("t", s);
        assertEquals(s, CompactSerde.senders().deserialize("t", json));
        assertTrue(CompactSerde.senders().serialize("t", s).length < json.length, "binary is smaller");
    }

    @Test
    void shouldRejectUnknownVersionsAndTruncatedBytesAndMapNullToNull() {
        CompactSerde<SenderState> serde = CompactSerde.senders();
        byte[] good = serde.serialize("t", SenderState.empty("u-1"));
        byte[] future = good.clone();
        future[0] = 2;
        assertThrows(SerializationException.class, () -> serde.deserialize("t", future));
        assertThrows(SerializationException.class,
                () -> serde.deserialize("t", java.util.Arrays.copyOf(good, good.length - 3)));
        assertThrows(SerializationException.class, () -> serde.deserialize("t", new byte[0]));
        assertNull(serde.deserialize("t", null));
        assertNull(serde.serialize("t", null));
    }
}
