package io.vigie.stream.topology;

import io.vigie.core.ModerationEngine;
import io.vigie.core.assess.UserFacts;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.Decision;
import io.vigie.core.contract.Profile;
import io.vigie.core.state.DeviceState;
import io.vigie.core.state.UserState;
import io.vigie.stream.config.ConfigLoader;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.serde.InputReader;
import io.vigie.stream.serde.Parsed;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each processor alone, on a {@link MockProcessorContext}: what it reads, what it writes to its stores and what it
 * forwards to which of its outputs, at which timestamp. The transitions themselves are the core's (tested there);
 * these tests pin the adapters around them.
 */
class ProcessorAdaptersTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z");
    private static final ModerationEngine ENGINE = ModerationEngine.defaults();

    private ModerationConfig config;
    private Wiring wiring;
    private MockProcessorContext<Object, Object> context;

    @BeforeEach
    void setUp() throws Exception {
        config = ConfigLoader.load(null, Map.of(), Map.of(ModerationConfig.DETECTED_AT_CLOCK,
                ModerationConfig.CLOCK_EVENT));
        wiring = Wiring.of(() -> ENGINE).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        context = new MockProcessorContext<>(new Properties());
        for (String s : List.of(Stores.CONVERSATIONS, Stores.CHAIN_CONVERSATIONS, Stores.SENDERS,
                Stores.CHAIN_SENDERS, Stores.DEVICES, Stores.CHAIN_DEVICES, Stores.ALERT_INDEX, Stores.USERS,
                Stores.PROFILES, Stores.USER_FACTS, Stores.DISMISSALS, Stores.BANNED_DEVICES)) {
            store(s, serdeOf(s));
        }
    }

    private static Serde<?> serdeOf(String store) {
        return switch (store) {
            case Stores.CONVERSATIONS -> Stores.CONVERSATION_SERDE;
            case Stores.SENDERS -> Stores.SENDER_SERDE;
            case Stores.DEVICES, Stores.BANNED_DEVICES -> Stores.DEVICE_SERDE;
            case Stores.ALERT_INDEX -> Stores.ALERT_REF_SERDE;
            case Stores.DISMISSALS -> Stores.DISMISSAL_SERDE;
            case Stores.USERS, Stores.PROFILES, Stores.USER_FACTS -> Stores.USER_SERDE;
            default -> Stores.CHAIN_SERDE;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void store(String name, Serde<?> serde) {
        KeyValueStore<String, Object> s = (KeyValueStore<String, Object>) Stores.keyValue(name, (Serde) serde, true,
                false).build();
        s.init(context.getStateStoreContext(), s);
        context.addStateStore(s);
    }

    private <V> KeyValueStore<String, V> store(String name) {
        return context.getStateStore(name);
    }

    private <K, V> List<Record<Object, Object>> forwardedTo(String processor, Output<K, V> output) {
        return context.forwarded(output.sinkOf(processor)).stream().map(f -> (Record<Object, Object>) f.record())
                .toList();
    }

    private static <K, V> void init(Processor<K, V, Object, Object> p, MockProcessorContext<Object, Object> c) {
        p.init(c);
    }

    private static ChatMessage msg(String id, String conv, String from, String to, Instant at, String text) {
        return ChatMessage.of(id, conv, from, List.of(to), at, text);
    }

    @Test
    void conversationAssessorWritesItsStateAndForwardsTheAlertItsActionsAndTheIndexAtProcessingTime() {
        ConversationAssessor p = new ConversationAssessor("c", config, wiring);
        init(p, context);
        // when
        p.process(new Record<>("c-1", msg("m-1", "c-1", "u-1", "u-2", T0,
                "envoie 100€ sinon j'envoie tes photos à tout le monde"), T0.toEpochMilli()));
        // then
        assertNotNull(store(Stores.CONVERSATIONS).get("c-1"));
        List<Record<Object, Object>> alerts = forwardedTo("c", Output.ALERTS);
        assertEquals(1, alerts.size());
        assertEquals(NOW.toEpochMilli(), alerts.get(0).timestamp(), "outputs carry the processing time");
        Alert alert = (Alert) alerts.get(0).value();
        assertEquals("c-1", alerts.get(0).key());
        assertNotNull(alert.hash(), "linked into the task's chain");
        assertEquals(1, forwardedTo("c", Output.ACTIONS).size(), "a sextortion threat is blocked in the same step");
        assertEquals(1, forwardedTo("c", Output.INDEX_EVENTS).size());
        assertTrue(forwardedTo("c", Output.SENDER_EVENTS).isEmpty(), "nothing in it for fan-out or bursts");
        assertTrue(forwardedTo("c", Output.DEVICE_EVENTS).isEmpty(), "no device, no ban");
    }

    @Test
    void conversationAssessorSendsTheMessageOnOnlyForALikelyMinorRecipientOrABannedDevice() {
        ConversationAssessor p = new ConversationAssessor("c", config, wiring);
        init(p, context);
        store(Stores.PROFILES).put("kid", UserState.unknown("kid").withProfile(
                new Profile("profile", "kid", 13, null, null, null, null, null, T0)));
        store(Stores.BANNED_DEVICES).put("d-9", DeviceState.empty("d-9"));
        // when
        p.process(new Record<>("c-1", msg("m-1", "c-1", "adult", "kid", T0, "salut"), T0.toEpochMilli()));
        ChatMessage onBanned = Fixture.withDevice(msg("m-2", "c-2", "other", "friend", T0, "salut"), "d-9");
        p.process(new Record<>("c-2", onBanned, T0.toEpochMilli()));
        // then
        List<Record<Object, Object>> senders = forwardedTo("c", Output.SENDER_EVENTS);
        assertEquals(1, senders.size());
        Events.SideEvent e = (Events.SideEvent) senders.get(0).value();
        assertEquals("adult", senders.get(0).key());
        assertEquals("", e.message().text(), "event topics hold no text");
        assertTrue(e.recipientsById().get("kid").likelyMinor(), "the recipient as the conversation knew them");
        List<Record<Object, Object>> devices = forwardedTo("c", Output.DEVICE_EVENTS);
        assertEquals(1, devices.size());
        assertEquals("d-9", devices.get(0).key());
    }

    @Test
    void senderAssessorKeepsStateOfRelevantMessagesAndForgetsAnErasedUser() {
        SenderAssessor p = new SenderAssessor("s", config, wiring);
        init(p, context);
        ChatMessage m = msg("m-1", "c-1", "adult", "kid", T0, "");
        UserState kid = UserState.unknown("kid").withStatedAge(13, T0);
        p.process(new Record<>("adult", new Events.SideEvent(Events.SideEventKind.MESSAGE, m, "adult", T0,
                UserState.unknown("adult"), List.of(kid)), 0));
        io.vigie.core.state.SenderState state = this.<io.vigie.core.state.SenderState>store(Stores.SENDERS)
                .get("adult");
        assertEquals(Map.of("kid", T0), state.minorContacts());
        p.process(new Record<>("adult", Events.SideEvent.of(Events.SideEventKind.ERASE, "adult", T0), 0));
        assertNull(store(Stores.SENDERS).get("adult"));
    }

    @Test
    void deviceAssessorPublishesABannedDeviceAndFlagsAnAccountCreatedAfterTheBan() {
        DeviceAssessor p = new DeviceAssessor("d", config, wiring);
        init(p, context);
        Instant ban = T0.plus(Duration.ofMinutes(10));
        // when a reviewer's ban reaches the device
        p.process(new Record<>("d-9", Events.SideEvent.of(Events.SideEventKind.BAN, "banned", ban), 0));
        // then the banned-devices table learns it
        List<Record<Object, Object>> table = forwardedTo("d", Output.BANNED_DEVICES);
        assertEquals(1, table.size());
        assertEquals(ban, ((DeviceState) table.get(0).value()).bannedAt());
        // when an account created after the ban writes from the device
        UserState pseudonym = UserState.unknown("new").withProfile(new Profile("profile", "new", 25, null, null,
                ban.plusSeconds(60), "d-9", null, ban.plusSeconds(60)));
        ChatMessage m = Fixture.withDevice(msg("m-1", "c-1", "new", "x", ban.plusSeconds(120), ""), "d-9");
        p.process(new Record<>("d-9", new Events.SideEvent(Events.SideEventKind.MESSAGE, m, "new",
                m.sentAt(), pseudonym, List.of()), 0));
        // then
        List<Record<Object, Object>> alerts = forwardedTo("d", Output.ALERTS);
        assertEquals(1, alerts.size());
        assertEquals(Alert.Kind.BAN_EVASION, ((Alert) alerts.get(0).value()).kind());
        assertEquals(1, forwardedTo("d", Output.ACTIONS).size());
    }

    @Test
    void decisionApplierConfirmsThroughTheIndexAndIgnoresUnknownAlerts() {
        DecisionApplier p = decisionApplier();
        indexAlert(p, "a-1", "u-1", T0);
        confirmWithBan(p, "a-1", T0.plusSeconds(60));
        confirmWithBan(p, "a-2", T0.plusSeconds(60));
        List<Record<Object, Object>> users = forwardedTo("i", Output.USER_EVENTS);
        assertEquals(1, users.size());
        assertEquals("u-1", users.get(0).key());
        assertTrue(((Events.UserEvent) users.get(0).value()).ban());
    }

    @Test
    void decisionApplierHonoursADecisionWithinTheReviewRetentionOfTheAlertsDetection() {
        // given the default review retention (90 days) and two alerts detected at T0
        DecisionApplier p = decisionApplier();
        indexAlert(p, "a-1", "u-1", T0);
        indexAlert(p, "a-2", "u-2", T0);
        // when one is decided a month later (longer than the 7-day state retention), the other after 91 days
        confirmWithBan(p, "a-1", T0.plus(Duration.ofDays(30)));
        confirmWithBan(p, "a-2", T0.plus(Duration.ofDays(91)));
        // then only the first counts
        List<Record<Object, Object>> users = forwardedTo("i", Output.USER_EVENTS);
        assertEquals(1, users.size());
        assertEquals("u-1", users.get(0).key());
    }

    private DecisionApplier decisionApplier() {
        DecisionApplier p = new DecisionApplier("i", config, wiring);
        init(p, context);
        context.setRecordMetadata("index-events", 0, 7);
        return p;
    }

    private static void indexAlert(DecisionApplier p, String alertId, String senderId, Instant detectedAt) {
        p.process(new Record<>(alertId, new Events.IndexEvent(new Events.AlertRef(alertId, "c-" + alertId, senderId,
                List.of("r"), List.of(), detectedAt), null), 0));
    }

    private static void confirmWithBan(DecisionApplier p, String alertId, Instant decidedAt) {
        p.process(new Record<>(alertId, new Events.IndexEvent(null, new Decision(alertId, "rev",
                Decision.Verdict.CONFIRMED, true, decidedAt, null)), 0));
    }

    @Test
    void userFactsKeeperPublishesWhatItLearnedAndSendsABanToEachDeviceOfTheUser() {
        UserFactsKeeper p = new UserFactsKeeper("u", config, wiring);
        init(p, context);
        store(Stores.PROFILES).put("u-1", UserState.unknown("u-1").withProfile(
                new Profile("profile", "u-1", 34, null, null, null, "d-1", "h-1", T0)));
        p.process(new Record<>("u-1", Events.UserEvent.learned(new UserFacts.Learned(null, 19, T0, 0, T0)), 0));
        p.process(new Record<>("u-1", Events.UserEvent.confirmed(true, T0.plusSeconds(60)), 0));
        List<Record<Object, Object>> facts = forwardedTo("u", Output.FACTS);
        assertEquals(2, facts.size());
        UserState last = (UserState) facts.get(1).value();
        assertEquals(19, last.statedAge());
        assertTrue(last.banned());
        assertEquals(List.of("d-1", "h-1"), forwardedTo("u", Output.DEVICE_EVENTS).stream().map(Record::key)
                .toList());
    }

    @Test
    void userFactsKeeperForgetsAnAdultAgeALaterSchoolHintWithdrew() {
        // given a user who typed "18" to get in
        UserFactsKeeper p = new UserFactsKeeper("u", config, wiring);
        init(p, context);
        p.process(new Record<>("u-1", Events.UserEvent.learned(new UserFacts.Learned(null, 18, T0, 0, T0)), 0));
        // when they later say they are in year 8 ("en vrai jsuis en 5e"): the age is withdrawn, a hint added
        p.process(new Record<>("u-1", Events.UserEvent.learned(new UserFacts.Learned(null, null, null, 1,
                T0.plusSeconds(60), true)), 0));
        // then the published facts say minor, not 18
        List<Record<Object, Object>> facts = forwardedTo("u", Output.FACTS);
        UserState last = (UserState) facts.get(facts.size() - 1).value();
        assertNull(last.statedAge());
        assertTrue(last.likelyMinor());
    }

    @Test
    void userEventsWrittenBeforeTheWithdrawalFlagStillRead() {
        // given a LEARNED event as an earlier version wrote it to the user-events topic (no statedAgeWithdrawn)
        String old = "{\"kind\":\"LEARNED\",\"snapshot\":null,\"statedAge\":14,\"statedAgeAt\":\"" + T0
                + "\",\"minorHintsAdded\":0,\"ban\":false,\"at\":\"" + T0 + "\"}";
        // when read with today's serde
        Events.UserEvent e = io.vigie.stream.serde.JsonSerde.of(Events.UserEvent.class).deserializer()
                .deserialize("t", old.getBytes(StandardCharsets.UTF_8));
        // then it withdraws nothing
        assertEquals(14, e.statedAge());
        assertFalse(e.statedAgeWithdrawn());
    }

    @Test
    void inputRouterDeadLettersWhatItCannotReadWithItsCoordinatesAndPassesTheRestOn() {
        InputRouter<ChatMessage> p = new InputRouter<>("r", "next", (k, m) -> null, wiring);
        p.init(context);
        context.setRecordMetadata("chat.messages", 2, 41);
        InputReader<ChatMessage> reader = InputReader.messages(1000, 100, 3);
        byte[] bad = "{oops".getBytes(StandardCharsets.UTF_8);
        p.process(new Record<>("c-1".getBytes(StandardCharsets.UTF_8), reader.read(bad), T0.toEpochMilli()));
        Parsed<ChatMessage> good = reader.read(("{\"messageId\":\"m\",\"conversationId\":\"c\",\"senderId\":\"u\","
                + "\"sentAt\":\"" + T0 + "\",\"text\":\"salut\"}").getBytes(StandardCharsets.UTF_8));
        p.process(new Record<>("c".getBytes(StandardCharsets.UTF_8), good, T0.toEpochMilli()));
        var dlq = context.forwarded(Output.DLQ.sinkOf("r"));
        assertEquals(1, dlq.size());
        assertEquals(NOW.toEpochMilli(), dlq.get(0).record().timestamp());
        assertEquals("41", new String(dlq.get(0).record().headers().lastHeader(InputRouter.H_OFFSET).value(),
                StandardCharsets.UTF_8));
        var next = context.forwarded("next");
        assertEquals(1, next.size());
        assertEquals("c", next.get(0).record().key());
        assertEquals(T0.toEpochMilli(), next.get(0).record().timestamp(), "the input's event time goes on");
    }

    /** Messages with a device. */
    private static final class Fixture {
        static ChatMessage withDevice(ChatMessage m, String device) {
            return new ChatMessage(m.type(), m.messageId(), m.conversationId(), m.roomId(), m.senderId(),
                    m.recipientIds(), m.sentAt(), m.text(), m.attachments(),
                    new io.vigie.core.contract.SenderSnapshot(null, null, null, null, device, null));
        }
    }
}
