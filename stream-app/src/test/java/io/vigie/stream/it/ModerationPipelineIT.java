package io.vigie.stream.it;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real app against a real broker: scripted grooming and ambush conversations are flagged with the right
 * categories and actions, benign chat is not, malformed records land in the DLQ byte for byte with their reason,
 * and the live alerts are exactly those of the offline {@code replay} on the same input.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ModerationPipelineIT {

    @Test
    void shouldFlagGroomingAndAmbushLeaveBenignChatAloneAndDeadLetterBadRecords(KafkaBroker broker,
                                                                               @TempDir Path dir) {
        // given scripted conversations and two unreadable records on a fresh set of topics
        ItFixture f = ItFixture.create(broker.bootstrapServers(), Map.of(), dir, "pipeline");
        Conversations c = new Conversations(f.prefix).grooming().ambush().benignTeens().benignAdults();
        List<Conversations.Line> wellFormed = c.lines();
        byte[] notJson = "{\"messageId\": \"m-broken\", \"text\": \"slt".getBytes(StandardCharsets.UTF_8);
        byte[] noMessageId = ("{\"type\":\"message\",\"conversationId\":\"" + c.id("x")
                + "\",\"senderId\":\"" + c.id("u") + "\",\"sentAt\":\"2026-11-28T21:00:00Z\",\"text\":\"hello\"}")
                .getBytes(StandardCharsets.UTF_8);
        c.raw(c.id("bad-1"), notJson);
        c.raw(c.id("bad-2"), noMessageId);
        f.produce(c.lines());

        // when the app processes them
        AppProcess.Settings settings = f.settings(ItFixture.EOS, Map.of());
        try (AppProcess app = AppProcess.start(settings, dir, "app")) {
            f.awaitCaughtUp(settings.applicationId(), Duration.ofSeconds(90), app);
            List<ItFixture.AlertView> alerts = f.alerts();
            List<ItFixture.ActionView> actions = f.actions();
            List<ConsumerRecord<String, byte[]>> dlq = f.dlq();

            // then grooming is flagged, on the adult's messages, with an action against the adult only
            String adult = c.id("adult");
            List<ItFixture.AlertView> grooming = inConversation(alerts, c.id("groom"));
            assertTrue(grooming.stream().anyMatch(a -> a.categories().contains("CHILD_GROOMING")),
                    "no CHILD_GROOMING alert: " + alerts);
            assertTrue(grooming.stream().allMatch(a -> a.senderId().equals(adult)),
                    "an alert blamed the child: " + grooming);
            assertTrue(grooming.stream().map(ItFixture.AlertView::messageId)
                            .anyMatch(Set.of(c.id("g4"), c.id("g5"), c.id("g6"))::contains),
                    "secrecy, the move to snap or the meeting should be flagged: " + grooming);
            assertTrue(actions.stream().anyMatch(a -> a.userId().equals(adult)), "no action on the adult: " + actions);

            // and the ambush is flagged as an ambush or as homophobic hate, on the lure's messages
            List<ItFixture.AlertView> ambush = inConversation(alerts, c.id("ambush"));
            assertTrue(ambush.stream().anyMatch(a -> a.categories().contains("AMBUSH")
                    || a.categories().contains("HATE_HOMOPHOBIC")), "ambush not flagged: " + alerts);
            assertTrue(ambush.stream().allMatch(a -> a.senderId().equals(c.id("lure"))),
                    "an alert blamed the target: " + ambush);

            // and benign chat, teen or adult, gets no alert and no action
            assertEquals(List.of(), inConversation(alerts, c.id("teens")));
            assertEquals(List.of(), inConversation(alerts, c.id("film")));
            Set<String> innocent = Set.of(c.id("lea"), c.id("tom"), c.id("ana"), c.id("marc"), c.id("teen"),
                    c.id("target"));
            assertFalse(actions.stream().anyMatch(a -> innocent.contains(a.userId())),
                    "action against an innocent user: " + actions);

            // and every alert is written once
            assertEquals(alerts.size(), alerts.stream().map(ItFixture.AlertView::alertId).distinct().count(),
                    "duplicate alertId: " + alerts);

            // and both unreadable records are in the DLQ with their original bytes and a reason
            assertEquals(2, dlq.size(), "DLQ: " + dlq);
            assertArrayEquals(notJson, dlq.get(0).value());
            assertEquals(c.id("bad-1"), dlq.get(0).key());
            assertEquals("parse", ItKafka.header(dlq.get(0), "vigie.dlq.reason"));
            assertArrayEquals(noMessageId, dlq.get(1).value());
            assertEquals("invalid", ItKafka.header(dlq.get(1), "vigie.dlq.reason"));

            // and the live alerts are exactly those of the offline replay of the same input
            assertEquals(ItFixture.categoriesByMessage(f.replay(wellFormed)),
                    ItFixture.categoriesByMessage(alerts));
        }
    }

    static List<ItFixture.AlertView> inConversation(List<ItFixture.AlertView> alerts, String conversationId) {
        return alerts.stream().filter(a -> a.conversationId().equals(conversationId))
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
