package io.vigie.core;

import io.vigie.core.assess.Assessment;
import io.vigie.core.contract.Action;
import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.Severity;
import io.vigie.core.contract.Stage;
import io.vigie.core.rule.Finding;
import io.vigie.core.rule.ScoringContext;
import io.vigie.core.state.ConversationState;
import io.vigie.core.state.UserState;
import io.vigie.core.assess.Fixture;
import io.vigie.core.assess.Policy;
import io.vigie.core.assess.Statements;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.vigie.core.assess.Fixture.T0;
import static io.vigie.core.assess.Fixture.adult;
import static io.vigie.core.assess.Fixture.declared;
import static io.vigie.core.assess.Fixture.hours;
import static io.vigie.core.assess.Fixture.kid;
import static io.vigie.core.assess.Fixture.minutes;
import static io.vigie.core.assess.Fixture.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviour of {@link ModerationSession#assess} over conversations, with the fake signals and rules. */
class ModerationSessionTest {

    private final Fixture fx = new Fixture();

    /** Threads the stored states through successive messages, as the stream app does. */
    private final class Chat {
        ConversationState state;
        final Map<String, UserState> users = new HashMap<>();
        final List<Assessment> results = new ArrayList<>();

        Chat(UserState... people) {
            for (UserState u : people) {
                users.put(u.userId(), u);
            }
        }

        Assessment say(String messageId, String from, String to, Instant at, String text) {
            return send(msg(messageId, "c-1", from, to, at, text));
        }

        Assessment send(ChatMessage m) {
            Map<String, UserState> recipients = new HashMap<>();
            for (String r : m.recipientIds()) {
                if (users.containsKey(r)) {
                    recipients.put(r, users.get(r));
                }
            }
            Assessment a = fx.session.assess(m, state, users.get(m.senderId()), recipients);
            state = a.conversation();
            users.put(a.sender().userId(), a.sender());
            results.add(a);
            return a;
        }
    }

    @Test
    void shouldAlertOnFirstCategoryAndOnEachRiseButNotOnRepeats() {
        // given two adults
        Chat chat = new Chat(adult("u-1"), adult("u-2"));

        // when the same slur comes back every ten minutes, the conversation risk climbs
        Assessment first = chat.say("m-1", "u-1", "u-2", T0, "slurword");
        Assessment second = chat.say("m-2", "u-1", "u-2", minutes(10), "slurword");
        Assessment third = chat.say("m-3", "u-1", "u-2", minutes(20), "slurword");
        Assessment fourth = chat.say("m-4", "u-1", "u-2", minutes(30), "slurword");
        Assessment fifth = chat.say("m-5", "u-1", "u-2", minutes(40), "slurword");

        // then the first is alerted MEDIUM, the repeat at MEDIUM is silent, the rise to HIGH is alerted once,
        // and accumulated risk alone never goes past HIGH
        assertEquals(Severity.MEDIUM, first.alert().severity());
        assertEquals(List.of(Category.HATE_HOMOPHOBIC), first.alert().categories());
        assertEquals(Severity.MEDIUM, second.severity());
        assertNull(second.alert());
        assertEquals(Severity.HIGH, third.alert().severity());
        assertEquals(Severity.HIGH, fourth.severity());
        assertEquals(100, fourth.conversation().risk(), 1e-9);
        assertNull(fourth.alert(), "HIGH was already alerted for this category");
        assertNull(fifth.alert());
        assertEquals(Map.of(Category.HATE_HOMOPHOBIC, Severity.HIGH), chat.state.alerted());
    }

    @Test
    void shouldAlertWhenANewCategoryAppearsInAnAlreadyAlertedConversation() {
        // given a conversation already alerted for hate
        Chat chat = new Chat(adult("u-1"), adult("u-2"));
        chat.say("m-1", "u-1", "u-2", T0, "slurword");

        // when a threat follows, then when the same threat is repeated two days later
        Assessment threat = chat.say("m-2", "u-1", "u-2", minutes(1), "je sais ou tu habites");
        Assessment again = chat.say("m-3", "u-1", "u-2", hours(48), "je sais ou tu habites");

        // then the new category is alerted, the repeat at a lower or equal severity is not
        assertNotNull(threat.alert());
        assertEquals(List.of(Category.THREAT), threat.alert().categories());
        assertEquals(Severity.HIGH, threat.alert().severity());
        assertNull(again.alert());
        assertNotNull(again.severity());
    }

    @Test
    void shouldAlertOnARiseShowingTheWholeMessageWithTheMoveOffPlatformAsAQualifier() {
        // given a conversation alerted HIGH for a threat
        Chat chat = new Chat(adult("u-1"), adult("u-2"));
        Assessment threat = chat.say("m-1", "u-1", "u-2", T0, "je sais ou tu habites");
        assertEquals(Severity.HIGH, threat.alert().severity());

        // when the threat comes back with a first move to another app
        Assessment move = chat.say("m-2", "u-1", "u-2", minutes(1), "je sais ou tu habites, ajoute sur snap");
        // and then the same again
        Assessment again = chat.say("m-3", "u-1", "u-2", minutes(2), "je sais ou tu habites, ajoute sur snap");

        // then the rise (75 + 15: CRITICAL) raises an alert that shows the whole message; the move to another app
        // (15) is weak, yet it qualifies the threat (where it goes next), so it stays on the alert
        assertEquals(Severity.CRITICAL, move.alert().severity());
        assertEquals(List.of(Category.OFF_PLATFORM, Category.THREAT), move.alert().categories());
        assertEquals(List.of("offplatform.app", "threat.harm"),
                move.alert().signals().stream().map(Alert.Signal::ruleId).toList());
        assertNull(again.alert(), "nothing new");
        assertEquals(Action.BLOCK, again.actions().get(0).action(), "still blocked: enforcement is per message");
    }

    @Test
    void shouldAlertAMoveOffPlatformOnItsOwnWhenNothingElseIsAtStake() {
        // given a policy that reviews from a lower score, and two adults
        Fixture low = new Fixture(Policy.defaults().withThresholds(new Policy.Thresholds(10, 70, 90, io.vigie.core.contract.Severity.MEDIUM)));

        // when one pushes to another app
        Assessment a = low.session.assess(msg("m-1", "c-1", "u-1", "u-2", T0, "ajoute moi sur snap"), null,
                adult("u-1"), Map.of("u-2", adult("u-2")));

        // then it is a case of its own
        assertEquals(List.of(Category.OFF_PLATFORM), a.alert().categories());
    }

    @Test
    void shouldKeepWeakSignalsSilentUntilTheyAddUp() {
        // given a weak cue (score 15) that a human should not see alone
        Chat chat = new Chat(adult("u-1"), adult("u-2"));

        // when it comes back once a minute
        for (int i = 0; i < 4; i++) {
            Assessment a = chat.say("m-" + i, "u-1", "u-2", minutes(i), "weakcue");
            // then the first four stay in state, silent
            assertEquals(Severity.LOW, a.severity());
            assertNull(a.alert());
            assertTrue(a.actions().isEmpty());
        }
        assertEquals(4, chat.state.evidence().size(), "weak evidence is kept until it adds up");
        Assessment fifth = chat.say("m-5", "u-1", "u-2", minutes(4), "weakcue");

        // and the fifth crosses MEDIUM and reaches a human
        assertEquals(Severity.MEDIUM, fifth.severity());
        assertEquals(Action.REVIEW, fifth.alert().action());
        assertTrue(fifth.alert().conversation().riskScore() >= Policy.defaults().thresholds().mediumAt());
    }

    @Test
    void shouldNotLetContactMovesBetweenAdultsAddUpToAnAlert() {
        // given two adults flirting who keep suggesting another app
        Chat chat = new Chat(adult("u-1"), adult("u-2"));

        // when the contact move comes back again and again
        for (int i = 0; i < 8; i++) {
            Assessment a = chat.say("m-" + i, i % 2 == 0 ? "u-1" : "u-2", i % 2 == 0 ? "u-2" : "u-1", minutes(i),
                    "ajoute moi sur snap");
            // then no human is asked to look: ordinary chat between adults
            assertNull(a.alert(), "message " + i);
            assertTrue(a.actions().isEmpty());
        }
        // though the risk is remembered, should a minor join the picture later
        assertTrue(chat.state.risk() > 0);
    }

    @Test
    void shouldNotLetAPublicRoomsMixedRiskRaiseAnUnrelatedWeakMessage() {
        // given a public room where several people already said weak things
        Chat chat = new Chat(adult("u-1"), adult("u-2"), adult("u-3"), adult("u-4"), adult("u-5"));
        for (int i = 1; i <= 4; i++) {
            chat.send(msg("m-" + i, "c-1", "u-" + i, null, minutes(i), "weakcue"));
        }

        // when a fifth person says the same weak thing
        Assessment fifth = chat.send(msg("m-5", "c-1", "u-5", null, minutes(5), "weakcue"));

        // then it is judged on its own evidence, which is weak
        assertNull(fifth.alert());
        assertEquals(Severity.LOW, fifth.severity());
    }

    @Test
    void shouldHeadlineTheStrongCategoryAndKeepTheWeakOneAsEvidence() {
        // given two adults
        Chat chat = new Chat(adult("u-1"), adult("u-2"));

        // when a message carries a slur (strong) and a weak prostitution hint
        Assessment a = chat.say("m-1", "u-1", "u-2", T0, "slurword weakcue");

        // then the alert is a hate case, and the weak hint stays among its signals
        assertEquals(List.of(Category.HATE_HOMOPHOBIC), a.alert().categories());
        assertTrue(a.alert().signals().stream().anyMatch(s -> s.ruleId().equals("weak.hint")),
                a.alert().signals().toString());
    }

    @Test
    void shouldSeeAStatedAgeInTheImmediateReplyBeforeTheUserFactsCatchUp() {
        // given a child who declared 18 and says "j'ai 13 ans" in the conversation
        UserState child = declared("u-2", 18);
        UserState adult = adult("u-1");
        Assessment says = fx.session.assess(msg("m-1", "c-1", "u-2", "u-1", T0, "j'ai 13 ans"), null, child,
                Map.of("u-1", adult));

        // when the adult answers at once, while the stored user facts still hold only the declared 18
        Assessment reply = fx.session.assess(msg("m-2", "c-1", "u-1", "u-2", T0.plusMillis(200),
                "dis rien a tes parents"), says.conversation(), adult, Map.of("u-2", child));

        // then the rules judged the reply as written to a 13-year-old
        Alert.PersonAge seen = fx.rules.lastContext().recipients().get(0);
        assertEquals(13, seen.stated());
        assertTrue(seen.likelyMinor());
        assertFalse(reply.findings().isEmpty(), "the secrecy rule for minors fired");
        // while the same words to a user whose age nobody stated fire no minor rule
        Assessment control = fx.session.assess(msg("m-3", "c-2", "u-1", "u-3", T0.plusMillis(200),
                "dis rien a tes parents"), null, adult, Map.of("u-3", declared("u-3", 18)));
        assertTrue(control.findings().isEmpty(), control.findings().toString());
    }

    @Test
    void shouldTreatWriterAsMinorForTheVeryMessageWhereTheyStateTheirAge() {
        // given a user who declared 18 at sign-up
        Chat chat = new Chat(Fixture.declared("u-kid", 18), adult("u-adult"));

        // when they write "j'ai 13 ans"
        Assessment a = chat.say("m-1", "u-kid", "u-adult", T0, "moi j'ai 13 ans");

        // then the rules already saw a likely-minor writer, and the sender's state learned it
        assertTrue(fx.rules.lastContext().sender().likelyMinor());
        assertEquals(13, fx.rules.lastContext().sender().stated());
        assertEquals(13, a.sender().statedAge());
        assertEquals(T0, a.sender().statedAgeAt());
        assertTrue(a.sender().likelyMinor());
    }

    @Test
    void shouldCarryAStatedAgeIntoOtherConversations() {
        // given a user declared 18 who stated 13 in one conversation
        Chat first = new Chat(Fixture.declared("u-kid", 18), adult("u-other"));
        UserState learned = first.say("m-1", "u-kid", "u-other", T0, "j'ai 13 ans").sender();

        // when an adult flatters them in another conversation, with and without what was learned
        Chat withFacts = new Chat(adult("u-adult"), learned);
        Chat declaredOnly = new Chat(adult("u-adult"), Fixture.declared("u-kid", 18));
        Assessment seen = withFacts.say("m-2", "u-adult", "u-kid", minutes(5), "t'es mature pour ton age");
        Assessment unseen = declaredOnly.say("m-2", "u-adult", "u-kid", minutes(5), "t'es mature pour ton age");

        // then only the first sees a likely minor and the grooming rule fires
        assertEquals(List.of("grooming.trust"), seen.findings().stream().map(Finding::ruleId).toList());
        assertTrue(unseen.findings().isEmpty());
    }

    @Test
    void shouldHoldThenEscalateAsGroomingStagesAccumulateWithALikelyMinor() {
        // given an adult writing to a user who stated 13
        Chat chat = new Chat(adult("u-adult"), kid("u-kid"));

        // when the grooming stages follow one another
        Assessment ageCheck = chat.say("m-1", "u-adult", "u-kid", T0, "asv ?");
        Assessment trust = chat.say("m-2", "u-adult", "u-kid", minutes(1), "t'es mature pour ton age");
        Assessment secrecy = chat.say("m-3", "u-adult", "u-kid", minutes(2), "dis rien a tes parents");
        Assessment isolation = chat.say("m-4", "u-adult", "u-kid", minutes(3), "tes parents te comprennent pas");
        Assessment meeting = chat.say("m-5", "u-adult", "u-kid", minutes(4), "on se voit samedi");

        // then: silent at one stage, HIGH/HOLD at two, held again at three, CRITICAL/ESCALATE at four
        assertNull(ageCheck.alert());
        assertNull(trust.alert());
        assertEquals(Severity.HIGH, secrecy.alert().severity());
        assertEquals(Action.HOLD, secrecy.alert().action());
        assertEquals(Action.HOLD, secrecy.actions().get(0).action());
        assertTrue(secrecy.actions().get(0).statement().facts().contains(Statements.FACT_RECIPIENT_MINOR));
        assertNull(isolation.alert(), "HIGH was already alerted");
        assertEquals(Action.HOLD, isolation.actions().get(0).action(), "holding is per message");
        assertEquals(Severity.CRITICAL, meeting.alert().severity());
        assertEquals(Action.ESCALATE, meeting.alert().action());
        assertEquals(List.of(Stage.AGE_CHECK, Stage.TRUST, Stage.ISOLATION, Stage.SECRECY, Stage.MEETING),
                meeting.alert().conversation().stages());
        assertTrue(meeting.alert().age().recipients().get(0).likelyMinor());
        assertEquals(13, meeting.alert().age().recipients().get(0).stated());
        assertEquals("u-adult", meeting.actions().get(0).userId());
    }

    @Test
    void shouldStaySilentWhenTheSameWordsGoToAnAdult() {
        // given two adults
        Chat chat = new Chat(adult("u-adult"), adult("u-other"));

        // when the same sequence is sent
        chat.say("m-1", "u-adult", "u-other", T0, "asv ?");
        chat.say("m-2", "u-adult", "u-other", minutes(1), "t'es mature pour ton age");
        chat.say("m-3", "u-adult", "u-other", minutes(2), "dis rien a tes parents");
        chat.say("m-4", "u-adult", "u-other", minutes(3), "on se voit samedi");

        // then nobody is bothered
        assertTrue(chat.results.stream().allMatch(a -> a.alert() == null && a.actions().isEmpty()));
    }

    @Test
    void shouldEscalateKnownMediaAsCritical() {
        // given an attachment whose hash is on the (generated) known-media list
        ChatMessage m = Fixture.withAttachment("m-1", "c-1", "u-1", "u-2", T0, Fixture.KNOWN_SHA);

        // when assessed
        Assessment a = fx.session.assess(m, null, adult("u-1"), Map.of());

        // then CRITICAL, ESCALATE, CSAM, kind KNOWN_MEDIA, with a statement of reasons
        assertEquals(Severity.CRITICAL, a.alert().severity());
        assertEquals(Action.ESCALATE, a.alert().action());
        assertEquals(List.of(Category.CSAM), a.alert().categories());
        assertEquals(Alert.Kind.KNOWN_MEDIA, a.alert().kind());
        assertTrue(a.actions().get(0).statement().facts().contains(Statements.FACT_KNOWN_MEDIA));
    }

    @Test
    void shouldEscalateKnownMediaEvenWhenNoRuleCoversIt() {
        // given a pack without any media rule
        var signals = fx.signals;
        var pack = new io.vigie.core.assess.FakeRulePack(signals.cues(), List.of());
        ModerationSession session = ModerationEngine.of(signals, pack, null).newSession();

        // when a known file is sent
        Assessment a = session.assess(Fixture.withAttachment("m-1", "c-1", "u-1", "u-2", T0, Fixture.KNOWN_SHA),
                null, null, null);

        // then the built-in finding carries it
        assertEquals(ModerationEngine.KNOWN_MEDIA_RULE, a.alert().signals().get(0).ruleId());
        assertEquals(Action.ESCALATE, a.actions().get(0).action());
    }

    @Test
    void shouldBlockEveryMessageOfABannedUserEvenWithoutFindings() {
        // given a banned sender
        UserState banned = adult("u-1").withConfirmedAlert(true);

        // when they send a harmless message
        Assessment a = fx.session.assess(msg("m-1", "c-1", "u-1", "u-2", T0, "salut"), null, banned, Map.of());

        // then no finding, no alert for a human, and a BLOCK with its reasons
        assertTrue(a.findings().isEmpty());
        assertNull(a.alert());
        assertEquals(1, a.actions().size());
        ActionCommand block = a.actions().get(0);
        assertEquals(Action.BLOCK, block.action());
        assertEquals("u-1", block.userId());
        assertNull(block.alertId());
        assertTrue(block.statement().facts().contains(Statements.FACT_BANNED));
    }

    @Test
    void shouldKeepEscalateForABannedUserWhoSendsKnownMedia() {
        UserState banned = adult("u-1").withConfirmedAlert(true);

        Assessment a = fx.session.assess(Fixture.withAttachment("m-1", "c-1", "u-1", "u-2", T0,
                Fixture.KNOWN_SHA), null, banned, Map.of());

        assertEquals(Action.ESCALATE, a.actions().get(0).action());
    }

    @Test
    void shouldNotAlertOnRulesAReviewerDismissedInThisConversation() {
        // given one conversation where a reviewer dismissed the slur rule, and one where nobody did
        ConversationState dismissed = fx.session.dismiss(ConversationState.empty("c-1"), List.of("hate.slur"));

        // when the same word comes
        ChatMessage m = msg("m-1", "c-1", "u-1", "u-2", T0, "slurword (a quote from a film)");
        Assessment inDismissed = fx.session.assess(m, dismissed, adult("u-1"), Map.of());
        Assessment elsewhere = fx.session.assess(m, null, adult("u-1"), Map.of());

        // then only the untouched conversation alerts
        assertNull(inDismissed.alert());
        assertEquals(Severity.LOW, inDismissed.severity());
        assertTrue(inDismissed.score() < elsewhere.score());
        assertNotNull(elsewhere.alert());
        assertEquals(List.of("hate.slur"), inDismissed.conversation().dismissedRules());
    }

    @Test
    void shouldNeverActOnShadowFindings() {
        // given a shadow rule scoring 95
        // when only it fires
        Assessment alone = fx.session.assess(msg("m-1", "c-1", "u-1", "u-2", T0, "shadowcue"), null,
                adult("u-1"), Map.of());

        // then it is reported as a finding and does nothing else
        assertEquals(1, alone.findings().size());
        assertTrue(alone.findings().get(0).shadow());
        assertNull(alone.severity());
        assertNull(alone.alert());
        assertTrue(alone.actions().isEmpty());
        assertEquals(0.0, alone.conversation().risk());
        assertTrue(alone.conversation().evidence().isEmpty());

        // when it fires next to a real rule
        Assessment mixed = fx.session.assess(msg("m-2", "c-2", "u-1", "u-2", T0, "shadowcue slurword"), null,
                adult("u-1"), Map.of());

        // then the real rule alone sets severity and categories, and the shadow one is in the audit, prefixed
        assertEquals(45, mixed.score());
        assertEquals(Severity.MEDIUM, mixed.alert().severity());
        assertEquals(List.of(Category.HATE_HOMOPHOBIC), mixed.alert().categories());
        assertTrue(mixed.alert().signals().stream().anyMatch(s -> s.ruleId().equals("shadow.experimental.shadow")));
        assertTrue(mixed.alert().errors().isEmpty());
        assertTrue(mixed.actions().stream().noneMatch(c -> c.statement().rules().contains("experimental.shadow")));
    }

    @Test
    void shouldPointEvidenceAtTheRawText() {
        String text = "bon... slurword !";

        Assessment a = fx.session.assess(msg("m-1", "c-1", "u-1", "u-2", T0, text), null, null, null);

        Alert.Signal s = a.alert().signals().get(0);
        assertEquals("slurword", s.evidence());
        assertEquals(s.evidence(), text.substring(s.start(), s.end()));
        assertEquals("fake-rules-1+fake-signals", a.alert().rulesVersion());
        assertEquals(T0, a.alert().detectedAt());
        assertEquals(text, a.alert().text());
    }

    @Test
    void shouldDecayRiskByEventTimeWithTheHalfLife() {
        // given a slur (45) at T0 with a 24 h half-life
        Chat chat = new Chat(adult("u-1"), adult("u-2"));
        chat.say("m-1", "u-1", "u-2", T0, "slurword");
        assertEquals(45.0, chat.state.risk(), 1e-9);

        // when the same rule fires again 48 h later (repeat weight 0.5)
        chat.say("m-2", "u-1", "u-2", hours(48), "slurword");

        // then the old risk lost three quarters and the repeat added half of its score
        assertEquals(45 * 0.25 + 22.5, chat.state.risk(), 1e-9);
        assertEquals(hours(48), chat.state.riskAt());
    }

    @Test
    void shouldGiveTheSameOutputForTheSameInput() {
        // given two fresh sessions of the same engine
        List<ChatMessage> feed = List.of(msg("m-1", "c-1", "u-1", "u-2", T0, "asv ?"),
                msg("m-2", "c-1", "u-1", "u-2", minutes(3), "t'es mature pour ton age, dis rien a tes parents"),
                msg("m-3", "c-1", "u-1", "u-2", hours(30), "on se voit, slurword"));

        // when the same feed goes through both
        List<Assessment> once = run(fx.engine.newSession(), feed);
        List<Assessment> twice = run(fx.engine.newSession(), feed);

        // then every assessment is equal, alert ids included
        assertEquals(once, twice);
        assertNotNull(once.get(1).alert());
        assertTrue(once.get(1).alert().alertId().matches("a-[0-9a-f]{32}"));
    }

    private static List<Assessment> run(ModerationSession session, List<ChatMessage> feed) {
        ConversationState state = null;
        UserState sender = adult("u-1");
        List<Assessment> out = new ArrayList<>();
        for (ChatMessage m : feed) {
            Assessment a = session.assess(m, state, sender, Map.of("u-2", kid("u-2")));
            state = a.conversation();
            sender = a.sender();
            out.add(a);
        }
        return out;
    }

    @Test
    void shouldReachTheSameRiskWhateverTheArrivalOrderAndCountLateMessages() {
        // given three findings of different rules within two hours
        ChatMessage a = msg("m-a", "c-1", "u-1", "u-2", T0, "slurword");
        ChatMessage b = msg("m-b", "c-1", "u-1", "u-2", hours(1), "weakcue");
        ChatMessage c = msg("m-c", "c-1", "u-1", "u-2", hours(2), "snap");

        // when they arrive in order, and with the latest first
        Chat inOrder = new Chat(adult("u-1"), adult("u-2"));
        inOrder.send(a);
        inOrder.send(b);
        inOrder.send(c);
        Chat shuffled = new Chat(adult("u-1"), adult("u-2"));
        shuffled.send(c);
        Assessment lateA = shuffled.send(a);
        shuffled.send(b);

        // then the decayed risk and its reference time agree, late messages are counted and still scored
        assertEquals(inOrder.state.risk(), shuffled.state.risk(), 1e-9);
        assertEquals(hours(2), shuffled.state.riskAt());
        assertEquals(hours(2), shuffled.state.lastEventAt());
        assertEquals(0, inOrder.state.lateMessages());
        assertEquals(2, shuffled.state.lateMessages());
        assertNotNull(lateA.alert(), "a late message is still scored and alerted");
        assertEquals(3, shuffled.state.messages());
    }

    @Test
    void shouldKeepConversationStateBoundedWithTenThousandParticipantsAndMessages() {
        // given a public-room-like conversation where 10,000 people each send one flagged message
        ConversationState state = null;
        for (int i = 0; i < 10_000; i++) {
            ChatMessage m = msg("m-" + i, "c-1", "u-" + i, "v-" + i, T0.plusSeconds(i), "weakcue slurword");
            state = fx.session.assess(m, state, null, null).conversation();
        }
        // and one message with 10,000 recipients
        List<String> crowd = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            crowd.add("w-" + i);
        }
        state = fx.session.assess(new ChatMessage("message", "m-x", "c-1", null, "u-x", crowd, hours(5),
                "slurword", List.of(), null), state, null, null).conversation();

        // then counts grow, lists do not
        Policy p = Policy.defaults();
        assertEquals(10_001, state.messages());
        assertEquals(p.bounds().maxParticipants(), state.participants().size());
        assertEquals(p.bounds().maxEvidence(), state.evidence().size());
        assertTrue(state.participants().contains("w-9999"), "the most recent participants are kept");
        assertTrue(state.risk() <= 100.0);
    }

    @Test
    void shouldReuseTheFindingsListOnTheHotPath() {
        // given a session
        ModerationSession session = fx.session;

        // when two texts are scored
        List<Finding> first = session.score("slurword", ScoringContext.none(), T0.toEpochMilli());
        int firstSize = first.size();
        List<Finding> second = session.score("rien a signaler", null, T0.toEpochMilli());

        // then the same list is reused and reflects the last call
        assertEquals(1, firstSize);
        assertSame(first, second);
        assertTrue(second.isEmpty());
    }

    @Test
    void shouldNotMistakeAQuestionAboutSchoolForTheWriterBeingAMinor() {
        // given an adult asking
        Assessment asks = fx.session.assess(msg("m-1", "c-1", "u-1", "u-2", T0, "t'es au college ?"), null,
                adult("u-1"), Map.of());
        // and a writer saying it of themself
        Assessment says = fx.session.assess(msg("m-2", "c-2", "u-3", "u-2", T0, "je suis au college"), null,
                null, Map.of());

        assertEquals(0, asks.sender().minorHints());
        assertFalse(asks.sender().likelyMinor());
        assertEquals(1, says.sender().minorHints());
        assertTrue(says.sender().likelyMinor());
    }

    @Test
    void shouldGiveAStatementOfReasonsWithEveryAction() {
        // given a mix of situations that act
        Chat grooming = new Chat(adult("u-adult"), kid("u-kid"));
        grooming.say("m-1", "u-adult", "u-kid", T0, "t'es mature pour ton age");
        grooming.say("m-2", "u-adult", "u-kid", minutes(1), "dis rien a tes parents, envoie une photo");
        grooming.say("m-3", "u-adult", "u-kid", minutes(2), "on se voit, tes parents te comprennent pas");
        Chat threats = new Chat(adult("u-1"), adult("u-2"));
        threats.say("m-4", "u-1", "u-2", T0, "je sais ou tu habites");
        threats.say("m-5", "u-1", "u-2", minutes(1), "je sais ou tu habites, slurword");
        List<Assessment> all = new ArrayList<>(grooming.results);
        all.addAll(threats.results);
        all.add(fx.session.assess(msg("m-6", "c-9", "u-9", "u-2", T0, "salut"), null,
                adult("u-9").withConfirmedAlert(true), null));
        all.add(fx.session.assess(Fixture.withAttachment("m-7", "c-8", "u-1", "u-2", T0, Fixture.KNOWN_SHA),
                null, null, null));

        // then every enforcement command explains itself to the user
        List<ActionCommand> actions = all.stream().flatMap(a -> a.actions().stream()).toList();
        assertTrue(actions.size() >= 5, "the scenarios must act: " + actions.size());
        for (ActionCommand c : actions) {
            assertTrue(c.action().enforces());
            assertNotNull(c.statement(), c.toString());
            assertTrue(c.statement().automated());
            assertFalse(c.statement().facts().isEmpty(), c.toString());
            assertFalse(c.statement().redress().isBlank());
            assertNull(c.until());
            assertNotNull(c.reason());
        }
    }

    @Test
    void shouldCarryTheConversationsContextSumFromOneMessageToTheNext() {
        // given the default engine (its risk model has a context output) and the cues its extractor gives alone
        ModerationEngine engine = ModerationEngine.defaults();
        io.vigie.core.cue.CueExtractor extractor = engine.cueModel().newExtractor();
        String first = "t'es vraiment mature pour ton âge";
        String second = "on se voit samedi, dis rien à personne";
        float afterFirst = extractor.extract(first, List.of(), T0.toEpochMilli()).contextSum();
        float afterSecond = extractor.extract(second, List.of(), T0.plusSeconds(60).toEpochMilli(), afterFirst, 1)
                .contextSum();
        // when the session assesses the conversation message by message
        ModerationSession session = engine.newSession();
        ConversationState s1 = session.assess(msg("m1", "c-ctx", "u-a", "u-b", T0, first), null, null, Map.of())
                .conversation();
        ConversationState s2 = session.assess(msg("m2", "c-ctx", "u-a", "u-b", T0.plusSeconds(60), second), s1, null,
                Map.of()).conversation();
        // then the state carries the running sum that the next message's context score starts from
        assertTrue(afterFirst != 0f && afterSecond != afterFirst, afterFirst + " then " + afterSecond);
        assertEquals(afterFirst, s1.context(), 1e-6);
        assertEquals(afterSecond, s2.context(), 1e-6);
        // and a reviewer's dismissal or an erasure keeps it
        assertEquals(s2.context(), session.dismiss(s2, List.of("grooming.meeting")).context());
        assertEquals(s2.context(), session.erase(s2, "u-b").context());
    }

    @Test
    void shouldHoldALoneWeakAlertUntilASecondMessageOfTheConversationDeservesOne() {
        // given the default policy (a first MEDIUM alert below 50 waits) and two adults
        Fixture fx50 = new Fixture(Policy.defaults());
        ConversationState conv = null;

        // when a weak slur (45) comes once, then small talk
        Assessment first = fx50.session.assess(msg("m-1", "c-1", "u-1", "u-2", T0, "slurword"), conv,
                adult("u-1"), Map.of("u-2", adult("u-2")));
        Assessment talk = fx50.session.assess(msg("m-2", "c-1", "u-2", "u-1", minutes(1), "bonjour"),
                first.conversation(), adult("u-2"), Map.of("u-1", adult("u-1")));

        // then nobody is alerted yet, and the conversation remembers what it holds
        assertEquals(Severity.MEDIUM, first.severity());
        assertNull(first.alert(), "a lone weak finding waits");
        assertTrue(first.actions().isEmpty());
        assertEquals(java.util.Set.of(Category.HATE_HOMOPHOBIC), first.conversation().held());
        assertEquals("m-1", first.conversation().heldMessageId());
        assertTrue(first.conversation().alerted().isEmpty());
        assertNull(talk.alert());
        assertEquals("m-1", talk.conversation().heldMessageId());

        // when the slur comes back
        Assessment again = fx50.session.assess(msg("m-3", "c-1", "u-1", "u-2", minutes(2), "slurword"),
                talk.conversation(), adult("u-1"), Map.of("u-2", adult("u-2")));

        // then the alert is raised, with the held message's evidence beside its own, and nothing is held any more
        assertNotNull(again.alert());
        assertEquals(List.of(Category.HATE_HOMOPHOBIC), again.alert().categories());
        assertEquals(List.of("m-3", "m-1"), again.alert().signals().stream().map(Alert.Signal::messageId).toList());
        assertTrue(again.conversation().held().isEmpty());
        assertNull(again.conversation().heldMessageId());
        assertEquals(Severity.MEDIUM, again.conversation().alerted().get(Category.HATE_HOMOPHOBIC));
    }

    @Test
    void shouldReleaseAHeldCategoryWithTheNextAlertOfAnotherCategoryAndNeverHoldAStrongOne() {
        // given the default policy, a weak slur held in one conversation
        Fixture fx50 = new Fixture(Policy.defaults());
        Assessment held = fx50.session.assess(msg("m-1", "c-1", "u-1", "u-2", T0, "slurword"), null,
                adult("u-1"), Map.of("u-2", adult("u-2")));

        // when a threat (75) follows, and the same threat opens another conversation
        Assessment threat = fx50.session.assess(msg("m-2", "c-1", "u-1", "u-2", minutes(1),
                "je sais ou tu habites"), held.conversation(), adult("u-1"), Map.of("u-2", adult("u-2")));
        Assessment fresh = fx50.session.assess(msg("m-9", "c-2", "u-1", "u-2", minutes(1),
                "je sais ou tu habites"), null, adult("u-1"), Map.of("u-2", adult("u-2")));

        // then the threat's alert carries the held category and its evidence; a strong first alert never waits
        assertEquals(List.of(Category.HATE_HOMOPHOBIC, Category.THREAT), threat.alert().categories());
        assertTrue(threat.alert().signals().stream().anyMatch(s -> "m-1".equals(s.messageId())
                && "hate.slur".equals(s.ruleId())));
        assertEquals(Severity.MEDIUM, threat.conversation().alerted().get(Category.HATE_HOMOPHOBIC));
        assertEquals(Severity.HIGH, threat.conversation().alerted().get(Category.THREAT));
        assertNotNull(fresh.alert(), "a HIGH first alert is raised at once");
        assertTrue(fresh.conversation().held().isEmpty());
    }
}
