package io.vigie.load.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.vigie.core.contract.ChatMessage;
import io.vigie.stream.sim.SimJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedPoolTest {

    @Test
    void shouldSpliceAUniqueMessageIdAndTheSendTimeIntoValidContractJson() throws Exception {
        // given
        FeedPool pool = new FeedPool(200, 0.1, 1);

        // when
        byte[] json = pool.value(17, 123_456, Instant.parse("2026-11-29T06:00:00.250Z").toEpochMilli());

        // then
        ChatMessage message = SimJson.mapper().readerFor(ChatMessage.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        assertEquals("b123456", message.messageId());
        assertEquals(Instant.parse("2026-11-29T06:00:00.250Z"), message.sentAt());
        assertEquals(new String(pool.key(17), StandardCharsets.UTF_8), message.conversationId());
        assertEquals(123_456, FeedPool.sequenceOf(json));
        assertFalse(pool.profiles().isEmpty());
    }

    @Test
    void shouldFindTheSequenceInAnActionAndIgnoreForeignIds() {
        byte[] action = "{\"userId\":\"u-1\",\"action\":\"HOLD\",\"messageId\":\"b42\",\"until\":null}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] foreign = "{\"messageId\":\"m-42\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(42, FeedPool.sequenceOf(action));
        assertEquals(-1, FeedPool.sequenceOf(foreign));
        assertEquals(-1, FeedPool.sequenceOf("{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, FeedPool.sequenceOf(null));
    }

    @Test
    void shouldReadTheCategoriesOfAnAlert() {
        byte[] alert = "{\"severity\":\"HIGH\",\"categories\":[\"CHILD_GROOMING\",\"OFF_PLATFORM\"],\"score\":80}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(java.util.List.of("CHILD_GROOMING", "OFF_PLATFORM"), LoadRun.categories(alert));
        assertTrue(LoadRun.categories("{}".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }
}
