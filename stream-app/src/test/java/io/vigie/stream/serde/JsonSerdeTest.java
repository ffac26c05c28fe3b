package io.vigie.stream.serde;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Attachment;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.state.ConversationState;
import io.vigie.core.contract.Decision;
import io.vigie.core.state.DeviceState;
import io.vigie.core.contract.Profile;
import io.vigie.core.contract.SenderSnapshot;
import io.vigie.core.state.SenderState;
import io.vigie.core.contract.Severity;
import io.vigie.core.contract.Stage;
import io.vigie.core.state.UserState;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every record that crosses a topic or sits in a store survives a JSON round trip unchanged. */
class JsonSerdeTest {

    private static final Instant T = Instant.parse("2026-11-28T20:15:00Z");

    private static <T> T roundTrip(T value, Class<T> type) {
        JsonSerde<T> serde = JsonSerde.of(type);
        return serde.deserialize("t", serde.serialize("t", value));
    }

    @Test
    void shouldReadInstantsInEveryShapeAsTheStandardParserDoes() throws Exception {
        for (String s : List.of("2026-11-28T20:15:00Z", "2026-11-28T20:15:00.1Z", "2026-11-28T20:15:00.001Z",
                "2026-11-28T20:15:00.123456789Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
                "2024-02-29T12:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z")) {
            assertEquals(Instant.parse(s), Json.MAPPER.readValue("\"" + s + "\"", Instant.class), s);
        }
        // other shapes still go through the standard parser
        assertEquals(Instant.parse("2026-11-28T19:15:00Z"),
                Json.MAPPER.readValue("\"2026-11-28T20:15:00+01:00\"", Instant.class));
        assertEquals(Instant.ofEpochMilli(1_700_000_000_123L),
                Json.MAPPER.readValue("1700000000.123", Instant.class));
        for (String bad : List.of("2026-02-30T20:15:00Z", "2026-11-28T24:15:00Z",
                "2026-11-28 20:15:00Z", "yesterday")) {
            assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                    () -> Json.MAPPER.readValue("\"" + bad + "\"", Instant.class), bad);
        }
    }

    @Test
    void shouldWriteInstantsExactlyAsInstantToString() throws Exception {
        java.util.Random random = new java.util.Random(11);
        List<Instant> instants = new java.util.ArrayList<>(List.of(Instant.EPOCH, T, Instant.ofEpochSecond(-1),
                Instant.ofEpochSecond(0, 1), Instant.ofEpochSecond(0, 1_000), Instant.ofEpochSecond(0, 1_000_000),
                Instant.ofEpochSecond(0, 120_000_000), Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN, Instant.MAX));
        for (int i = 0; i < 10_000; i++) {
            long seconds = random.nextLong() % 400_000_000_000L;
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }
        for (Instant t : instants) {
            assertEquals("\"" + t + "\"", Json.MAPPER.writeValueAsString(t), t::toString);
        }
    }

    @Test
    void shouldRoundTripConversationState() {
        ConversationState s = new ConversationState("c-1", List.of("u-1", "u-2"), 12, 61.5, T,
                List.of(Stage.TRUST, Stage.SECRECY), Map.of(Category.CHILD_GROOMING, Severity.HIGH),
                List.of(new Alert.Signal("grooming.secrecy", Category.CHILD_GROOMING, 25, "dis rien", 3, 11)),
                List.of("offplatform.snap"), T, 2, Map.of("u-2", new Alert.PersonAge("u-2", 18, 13, true)),
                List.of(new io.vigie.core.state.RecentMessage(4, "m-4", "u-2", T, List.of(), "jsuis en 5e",
                        List.of())), T, 3);
        assertEquals(s, roundTrip(s, ConversationState.class));
    }

    @Test
    void shouldRoundTripUserSenderAndDeviceStates() {
        UserState u = new UserState("u-2", 18, "F", "59760", T, "d-4", "h-7", 13, T, 2, true, 1, T);
        assertEquals(u, roundTrip(u, UserState.class));
        SenderState s = new SenderState("u-1", Map.of("u-2", T), List.of(T), List.of("u-2", "u-3"), T, 3, T);
        assertEquals(s, roundTrip(s, SenderState.class));
        DeviceState d = new DeviceState("d-9", Map.of("u-1", T), List.of("u-1"), List.of("u-5"), T);
        assertEquals(d, roundTrip(d, DeviceState.class));
    }

    @Test
    void shouldRoundTripAlertActionDecisionProfileAndMessage() {
        Alert a = new Alert("a-1", "m-7", "c-1", "u-1", List.of("u-2"), T, T, Severity.HIGH, Action.HOLD, 82,
                List.of(Category.CHILD_GROOMING),
                List.of(new Alert.Signal("grooming.secrecy", Category.CHILD_GROOMING, 25, "dis rien", 14, 22)),
                new Alert.AgeInfo(new Alert.PersonAge(null, 34, null, false),
                        List.of(new Alert.PersonAge("u-2", 18, 13, true))),
                new Alert.ConversationInfo(12, 91, List.of(Stage.TRUST)), "pack@abc", "text", Alert.Kind.MESSAGE,
                List.of(), List.of(new Alert.ContextMessage("m-6", "u-2", T, "jsuis en 5e",
                        List.of(new Alert.Signal("age.stated", null, 0, "en 5e", 6, 11, "m-6")))), null, null, null, "p", "h");
        assertEquals(a, roundTrip(a, Alert.class));
        ActionCommand c = new ActionCommand("u-1", Action.HOLD, "a-1", "m-7", null, "grooming",
                new ActionCommand.StatementOfReasons(true, List.of(Category.CHILD_GROOMING), List.of("r"),
                        List.of("fact"), "appeal"));
        assertEquals(c, roundTrip(c, ActionCommand.class));
        Decision d = new Decision("a-1", "r-1", Decision.Verdict.CONFIRMED, true, T, "note");
        assertEquals(d, roundTrip(d, Decision.class));
        Profile p = new Profile("profile", "u-2", 18, "F", "59760", T, "d-4", "h-7", T);
        assertEquals(p, roundTrip(p, Profile.class));
        ChatMessage m = new ChatMessage("message", "m-1", "c-1", null, "u-1", List.of("u-2"), T, "slt",
                List.of(new Attachment("image", "ab", "cd", "image/jpeg")),
                new SenderSnapshot(19, "M", "83000", T, "d-9", "h-3"));
        assertEquals(m, roundTrip(m, ChatMessage.class));
    }

    @Test
    void shouldWriteInstantsAsIsoStrings() {
        byte[] json = JsonSerde.of(Decision.class).serialize("t",
                new Decision("a-1", "r", Decision.Verdict.DISMISSED, false, T, null));
        assertTrue(new String(json, StandardCharsets.UTF_8).contains("\"decidedAt\":\"2026-11-28T20:15:00Z\""));
    }

    @Test
    void shouldIgnoreUnknownFieldsAndMapTombstonesToNull() {
        Decision d = JsonSerde.of(Decision.class).deserialize("t", ("{\"alertId\":\"a-1\",\"verdict\":\"CONFIRMED\","
                + "\"ban\":false,\"futureField\":{\"x\":1}}").getBytes(StandardCharsets.UTF_8));
        assertEquals("a-1", d.alertId());
        assertNull(JsonSerde.of(Decision.class).deserialize("t", null));
        assertNull(JsonSerde.of(Decision.class).serialize("t", null));
    }

    @Test
    void shouldReadVerdictsInAnyCase() {
        Decision d = JsonSerde.of(Decision.class).deserialize("t",
                "{\"alertId\":\"a-1\",\"verdict\":\"dismissed\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Decision.Verdict.DISMISSED, d.verdict());
    }

    @Test
    void shouldReadContractMessageExampleWithUnknownFields() {
        String json = "{\"type\":\"message\",\"messageId\":\"m-1\",\"conversationId\":\"c-1\",\"roomId\":null,"
                + "\"senderId\":\"u-1\",\"recipientIds\":[\"u-2\"],\"sentAt\":\"2026-11-28T20:15:00Z\","
                + "\"text\":\"slt asv ?\",\"extra\":42,\"sender\":{\"declaredAge\":19,\"gender\":\"M\","
                + "\"postalCode\":\"83000\",\"accountCreatedAt\":\"2026-11-28T20:00:00Z\",\"deviceId\":\"d-9\","
                + "\"ipHash\":\"h-3\"}}";
        Parsed<ChatMessage> p = InputReader.messages(65536, 10000, 100).read(json.getBytes(StandardCharsets.UTF_8));
        assertTrue(p.isOk(), () -> p.detail());
        assertEquals(19, p.value().sender().declaredAge());
    }

    @Test
    void shouldClassifyUnreadableInput() {
        InputReader<ChatMessage> r = InputReader.messages(200, 10, 2);
        assertEquals(DlqReason.PARSE, r.read("nope".getBytes(StandardCharsets.UTF_8)).reason());
        assertEquals(DlqReason.INVALID, r.read("{\"messageId\":\"m\"}".getBytes(StandardCharsets.UTF_8)).reason());
        assertEquals(DlqReason.INVALID, r.read("null".getBytes(StandardCharsets.UTF_8)).reason());
        assertEquals(DlqReason.TOO_LARGE, r.read(new byte[201]).reason());
    }
}
