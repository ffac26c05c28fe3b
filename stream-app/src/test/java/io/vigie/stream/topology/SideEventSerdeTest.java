package io.vigie.stream.topology;

import io.vigie.core.contract.Attachment;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.SenderSnapshot;
import io.vigie.core.state.UserState;
import io.vigie.stream.serde.JsonSerde;
import io.vigie.stream.serde.SerdeAssertions;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sender and device repartition topics carry side events in binary: nothing of them may be lost. */
class SideEventSerdeTest {

    private static final Instant T = Instant.parse("2026-11-28T20:15:00.123456789Z");
    private final SideEventSerde serde = new SideEventSerde();

    @Test
    void shouldRoundTripAMessageEventWithEveryFieldSet() {
        ChatMessage m = new ChatMessage("message", "m-1", "c-1", "r-é", "u-1", List.of("u-2", "u-\uD83D\uDE00"), T,
                "", List.of(new Attachment("image", "ab".repeat(32), "cd".repeat(32), "image/jpeg"),
                new Attachment(null, null, null, null)),
                new SenderSnapshot(19, "M", "83000", T.minusSeconds(3600), "d-9", "h-3"));
        UserState sender = new UserState("u-1", 19, "M", "83000", T.minusSeconds(3600), "d-9", "h-3", 13, T, 2,
                true, 1, T);
        Events.SideEvent e = new Events.SideEvent(Events.SideEventKind.MESSAGE, m, "u-1", T, sender,
                List.of(UserState.unknown("u-2"), UserState.unknown("u-\uD83D\uDE00").withMinorHint(T)));
        assertEquals(e, serde.deserialize("t", serde.serialize("t", e)));
    }

    @Test
    void shouldRoundTripSparseMessagesAndErasures() {
        ChatMessage bare = new ChatMessage(null, "m-2", "room-1", null, "u-1", List.of(), T, "", List.of(),
                new SenderSnapshot(null, null, null, null, null, null));
        Events.SideEvent e = new Events.SideEvent(Events.SideEventKind.MESSAGE, bare, null, null, null,
                List.of());
        assertEquals(e, serde.deserialize("t", serde.serialize("t", e)));
        Events.SideEvent erase = Events.SideEvent.of(Events.SideEventKind.ERASE, "u-7", T);
        assertEquals(erase, serde.deserialize("t", serde.serialize("t", erase)));
    }

    @Test
    void shouldReadTheJsonEventsOfEarlierVersionsStillInTheRepartitionTopics() {
        ChatMessage m = ChatMessage.of("m-3", "c-3", "u-1", List.of("u-2"), T, "");
        Events.SideEvent e = new Events.SideEvent(Events.SideEventKind.MESSAGE, m, "u-1", T, null, List.of());
        byte[] json = JsonSerde.of(Events.SideEvent.class).serialize("t", e);
        assertEquals(e, serde.deserialize("t", json));
        assertTrue(serde.serialize("t", e).length < json.length / 2, "binary is less than half the JSON");
    }

    @Test
    void shouldRefuseTruncatedBytesAndUnknownKinds() {
        Events.SideEvent e = new Events.SideEvent(Events.SideEventKind.MESSAGE,
                ChatMessage.of("m-4", "c-4", "u-1", List.of("u-2"), T, ""), "u-1", T, UserState.unknown("u-1"),
                List.of(UserState.unknown("u-2")));
        SerdeAssertions.assertEveryTruncationRefused(serde, e);
        byte[] good = serde.serialize("t", e);
        byte[] badKind = good.clone();
        badKind[1] = 9;
        assertThrows(SerializationException.class, () -> serde.deserialize("t", badKind));
    }
}
