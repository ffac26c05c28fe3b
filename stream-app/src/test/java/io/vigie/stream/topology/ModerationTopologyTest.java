package io.vigie.stream.topology;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.state.ConversationState;
import io.vigie.core.state.DeviceState;
import io.vigie.core.state.SenderState;
import io.vigie.core.contract.Severity;
import io.vigie.core.state.UserState;
import io.vigie.stream.config.ConfigLoader;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.core.ModerationEngine;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.vigie.stream.topology.TopologyFixture.bytes;
import static io.vigie.stream.topology.TopologyFixture.msg;
import static io.vigie.stream.topology.TopologyFixture.profileJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every branch of the topology with the real default engine, explicit event-time instants on every record.
 * Conversations are synthetic and non-explicit: age questions, secrecy, moving off-platform, meeting pressure.
 */
class ModerationTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z");
    private static final String ADULT_DEVICE = "d-1";

    private TopologyFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new TopologyFixture(Map.of(ModerationConfig.STATE_RETENTION_MS, "86400000",
                ModerationConfig.STATE_BAN_RETENTION_MS, "604800000"), ModerationEngine::defaults);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private void send(String id, String conv, String from, String to, int minute, String text) {
        fx.message(msg(id, conv, from, List.of(to), at(minute), text), at(minute));
    }

    /** An adult (34, device d-1) grooming a user who declared 18 but states 13 in chat. */
    private void groomingConversation(String conv, String adult, String child, int startMinute) {
        send(conv + "-1", conv, adult, child, startMinute, "slt asv ?");
        send(conv + "-2", conv, child, adult, startMinute + 1, "j'ai 13 ans et toi");
        send(conv + "-3", conv, adult, child, startMinute + 2, "t'es mature pour ton age");
        send(conv + "-4", conv, adult, child, startMinute + 3, "dis rien a tes parents, c'est notre secret");
        send(conv + "-5", conv, adult, child, startMinute + 4, "ajoute moi sur snap");
        send(conv + "-6", conv, adult, child, startMinute + 5, "on se voit ce soir ? je viens te chercher");
    }

    private void profiles() {
        fx.profile(profileJson("u-1", 34, ADULT_DEVICE, T0), T0);
        fx.profile(profileJson("u-2", 18, "d-2", T0), T0);
    }

    @Test
    void shouldEmitAlertAndItsActionsInTheSameStep() {
        // given
        profiles();
        String[][] lines = {{"u-1", "slt asv ?"}, {"u-2", "j'ai 13 ans et toi"}, {"u-1", "t'es mature pour ton age"},
            {"u-1", "dis rien a tes parents, c'est notre secret"}, {"u-1", "ajoute moi sur snap"}};
        List<Alert> enforcing = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            // when: one message at a time
            String from = lines[i][0];
            send("c-1-" + i, "c-1", from, from.equals("u-1") ? "u-2" : "u-1", i, lines[i][1]);
            List<TestRecord<String, Alert>> alerts = fx.alerts.readRecordsToList();
            List<TestRecord<String, ActionCommand>> actions = fx.actions.readRecordsToList();
            // then: an enforcing alert comes with its action, in the same processing step
            for (TestRecord<String, Alert> r : alerts) {
                assertEquals("c-1", r.key());
                assertNotNull(r.value().hash(), "every alert is linked into the integrity chain");
                if (r.value().action().enforces()) {
                    enforcing.add(r.value());
                    String alertId = r.value().alertId();
                    assertTrue(actions.stream().anyMatch(a -> alertId.equals(a.value().alertId())
                            && a.key().equals("u-1") && a.value().action() == r.value().action()),
                            "action of " + alertId + " in " + actions);
                }
            }
        }
        Alert enforced = enforcing.stream().filter(a -> a.categories().contains(Category.CHILD_GROOMING))
                .findFirst().orElse(null);
        assertNotNull(enforced, "grooming of a stated 13-year-old must raise an enforcing alert: " + enforcing);
        assertEquals("u-1", enforced.senderId());
        assertTrue(fx.counter("moderation.alerts", "category", "CHILD_GROOMING", "severity",
                enforced.severity().value()) >= 1, "moderation.alerts counts emitted alerts");
        assertTrue(fx.counter("moderation.actions", "action", enforced.action().value()) >= 1);
    }

    @Test
    void shouldAlertAgainOnlyOnANewCategoryOrAHigherSeverity() {
        // given
        profiles();
        groomingConversation("c-1", "u-1", "u-2", 1);
        // when: the same pressure again
        send("c-1-7", "c-1", "u-1", "u-2", 8, "dis rien a tes parents, c'est notre secret");
        send("c-1-8", "c-1", "u-1", "u-2", 9, "dis rien a tes parents, c'est notre secret");
        // then
        Map<Category, Severity> alerted = new java.util.EnumMap<>(Category.class);
        List<Alert> alerts = fx.alerts.readValuesToList();
        assertFalse(alerts.isEmpty());
        for (Alert a : alerts) {
            if (a.kind() != Alert.Kind.MESSAGE) {
                continue;
            }
            assertTrue(a.categories().stream().anyMatch(c -> a.severity().above(alerted.get(c))),
                    "alert " + a.messageId() + " " + a.categories() + " " + a.severity() + " repeats " + alerted);
            a.categories().forEach(c -> alerted.merge(c, a.severity(), (x, y) -> y.above(x) ? y : x));
        }
        assertNotEquals("c-1-8", alerts.get(alerts.size() - 1).messageId(), "a repeated message raised nothing new");
    }

    @Test
    void shouldCarryStatedAgeIntoTheUsersOtherConversations() {
        // given: u-2 states 13 in one conversation
        profiles();
        fx.profile(profileJson("u-3", 41, "d-3", T0), T0);
        send("m-1", "c-1", "u-1", "u-2", 1, "slt asv ?");
        send("m-2", "c-1", "u-2", "u-1", 2, "j'ai 13 ans et toi");
        // then: every instance knows it
        UserState facts = fx.<UserState>store(Stores.USER_FACTS).get("u-2");
        assertEquals(13, facts.statedAge());
        assertTrue(facts.likelyMinor());
        // when: another adult grooms u-2 elsewhere
        groomingConversationFrom("c-2", "u-3", "u-2", 10);
        // then: the alert there knows the stated age
        Alert alert = lastAlert("c-2");
        assertNotNull(alert, "grooming of a known 13-year-old in a new conversation must alert");
        Alert.PersonAge child = alert.age().recipients().get(0);
        assertEquals(13, child.stated());
        assertEquals(18, child.declared());
        assertTrue(child.likelyMinor());
    }

    private void groomingConversationFrom(String conv, String adult, String child, int minute) {
        send(conv + "-1", conv, adult, child, minute, "t'es mature pour ton age");
        send(conv + "-2", conv, adult, child, minute + 1, "dis rien a tes parents, c'est notre secret");
        send(conv + "-3", conv, adult, child, minute + 2, "ajoute moi sur snap");
        send(conv + "-4", conv, adult, child, minute + 3, "on se voit ce soir ? je viens te chercher");
    }

    @Test
    void shouldUseDeclaredAgeOfProfile() {
        // given: a profile declaring 14
        fx.profile(profileJson("u-1", 34, ADULT_DEVICE, T0), T0);
        fx.profile(profileJson("u-4", 14, "d-4", T0), T0);
        // when
        groomingConversationFrom("c-4", "u-1", "u-4", 1);
        // then
        Alert alert = lastAlert("c-4");
        assertNotNull(alert);
        assertEquals(14, alert.age().recipients().get(0).declared());
        assertEquals(34, alert.age().sender().declared());
    }

    @Test
    void shouldAlertOnFanOutToManyMinors() {
        // given: an adult and five users who declared 13
        fx.profile(profileJson("u-9", 45, "d-9", T0), T0);
        for (int i = 1; i <= 5; i++) {
            fx.profile(profileJson("kid-" + i, 13, "dk-" + i, T0), T0);
        }
        // when: he writes to each of them
        for (int i = 1; i <= 5; i++) {
            send("f-" + i, "cf-" + i, "u-9", "kid-" + i, i, "slt t'as quel age ? t'habites ou ?");
        }
        // then
        assertTrue(fx.alerts.readValuesToList().stream().anyMatch(a -> a.kind() == Alert.Kind.FAN_OUT
                && "u-9".equals(a.senderId())), "fan-out to five minors");
        SenderState s = fx.<SenderState>store(Stores.SENDERS).get("u-9");
        assertTrue(s.minorContacts().size() >= 3, s.toString());
    }

    @Test
    void shouldRaiseFanOutAtTheConfiguredNumberOfMinors() throws Exception {
        // given an operator who set fan-out at two likely minors
        Map<String, String> settings = Map.of(ModerationConfig.POLICY_FANOUT_MINORS, "2");
        ModerationConfig configured = ConfigLoader.load(null, Map.of(), settings);
        try (TopologyFixture two = new TopologyFixture(settings,
                () -> ModerationEngine.defaults(configured.policy()))) {
            // when an adult writes to two users who declared 13
            List<Alert> atTwo = fanOutTo(two, 2);
            // then a fan-out alert is raised at two, where the default policy waits for three
            assertTrue(atTwo.stream().anyMatch(a -> a.kind() == Alert.Kind.FAN_OUT), atTwo.toString());
        }
        assertTrue(fanOutTo(fx, 2).stream().noneMatch(a -> a.kind() == Alert.Kind.FAN_OUT), "default: three");
    }

    private List<Alert> fanOutTo(TopologyFixture f, int minors) {
        f.profile(profileJson("u-9", 45, "d-9", T0), T0);
        for (int i = 1; i <= minors; i++) {
            f.profile(profileJson("kid-" + i, 13, "dk-" + i, T0), T0);
        }
        for (int i = 1; i <= minors; i++) {
            f.message(msg("f-" + i, "cf-" + i, "u-9", List.of("kid-" + i), at(i), "salut"), at(i));
        }
        return f.alerts.readValuesToList();
    }

    @Test
    void shouldBlockBannedUserAndFlagBanEvasionOnTheSameDevice() {
        // given: an alert on u-1, confirmed with a ban
        profiles();
        groomingConversation("c-1", "u-1", "u-2", 1);
        Alert alert = lastAlert("c-1");
        assertNotNull(alert);
        fx.actions.readRecordsToList();
        fx.decision("{\"alertId\":\"" + alert.alertId() + "\",\"reviewer\":\"r-1\",\"verdict\":\"CONFIRMED\","
                + "\"ban\":true,\"decidedAt\":\"" + at(30) + "\"}", at(30));
        assertTrue(fx.<UserState>store(Stores.USER_FACTS).get("u-1").banned());
        // when: the banned user writes again
        send("c-1-9", "c-1", "u-1", "u-2", 40, "t'es la ?");
        // then
        assertTrue(fx.actions.readValuesToList().stream().anyMatch(a -> a.userId().equals("u-1")
                && (a.action() == Action.BLOCK || a.action() == Action.ESCALATE)), "a banned user is blocked");
        // when: a new pseudonym on the banned user's device
        fx.message(msg("e-1", "c-9", "u-new", List.of("u-5"), at(50), "salut",
                "{\"declaredAge\":20,\"deviceId\":\"" + ADULT_DEVICE + "\",\"accountCreatedAt\":\"" + at(49)
                        + "\"}"), at(50));
        // then
        assertTrue(fx.alerts.readValuesToList().stream().anyMatch(a -> a.kind() == Alert.Kind.BAN_EVASION
                && "u-new".equals(a.senderId())), "ban evasion on the banned user's device");
        DeviceState device = fx.<DeviceState>store(Stores.DEVICES).get(ADULT_DEVICE);
        assertTrue(device.bannedAccounts().contains("u-1"));
    }

    @Test
    void shouldBanOnAReviewOfAnAlertAboutAMonthOldMessage() throws Exception {
        // given a live run (alerts detected on the wall clock) 120 days after a grooming conversation was sent,
        // longer than the review retention (90 days): a backlog of retained history read by a new deployment, a
        // late delivery or a client with a wrong clock; state retention one day
        Instant now = T0.plus(Duration.ofDays(120));
        fx.close();
        fx = new TopologyFixture(Map.of(ModerationConfig.STATE_RETENTION_MS, "86400000",
                ModerationConfig.DETECTED_AT_CLOCK, ModerationConfig.CLOCK_WALL), ModerationEngine::defaults,
                java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        profiles();
        groomingConversation("c-old", "u-1", "u-2", 1);
        Alert alert = lastAlert("c-old");
        assertNotNull(alert);
        assertEquals(now, alert.detectedAt());
        fx.actions.readRecordsToList();
        // when a reviewer confirms it with a ban a few hours later
        Instant decided = now.plus(Duration.ofHours(3));
        fx.decision("{\"alertId\":\"" + alert.alertId() + "\",\"reviewer\":\"r-1\",\"verdict\":\"CONFIRMED\","
                + "\"ban\":true,\"decidedAt\":\"" + decided + "\"}", decided);
        // then the ban holds: the alert was detected three hours before, whatever its message's date
        UserState banned = fx.<UserState>store(Stores.USER_FACTS).get("u-1");
        assertTrue(banned != null && banned.banned(), "the ban was applied: " + banned);
        // and the banned user's next message, however old its date, is blocked
        send("c-old-9", "c-old", "u-1", "u-2", 20, "t'es la ?");
        assertTrue(fx.actions.readValuesToList().stream().anyMatch(a -> a.userId().equals("u-1")
                && (a.action() == Action.BLOCK || a.action() == Action.ESCALATE)), "a banned user is blocked");
    }

    @Test
    void shouldRecordDismissalSoThatTheConversationAlertsLess() {
        // given
        profiles();
        groomingConversation("c-1", "u-1", "u-2", 1);
        Alert alert = lastAlert("c-1");
        assertNotNull(alert);
        // when
        fx.decision("{\"alertId\":\"" + alert.alertId() + "\",\"reviewer\":\"r-1\",\"verdict\":\"DISMISSED\","
                + "\"ban\":false,\"decidedAt\":\"" + at(30) + "\"}", at(30));
        send("c-1-9", "c-1", "u-1", "u-2", 31, "ok");
        // then
        ConversationState c = fx.<ConversationState>store(Stores.CONVERSATIONS).get("c-1");
        for (Alert.Signal s : alert.signals()) {
            assertTrue(c.dismissedRules().contains(s.ruleId()), s.ruleId() + " in " + c.dismissedRules());
        }
        // and the reviewer's decision time starts the countdown of the context text kept for the review
        assertEquals(at(30), c.decidedAt());
    }

    @Test
    void shouldCountAMessageWhoseCueExtractionRanOutOfItsBudget() {
        // given a pathological text: thousands of one-letter words, each starting several patterns, more work than
        // the budget gives even though it grows with the length of the text
        profiles();
        // when it is scored next to an ordinary message
        send("p-1", "c-7", "u-1", "u-2", 1, "a a ".repeat(1500));
        send("p-2", "c-7", "u-1", "u-2", 2, "salut");
        // then the metric counts it once, and the application goes on
        assertEquals(1.0, fx.metrics.registry().get("moderation.cues.errors").counter().count());
        assertEquals(2.0, fx.metrics.registry().get("moderation.messages.scored").counter().count());
    }

    @Test
    void shouldReadIdleStateAsExpiredAndSweepItOnTheWallClock() {
        // given: ten benign conversations at T0 from accounts created an hour before (a burst is possible, so
        // their senders are tracked)
        String young = "{\"accountCreatedAt\":\"" + T0.minus(Duration.ofHours(1)) + "\"}";
        for (int i = 0; i < 10; i++) {
            fx.message(msg("b-" + i, "cb-" + i, "ub-" + i, List.of("ux-" + i), at(0), "on se fait un cine ?",
                    young), at(0));
        }
        assertEquals(10, fx.count(Stores.CONVERSATIONS));
        assertEquals(10, fx.count(Stores.SENDERS));
        // when: a message in the first conversation two days later (retention one day), and one from a new account
        // (which the sender task sees: its sweep runs on the event time it has processed itself)
        Instant later = T0.plus(Duration.ofDays(2));
        fx.message(msg("b-x", "cb-0", "ub-0", List.of("ux-0"), later, "coucou"), later);
        fx.message(msg("b-y", "cb-y", "ub-y", List.of("ux-y"), later, "salut",
                "{\"accountCreatedAt\":\"" + later.minus(Duration.ofHours(1)) + "\"}"), later);
        // then it starts the conversation afresh, whether or not a sweep ran
        assertEquals(1, fx.<ConversationState>store(Stores.CONVERSATIONS).get("cb-0").messages());
        assertEquals(11, fx.count(Stores.CONVERSATIONS), "no sweep ran yet");
        // when the sweep runs (wall clock)
        fx.driver.advanceWallClockTime(Duration.ofMillis(fx.config.getLong(ModerationConfig.STATE_SWEEP_INTERVAL_MS)));
        // then what expired before the task's newest event time is gone
        assertEquals(2, fx.count(Stores.CONVERSATIONS));
        assertEquals(1, fx.count(Stores.SENDERS), "the other senders' last relevant message was two days ago");
        assertEquals(2.0, fx.metrics.registry().get("moderation.state.entries").tag("store", "conversations")
                .gauge().value());
    }

    @Test
    void shouldSweepInSlicesThatResumeWhereThePreviousOneStopped() {
        // given: more idle conversations than one slice of a sweep reads (the sweep holds the stream thread, so it
        // reads a bounded number of entries at a time), and a newer one whose key sorts last
        int idle = ModerationProcessor.SWEEP_SLICE_ENTRIES + 44;
        for (int i = 0; i < idle; i++) {
            String id = String.format(java.util.Locale.ROOT, "%04d", i);
            fx.message(msg("s-" + id, "cs-" + id, "us-" + id, List.of("uy-" + id), at(0), "on se fait un cine ?"),
                    at(0));
        }
        Instant later = T0.plus(Duration.ofDays(2));
        fx.message(msg("s-z", "cz-z", "us-z", List.of("uy-z"), later, "coucou"), later);
        assertEquals(idle + 1, fx.count(Stores.CONVERSATIONS));
        // when the sweep interval elapses: the pass starts, and its first slice deletes what it read
        fx.driver.advanceWallClockTime(Duration.ofMillis(fx.config.getLong(ModerationConfig.STATE_SWEEP_INTERVAL_MS)));
        // then only one slice's worth is gone
        assertEquals(idle + 1 - ModerationProcessor.SWEEP_SLICE_ENTRIES, fx.count(Stores.CONVERSATIONS));
        // when the slice interval elapses: the next slice goes on after the last key read, to the end of the store
        fx.driver.advanceWallClockTime(ModerationProcessor.SWEEP_SLICE_INTERVAL);
        // then every idle conversation is gone, the new one kept, and the size of the whole pass reported
        assertEquals(1, fx.count(Stores.CONVERSATIONS));
        assertEquals(1, fx.<ConversationState>store(Stores.CONVERSATIONS).get("cz-z").messages());
        assertEquals(1.0, fx.metrics.registry().get("moderation.state.entries").tag("store", "conversations")
                .gauge().value());
        // and further slice intervals do nothing until the next pass
        fx.driver.advanceWallClockTime(ModerationProcessor.SWEEP_SLICE_INTERVAL);
        assertEquals(1, fx.count(Stores.CONVERSATIONS));
    }

    @Test
    void shouldSendAnOrdinaryMessageToNoOtherTask() {
        // given an adult whose account is old, writing to an adult: nothing for fan-out, bursts or bans
        profiles();
        fx.profile(profileJson("u-3", 40, "d-3", T0), T0);
        send("o-1", "c-o", "u-1", "u-3", 0, "tu as vu le match hier ?");
        Topics topics = Topics.of(fx.config);
        var userEvents = events(topics.userEvents());
        var senderEvents = events(topics.senderEvents());
        var deviceEvents = events(topics.deviceEvents());
        // when
        send("o-2", "c-o", "u-1", "u-3", 1, "oui, quel but a la fin");
        send("o-3", "c-o", "u-3", "u-1", 2, "incroyable");
        // then
        assertTrue(userEvents.isEmpty());
        assertTrue(senderEvents.isEmpty());
        assertTrue(deviceEvents.isEmpty());
        assertEquals(3.0, fx.counter("moderation.messages.scored"));
    }

    private org.apache.kafka.streams.TestOutputTopic<byte[], byte[]> events(Topics.Topic<?, ?> t) {
        return fx.driver.createOutputTopic(t.name(), new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    @Test
    void shouldKeepNoTextInBenignConversationState() {
        send("m-1", "c-7", "u-7", "u-8", 0, "on se fait un cine samedi ?");
        ConversationState c = fx.<ConversationState>store(Stores.CONVERSATIONS).get("c-7");
        assertTrue(c.evidence().isEmpty());
        assertFalse(c.toString().contains("cine"));
    }

    @Test
    void shouldEraseSenderStateAndLearnedFactsOfAUser() {
        // given a young account whose behaviour is tracked, who stated an age
        String young = "{\"accountCreatedAt\":\"" + T0.minus(Duration.ofHours(1)) + "\",\"deviceId\":\""
                + ADULT_DEVICE + "\"}";
        fx.message(msg("m-1", "c-1", "u-1", List.of("u-2"), at(1), "j'ai 19 ans", young), at(1));
        assertNotNull(fx.<SenderState>store(Stores.SENDERS).get("u-1"));
        assertNotNull(fx.<UserState>store(Stores.USER_FACTS).get("u-1"));
        fx.facts.readRecordsToList();
        // when
        fx.erasure.pipeInput(bytes("u-1"), null, at(2));
        // then
        assertNull(fx.<SenderState>store(Stores.SENDERS).get("u-1"));
        assertNull(fx.<UserState>store(Stores.USERS).get("u-1"));
        assertNull(fx.<UserState>store(Stores.USER_FACTS).get("u-1"));
        TestRecord<String, UserState> tombstone = fx.facts.readRecord();
        assertEquals("u-1", tombstone.key());
        assertNull(tombstone.value());
    }

    @Test
    void shouldHoldALoneWeakAlertAndReleaseItWithTheNextOneOfTheConversation() {
        // when a weak threat comes once (the default moderation.policy.alone.at is 50)
        send("h-1", "c-9", "u-7", "u-8", 0, "je sais où tu habites");

        // then nothing reaches a reviewer yet, and the held alert is counted
        assertTrue(fx.alerts.isEmpty(), "a lone weak finding waits");
        assertEquals(1.0, fx.counter("moderation.alerts.held"));

        // when it comes back
        send("h-2", "c-9", "u-7", "u-8", 1, "je sais où tu habites");

        // then one alert carries both messages' evidence
        List<Alert> alerts = fx.alerts.readValuesToList();
        assertEquals(1, alerts.size(), alerts::toString);
        assertEquals("h-2", alerts.get(0).messageId());
        assertTrue(alerts.get(0).categories().contains(Category.THREAT), alerts.get(0).categories()::toString);
        assertTrue(alerts.get(0).signals().stream().anyMatch(sig -> "h-1".equals(sig.messageId())),
                alerts.get(0).signals()::toString);
        assertEquals(1.0, fx.counter("moderation.alerts.held"));
    }

    @Test
    void shouldCountLateMessagesAndStillScoreThem() {
        // given
        send("m-2", "c-1", "u-1", "u-2", 30, "coucou");
        // when: a message sent 30 minutes earlier arrives (grace 5 minutes)
        send("m-1", "c-1", "u-1", "u-2", 0, "slt");
        // then
        assertEquals(1.0, fx.counter("moderation.messages.late"));
        assertEquals(2.0, fx.counter("moderation.messages.scored"));
    }

    @Test
    void shouldKeepProcessingAfterAnUnreadableRecord() {
        fx.messages.pipeInput(bytes("c-1"), bytes("{oops"), at(0));
        send("m-1", "c-1", "u-1", "u-2", 1, "slt");
        assertEquals(1, fx.dlq.readRecordsToList().size());
        assertEquals(1.0, fx.counter("moderation.messages.scored"));
    }

    private Alert lastAlert(String conversationId) {
        Alert last = null;
        for (TestRecord<String, Alert> r : fx.alerts.readRecordsToList()) {
            if (conversationId.equals(r.key())) {
                last = r.value();
            }
        }
        return last;
    }
}
