package io.vigie.stream.it;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real app against a real broker, run once for the class: scripted grooming and ambush conversations are
 * flagged with the right categories and actions, benign chat is not, malformed records land in the DLQ byte for
 * byte with their reason, the live alerts are exactly those of the offline {@code replay} on the same input, and
 * the app's console never shows a message text or a user id (fault (f) of the reliability issue).
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationPipelineIT {

    private Conversations c;
    private List<Conversations.Line> wellFormed;
    private byte[] notJson;
    private byte[] noMessageId;
    private ItFixture f;
    private AppProcess app;
    private List<ItFixture.AlertView> alerts;
    private List<ItFixture.ActionView> actions;
    private List<ConsumerRecord<String, byte[]>> dlq;

    @BeforeAll
    void runTheAppOnScriptedConversations(KafkaBroker broker, @TempDir Path dir) {
        // given scripted conversations and two unreadable records on a fresh set of topics
        f = ItFixture.create(broker.bootstrapServers(), Map.of(), dir, "pipeline");
        c = new Conversations(f.prefix).grooming().ambush().benignTeens().benignAdults();
        wellFormed = c.lines();
        Workload w = Workload.of(List.of(c));
        notJson = ("slt " + c.id("adult") + " dis rien a tes parents").getBytes(StandardCharsets.UTF_8);
        noMessageId = ("{\"type\":\"message\",\"conversationId\":\"" + c.id("x") + "\",\"senderId\":\""
                + c.id("adult") + "\",\"sentAt\":\"2026-11-28T21:00:00Z\",\"text\":\"ajoute moi sur snap\"}")
                .getBytes(StandardCharsets.UTF_8);

        // when the app processes them as they come, and then the unreadable ones
        AppProcess.Settings settings = f.settings(ItFixture.EOS, Map.of());
        app = AppProcess.start(settings, dir, "app");
        f.producePaced(w, w.rounds(), true, settings.applicationId(), app);
        f.produce(List.of(c.raw(c.id("bad-1"), notJson), c.raw(c.id("bad-2"), noMessageId)));
        f.awaitCaughtUp(settings.applicationId(), Duration.ofSeconds(90), app);
        alerts = f.alerts();
        actions = f.actions();
        dlq = f.dlq();
    }

    @AfterAll
    void stopTheApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void shouldFlagGroomingOnTheAdultsMessagesAndActAgainstTheAdultOnly() {
        String adult = c.id("adult");
        List<ItFixture.AlertView> grooming = inConversation(c.id("groom"));
        assertTrue(grooming.stream().anyMatch(a -> a.categories().contains("CHILD_GROOMING")),
                "no CHILD_GROOMING alert: " + alerts);
        assertTrue(grooming.stream().allMatch(a -> a.senderId().equals(adult)), "an alert blamed the child: " + grooming);
        assertTrue(grooming.stream().map(ItFixture.AlertView::messageId)
                        .anyMatch(Set.of(c.id("g4"), c.id("g5"), c.id("g6"))::contains),
                "secrecy, the move to snap or the meeting should be flagged: " + grooming);
        assertTrue(actions.stream().anyMatch(a -> a.userId().equals(adult)), "no action on the adult: " + actions);
    }

    @Test
    void shouldFlagTheAmbushLureAsAmbushOrHomophobicHate() {
        List<ItFixture.AlertView> ambush = inConversation(c.id("ambush"));
        assertTrue(ambush.stream().anyMatch(a -> a.categories().contains("AMBUSH")
                || a.categories().contains("HATE_HOMOPHOBIC")), "ambush not flagged: " + alerts);
        assertTrue(ambush.stream().allMatch(a -> a.senderId().equals(c.id("lure"))),
                "an alert blamed the target: " + ambush);
    }

    @Test
    void shouldLeaveBenignTeenAndAdultChatAlone() {
        assertEquals(List.of(), inConversation(c.id("teens")));
        assertEquals(List.of(), inConversation(c.id("film")));
        Set<String> innocent = Set.of(c.id("lea"), c.id("tom"), c.id("ana"), c.id("marc"), c.id("teen"),
                c.id("target"));
        assertFalse(actions.stream().anyMatch(a -> innocent.contains(a.userId())),
                "action against an innocent user: " + actions);
    }

    @Test
    void shouldWriteEachAlertOnceAndExactlyTheAlertsOfTheOfflineReplay() {
        assertEquals(alerts.size(), alerts.stream().map(ItFixture.AlertView::alertId).distinct().count(),
                "duplicate alertId: " + alerts);
        assertEquals(ItFixture.categoriesByMessage(f.replay(wellFormed)), ItFixture.categoriesByMessage(alerts));
    }

    @Test
    void shouldDeadLetterUnreadableRecordsWithTheirOriginalBytesAndReason() {
        assertEquals(2, dlq.size(), "DLQ: " + dlq);
        assertArrayEquals(notJson, dlq.get(0).value());
        assertEquals(c.id("bad-1"), dlq.get(0).key());
        assertEquals("parse", ItKafka.header(dlq.get(0), "vigie.dlq.reason"));
        assertArrayEquals(noMessageId, dlq.get(1).value());
        assertEquals(c.id("bad-2"), dlq.get(1).key());
        assertEquals("invalid", ItKafka.header(dlq.get(1), "vigie.dlq.reason"));
    }

    @Test
    void shouldNeverLogMessageTextOrUserIds() {
        // the console holds every log line at INFO and above that an operator would ship to a log store
        String log = app.log();
        assertFalse(log.isBlank(), "the app logged nothing at all: the check would be empty");
        List<String> leaks = new ArrayList<>();
        for (Conversations.Line line : wellFormed) {
            var json = ItFixture.tree(line.value());
            String text = json.path("text").asText("");
            if (!text.isEmpty() && log.contains(text)) {
                leaks.add("text of " + json.path("messageId").asText());
            }
        }
        for (String user : List.of("adult", "teen", "lure", "target", "lea", "tom", "ana", "marc")) {
            if (log.contains(c.id(user))) {
                leaks.add("user id " + user);
            }
        }
        for (String fragment : List.of("dis rien a tes parents", "ajoute moi sur snap")) {
            if (log.toLowerCase(Locale.ROOT).contains(fragment)) {
                leaks.add("fragment of a malformed record: " + fragment);
            }
        }
        assertEquals(List.of(), leaks, "the log leaks chat content or identities");
    }

    private List<ItFixture.AlertView> inConversation(String conversationId) {
        return alerts.stream().filter(a -> a.conversationId().equals(conversationId))
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
