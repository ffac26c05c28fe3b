package io.vigie.core.assess;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Attachment;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.state.ConversationState;
import io.vigie.core.ModerationEngine;
import io.vigie.core.ModerationSession;
import io.vigie.core.contract.Severity;
import io.vigie.core.state.UserState;
import io.vigie.core.load.LoadException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.Map;

import static io.vigie.core.assess.Fixture.T0;
import static io.vigie.core.assess.Fixture.adult;
import static io.vigie.core.assess.Fixture.minutes;
import static io.vigie.core.assess.Fixture.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real embedded lexicons and rule pack end to end through {@link ModerationEngine#defaults()}. */
class ModerationEngineDefaultsTest {

    private static ModerationEngine engine;

    @BeforeAll
    static void compileOnce() {
        engine = ModerationEngine.defaults();
    }

    @Test
    void shouldDescribeItsRulesAndVersion() {
        assertTrue(engine.rulesVersion().contains("+"), engine.rulesVersion());
        assertTrue(engine.ruleIds().contains(ModerationEngine.KNOWN_MEDIA_RULE));
        assertTrue(engine.ruleIds().size() > 10, "" + engine.ruleIds());
        assertEquals(Policy.defaults(), engine.policy());
    }

    @Test
    void shouldHoldThenEscalateAnAdultGroomingAUserWhoSaidTheyAre13() {
        // given an adult, and a user who declared 18 but says 13 in the conversation
        ModerationSession session = engine.newSession();
        UserState grown = adult("u-adult");
        UserState kid = Fixture.declared("u-kid", 18);
        ConversationState conv = null;
        List<Assessment> seen = new ArrayList<>();
        StringBuilder trace = new StringBuilder();
        String[][] script = {
            {"u-adult", "slt asv ?"},
            {"u-kid", "j'ai 13 ans et toi"},
            {"u-adult", "t'es mature pour ton âge"},
            {"u-adult", "c'est notre secret, dis rien à tes parents"},
            {"u-adult", "tes parents te comprennent pas"},
            {"u-adult", "on se voit samedi ?"},
        };

        // when the script runs, threading the states as the stream app does
        for (int i = 0; i < script.length; i++) {
            boolean fromAdult = script[i][0].equals("u-adult");
            UserState from = fromAdult ? grown : kid;
            UserState to = fromAdult ? kid : grown;
            ChatMessage m = msg("m-" + i, "c-1", from.userId(), to.userId(), minutes(i), script[i][1]);
            Assessment a = session.assess(m, conv, from, Map.of(to.userId(), to));
            conv = a.conversation();
            if (fromAdult) {
                grown = a.sender();
            } else {
                kid = a.sender();
            }
            seen.add(a);
            trace.append('\n').append(script[i][1]).append(" -> ").append(a.findings().stream()
                    .map(f -> f.ruleId() + ":" + f.score()).toList()).append(' ').append(a.severity()).append(' ')
                    .append(a.actions().stream().map(c -> c.action()).toList());
        }

        // then the kid's statement is learned, the adult is held and finally escalated, with reasons
        assertEquals(13, kid.statedAge());
        assertTrue(kid.likelyMinor());
        Assessment last = seen.get(seen.size() - 1);
        assertEquals(Severity.CRITICAL, last.severity(), trace::toString);
        assertEquals(List.of(Action.HOLD), seen.get(3).actions().stream().map(c -> c.action()).toList(),
                trace::toString);
        assertEquals(Action.ESCALATE, last.actions().get(0).action(), trace::toString);
        assertNotNull(last.actions().get(0).statement());
        List<Alert> alerts = seen.stream().map(Assessment::alert).filter(a -> a != null).toList();
        assertFalse(alerts.isEmpty());
        for (Alert a : alerts) {
            assertTrue(a.categories().contains(Category.CHILD_GROOMING), a.toString());
            for (Alert.Signal s : a.signals()) {
                if (s.start() >= 0) {
                    // a span indexes the message it was found in: the alerted one, or one of its lead-up
                    String in = s.messageId() == null || s.messageId().equals(a.messageId()) ? a.text()
                            : a.context().stream().filter(c -> c.messageId().equals(s.messageId())).findFirst()
                                    .orElseThrow(() -> new AssertionError("no lead-up message " + s.messageId()))
                                    .text();
                    assertEquals(s.evidence(), in.substring(s.start(), s.end()), s.toString());
                }
            }
        }
    }

    @Test
    void shouldNotTakeAnAdultEchoingTheChildsAgeForAChild() {
        // given a child who answered "12" to an adult's question
        ModerationSession session = engine.newSession();
        UserState grown = adult("u-adult");
        UserState kid = UserState.unknown("u-kid");
        ConversationState conv = null;
        String[][] script = {
            {"u-adult", "what grade are you in?"},
            {"u-kid", "7th. im twelve"},
            {"u-adult", "Twelve! you write better than that. when are you home on your own?"},
            {"u-adult", "15 ? no, 12 then"},
        };

        // when the adult echoes the age back, and guesses another one with a question mark
        Assessment last = null;
        Assessment echo = null;
        for (int i = 0; i < script.length; i++) {
            boolean fromAdult = script[i][0].equals("u-adult");
            UserState from = fromAdult ? grown : kid;
            UserState to = fromAdult ? kid : grown;
            last = session.assess(msg("m-" + i, "c-1", from.userId(), to.userId(), minutes(i), script[i][1]), conv,
                    from, Map.of(to.userId(), to));
            conv = last.conversation();
            if (fromAdult) {
                grown = last.sender();
            } else {
                kid = last.sender();
            }
            if (i == 2) {
                echo = last;
            }
        }

        // then only the child's age is learned: the adult stays an adult talking to a likely minor, for the rules
        // of the echoing message too
        List<String> echoRules = echo.findings().stream().map(f -> f.ruleId()).toList();
        assertTrue(echoRules.contains("grooming.risk_with_minor"), echoRules::toString);
        assertEquals(12, kid.statedAge());
        assertNull(grown.statedAge());
        assertFalse(grown.likelyMinor());
        assertTrue(conv.learnedAges().get("u-kid").likelyMinor());
        assertFalse(conv.learnedAges().containsKey("u-adult") && conv.learnedAges().get("u-adult").likelyMinor());
    }

    /** One private message of a two-person conversation, after {@code before} (null for the first). */
    private static Assessment say(ModerationSession session, Assessment before, UserState from, UserState to,
                                  String text) {
        int i = before == null ? 0 : before.conversation().messages();
        return session.assess(msg("m-" + i, "c-two", from.userId(), to.userId(), minutes(i), text),
                before == null ? null : before.conversation(), from, Map.of(to.userId(), to));
    }

    @Test
    void shouldReadABareAgeEqualToTheRecipientsDeclaredOneAsTheirsNotTheWriters() {
        // given a grandmother (declared 67) writing to her grandson, who declared 10
        ModerationSession session = engine.newSession();
        UserState gran = Fixture.declared("u-gran", 67);
        UserState tom = Fixture.declared("u-tom", 10);

        // when she remarks on his age, then says in the first person that she is 10 at heart
        Assessment remark = say(session, null, gran, tom, "10 ans pis tu joues déjà mieux que moi 😂");
        Assessment own = say(session, remark, remark.sender(), tom, "moi j'ai 10 ans dans ma tête");

        // then the remark is his age, not hers; a first-person age stays the writer's whatever it equals
        assertNull(remark.sender().statedAge());
        assertFalse(remark.sender().likelyMinor());
        assertEquals(10, own.sender().statedAge());
    }

    @Test
    void shouldNeedTheFirstPersonToTakeADeclaredAdultForAChild() {
        // given a PE teacher who declared 44 and a child who declared 18 to get in
        ModerationSession session = engine.newSession();
        UserState teacher = Fixture.declared("u-prof", 44);
        UserState child = Fixture.declared("u-kid", 18);

        // when the teacher names a school break and the child says her grade
        Assessment staff = say(session, null, teacher, child, "pour les photos on fait les équipes après la récré");
        Assessment kid = say(session, staff, child, staff.sender(), "jsuis en 4e moi");

        // then the bare school word leaves the adult an adult; the first-person grade makes the child a likely minor
        assertFalse(staff.sender().likelyMinor());
        assertTrue(kid.sender().likelyMinor());
    }

    @Test
    void shouldUseTheAgeASenderStatedEarlierInTheConversationWhenTheStoredUserDoesNotCarryIt() {
        // given facts learned only per conversation (moderation.facts.learned.scope=own-conversation): the stored
        // users stay unknown, the conversation keeps what each one said of their age
        ModerationSession session = engine.newSession();
        Assessment a1 = session.assess(msg("m-1", "c-3", "u-a", "u-k", minutes(0), "moi j'ai 35 ans"), null,
                UserState.unknown("u-a"), Map.of("u-k", UserState.unknown("u-k")));
        Assessment a2 = session.assess(msg("m-2", "c-3", "u-k", "u-a", minutes(1), "et moi j'ai 12 ans"),
                a1.conversation(), UserState.unknown("u-k"), Map.of("u-a", UserState.unknown("u-a")));

        // when the adult proposes to meet, his stored state still unknown
        Assessment a3 = session.assess(msg("m-3", "c-3", "u-a", "u-k", minutes(2), "on se voit demain ?"),
                a2.conversation(), UserState.unknown("u-a"), Map.of("u-k", UserState.unknown("u-k")));

        // then the rules see a 35-year-old asking a 12-year-old: the age-gap rule fires
        List<String> rules = a3.findings().stream().map(f -> f.ruleId()).toList();
        assertTrue(rules.contains("grooming.meeting_age_gap"), rules::toString);
    }

    @Test
    void shouldTakeASchoolGradeForTheWritersOwnWhenTheQuestionIsAnotherSentence() {
        // given an adult who asks the grade back, and a child who states hers then asks something else
        ModerationSession session = engine.newSession();
        UserState grown = adult("u-adult");
        UserState kid = UserState.unknown("u-kid");

        // when
        Assessment asked = session.assess(msg("m-1", "c-2", "u-adult", "u-kid", minutes(0), "t'es en 4e ?"), null,
                grown, Map.of("u-kid", kid));
        Assessment told = session.assess(msg("m-2", "c-2", "u-kid", "u-adult", minutes(1),
                "jsuis en 4e. c'est trop jeune ?"), asked.conversation(), kid, Map.of("u-adult", asked.sender()));

        // then the question marks nobody; the child's statement marks her as a likely minor
        assertFalse(asked.sender().likelyMinor());
        assertTrue(told.sender().likelyMinor());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "troisième mi-temps samedi au club-house | false", "attends une seconde je reviens | false",
        "c'est la première fois que je viens ici | false", "j'habite au 3e étage sans ascenseur | false",
        "back in high school i was the same | false", "U14 team photo on Saturday, consent forms please | false",
        "jsuis en 4e | true", "je passe en troisième l'an prochain | true", "je redouble ma seconde | true",
        "im in 8th grade lol | true", "i play in the u13s on sundays | true",
        "notre fils, 14 ans, 2e secondaire, nous a dit qu'il est trans. je suis un peu perdu | false",
        "my daughter is in year 8 and i still walk her to the gate | false"})
    void shouldTakeASchoolYearForTheWritersOwnOnlyWhenTheWriterIsInIt(String text, boolean minor) {
        // given a profile that says adult (children type 18 to get in, adults name grades in everyday talk)
        ModerationSession session = engine.newSession();
        UserState grown = adult("u-writer");

        // when the message names a school year or a youth team
        Assessment a = session.assess(msg("m-1", "c-3", "u-writer", "u-other", minutes(0), text), null, grown,
                Map.of());

        // then only the writer's own school year overrules the declared age
        assertEquals(minor, a.sender().likelyMinor(), text);
    }

    @Test
    void shouldAllocateNothingOnTheHotPathWhenNothingFires() {
        // given a warmed-up session and a benign text
        ModerationSession session = engine.newSession();
        String text = "salut, tu regardes le match ce soir avec tes potes ?";
        for (int i = 0; i < 20_000; i++) {
            session.score(text, null, T0.toEpochMilli());
        }
        com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();

        // when it is scored again many times
        long before = bean.getThreadAllocatedBytes(id);
        int fired = 0;
        for (int i = 0; i < 10_000; i++) {
            fired += session.score(text, null, T0.toEpochMilli()).size();
        }
        long allocated = bean.getThreadAllocatedBytes(id) - before;

        // then nothing fired and (almost) nothing was allocated: well under one byte per message
        assertEquals(0, fired);
        assertTrue(allocated < 10_000, "allocated " + allocated + " bytes for 10,000 messages");
    }

    @Test
    void shouldLeaveBenignChatAlone() {
        ModerationSession session = engine.newSession();
        ConversationState conv = null;
        String[] lines = {"salut ça va ?", "tranquille, tu regardes le match ce soir ?", "oui avec mes potes",
            "j'ai 34 ans et toujours pas de télé lol", "bonne soirée"};
        for (int i = 0; i < lines.length; i++) {
            Assessment a = session.assess(msg("m-" + i, "c-1", "u-1", "u-2", minutes(i), lines[i]), conv,
                    adult("u-1"), Map.of("u-2", adult("u-2")));
            conv = a.conversation();
            assertNull(a.alert(), lines[i]);
            assertTrue(a.actions().isEmpty(), lines[i]);
        }
    }

    @Test
    void shouldLetTheRiskModelVetoALexiconHitOnlyOnceItHasReadTheConversationsOpening() {
        // given the same line alone, and after five messages of small talk
        String line = "je sais où tu habites";
        String[] smallTalk = {"salut", "t'as vu le match", "oui nul", "bon à demain", "ok bonne soirée"};
        ModerationSession session = engine.newSession();

        // when
        Assessment alone = session.assess(msg("m-0", "c-alone", "u-a", "u-b", minutes(0), line), null, null, null);
        ConversationState conv = null;
        for (int i = 0; i < smallTalk.length; i++) {
            String from = i % 2 == 0 ? "u-a" : "u-b";
            conv = session.assess(msg("m-" + i, "c-talk", from, from.equals("u-a") ? "u-b" : "u-a", minutes(i),
                    smallTalk[i]), conv, null, null).conversation();
        }
        Assessment afterTalk = session.assess(msg("m-9", "c-talk", "u-a", "u-b", minutes(9), line), conv, null,
                null);

        // then the pack's gate (the model reads one of the last 12 messages as more than everyday talk, from the
        // 4th message on) lets the rules speak at the start (a lone weak threat, held for corroboration) and vetoes
        // them once the model read everyday talk
        assertEquals(Set.of(Category.THREAT), alone.conversation().held(), "alone");
        assertEquals(Severity.MEDIUM, alone.severity());
        assertNull(afterTalk.alert(), () -> "after small talk: " + afterTalk.alert());
        assertNull(afterTalk.severity(), "after small talk nothing fires");
    }

    @Test
    void shouldCheckAFilesGateInAConversationWhoseEarlierMessagesCarriedNoWindowCue(@TempDir Path dir)
            throws Exception {
        // given a pack whose only window cue is the gate's: talk of an article, from the conversation's 3rd message
        Files.writeString(dir.resolve("gated.yaml"), """
                gate:
                  window: {any: [speech.news], by: any, messages: 12, from: 3}
                rules:
                  - id: test.doxxing
                    description: knows where you live
                    categories: [THREAT]
                    score: 60
                    when:
                      all: [threat.doxx]
                """, StandardCharsets.UTF_8);
        ModerationSession session = ModerationEngine.load(dir, null, null, null).newSession();
        String line = "je sais où tu habites";

        // when the line comes second, third after small talk, third after an article
        Assessment second = say(session, "c-2", List.of("salut"), line);
        Assessment third = say(session, "c-3", List.of("salut", "ça va"), line);
        Assessment afterNews = say(session, "c-4", List.of("t'as lu l'article du journal", "ça va"), line);

        // then the gate holds before its message, and counts the messages that left nothing in the window
        assertNotNull(second.alert(), "second");
        assertNull(third.alert(), () -> "third: " + third.alert());
        assertNotNull(afterNews.alert(), "after the article");
    }

    private static Assessment say(ModerationSession session, String conversation, List<String> before, String text) {
        ConversationState conv = null;
        for (int i = 0; i < before.size(); i++) {
            conv = session.assess(msg(conversation + "-" + i, conversation, "u-a", "u-b", minutes(i), before.get(i)),
                    conv, null, null).conversation();
        }
        return session.assess(msg(conversation + "-x", conversation, "u-a", "u-b", minutes(before.size()), text),
                conv, null, null);
    }

    @Test
    void shouldEscalateAnAttachmentOnAnOperatorHashList(@TempDir Path dir) throws Exception {
        // given a hash list holding the SHA-256 of a generated file
        String sha = sha256("synthetic test file for the known-media path");
        Files.writeString(dir.resolve("test.sha256"), sha + "\n", StandardCharsets.UTF_8);
        ModerationSession session = ModerationEngine.load(null, null, dir, null).newSession();

        // when a message carries it
        ChatMessage m = new ChatMessage("message", "m-1", "c-1", null, "u-1", List.of("u-2"), T0, "",
                List.of(new Attachment("image", sha, null, "image/jpeg")), null);
        Assessment a = session.assess(m, null, null, null);

        // then it is CRITICAL and escalated
        assertEquals(Severity.CRITICAL, a.alert().severity());
        assertEquals(Alert.Kind.KNOWN_MEDIA, a.alert().kind());
        assertEquals(Action.ESCALATE, a.actions().get(0).action());
    }

    @Test
    void shouldRefuseABadRulesFolderWithFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "rules:\n  - id: x\n    score: lots\n", StandardCharsets.UTF_8);
        LoadException e = assertThrows(LoadException.class,
                () -> ModerationEngine.load(dir, null, null, null));
        assertTrue(e.errors().get(0).toString().contains("bad.yaml"), e.getMessage());
    }

    private static String sha256(String s) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
