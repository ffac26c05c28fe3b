package io.vigie.core.rule;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Stage;
import io.vigie.core.cue.CueExtractor;
import io.vigie.core.cue.MessageCues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulePackEvaluationTest {

    private static final String PACK = """
            rules:
              - id: t.secrecy_minor
                description: secrecy with a likely minor
                categories: [CHILD_GROOMING]
                score: 40
                stage: SECRECY
                when:
                  any: [grooming.secrecy]
                  recipientLikelyMinor: true
              - id: t.meeting_gap
                description: meeting with an age gap
                categories: [CHILD_GROOMING]
                score: 30
                when:
                  any: [grooming.meeting]
                  minAgeGap: 5
              - id: t.stages_all
                description: meeting after secrecy and trust
                categories: [CHILD_GROOMING]
                score: 30
                when:
                  any: [grooming.meeting]
                  stagesSeen: {all: [SECRECY, TRUST]}
              - id: t.two_of
                description: two of three contact cues
                categories: [OFF_PLATFORM]
                score: 10
                when:
                  any: [contact.app, contact.phone, contact.handle]
                  min: 2
              - id: t.hate
                description: slur not in counter-speech
                categories: [HATE_HOMOPHOBIC]
                score: 40
                when:
                  any: [hate.slur]
                  none: [speech.counter]
              - id: t.shadow_new
                description: new account, private only
                categories: [OFF_PLATFORM]
                score: 10
                shadow: true
                when:
                  any: [contact.app]
                  senderAccountAgeMaxHours: 2
                  privateOnly: true
              - id: t.regex
                description: regex on folded text, gated by the trade cue
                categories: [CSAM]
                score: 80
                evidence: regex
                when:
                  all: [csam.exchange]
                  regex: '\\b(\\d+)-(\\d+) ans'
              - id: t.adult
                description: stated adult sender
                categories: [CHILD_GROOMING]
                score: 5
                when:
                  any: [minor_sex.photo_request]
                  senderLikelyAdult: true
              - id: t.alone
                description: come alone, said to a likely minor with no adult witness
                categories: [CHILD_GROOMING]
                score: 40
                when:
                  any: [meeting.alone]
                  recipientLikelyMinor: true
                  adultWitness: false
            """;

    private final FakeCueModel model = new FakeCueModel();
    private final CueExtractor extractor = model.newExtractor();

    @TempDir
    Path dir;

    @Test
    void shouldFireSecrecyOnlyWithALikelyMinorRecipient() throws Exception {
        RulePack pack = pack();
        assertEquals(List.of("t.secrecy_minor"), ids(pack, "dis rien à tes parents", Contexts.of(30, 13)));
        assertEquals(List.of(), ids(pack, "dis rien à tes parents", Contexts.of(30, 25)));
    }

    @Test
    void shouldMarkTheStageAndTheRawEvidenceSpan() throws Exception {
        // given
        RulePack pack = pack();
        String text = "Écoute: DIS RIEN À TES PARENTS stp";

        // when
        Finding f = findings(pack, text, Contexts.of(30, 13)).get(0);

        // then
        assertEquals(Stage.SECRECY, f.stage());
        assertEquals("DIS RIEN À TES PARENTS", f.evidence());
        assertEquals(text.indexOf("DIS"), f.start());
        assertEquals(text.indexOf(" stp"), f.end());
    }

    @Test
    void shouldUseStatedThenDeclaredAgeForTheAgeGap() throws Exception {
        RulePack pack = pack();
        Alert.PersonAge youngStated = new Alert.PersonAge("r", 19, 13, true);
        ScoringContext declared19Stated13 = new ScoringContext(Contexts.person("s", 20), List.of(youngStated), -1,
                Set.of(), 0);
        assertEquals(List.of("t.meeting_gap"), ids(pack, "on se voit samedi", declared19Stated13));
        assertEquals(List.of(), ids(pack, "on se voit samedi", Contexts.of(20, 19)));
        assertEquals(List.of(), ids(pack, "on se voit samedi", Contexts.of(null, 13)));
        // the sender's age stated in this very message counts
        assertEquals(List.of("t.meeting_gap"), ids(pack, "j'ai 35 ans, on se voit samedi", Contexts.of(null, 25)));
    }

    @Test
    void shouldSkipAMeetingProposedInFrontOfAParentButNotInFrontOfAnotherChildOrAnEighteenYearOld() throws Exception {
        RulePack pack = pack();
        Alert.PersonAge child = new Alert.PersonAge("k", 14, null, true);
        ScoringContext withMother = new ScoringContext(Contexts.person("s", 31),
                List.of(child, new Alert.PersonAge("m", 44, null, false)), -1, Set.of(), 0);
        ScoringContext withFriend = new ScoringContext(Contexts.person("s", 31),
                List.of(child, new Alert.PersonAge("f", 14, null, true)), -1, Set.of(), 0);
        ScoringContext withEighteen = new ScoringContext(Contexts.person("s", 31),
                List.of(child, new Alert.PersonAge("e", 18, null, false)), -1, Set.of(), 0);
        assertFalse(ids(pack, "viens seule samedi", withMother).contains("t.alone"));
        assertTrue(ids(pack, "viens seule samedi", withFriend).contains("t.alone"));
        assertTrue(ids(pack, "viens seule samedi", withEighteen).contains("t.alone"),
                "minors type 18: only a recipient known to be 25 or older is a witness");
        assertTrue(ids(pack, "viens seule samedi", Contexts.of(31, 14)).contains("t.alone"));
        // the sender listed among the recipients is no witness, nor is an adult in a public room's audience
        ScoringContext selfListed = new ScoringContext(Contexts.person("s", 31),
                List.of(child, Contexts.person("s", 31)), -1, Set.of(), 0);
        assertTrue(ids(pack, "viens seule samedi", selfListed).contains("t.alone"));
        ScoringContext room = new ScoringContext(Contexts.person("s", 31),
                List.of(child, new Alert.PersonAge("m", 44, null, false)), -1, Set.of(), 0, ConversationWindow.NONE,
                false, true);
        assertTrue(ids(pack, "viens seule samedi", room).contains("t.alone"));
    }

    @Test
    void shouldRequireAllListedStagesWhenStagesSeenAll() throws Exception {
        RulePack pack = pack();
        assertEquals(List.of("t.stages_all"), ids(pack, "on se voit samedi",
                Contexts.of(null, null, Stage.SECRECY, Stage.TRUST, Stage.AGE_CHECK)));
        assertEquals(List.of(), ids(pack, "on se voit samedi", Contexts.of(null, null, Stage.SECRECY)));
    }

    @Test
    void shouldCountAnyCuesAgainstMinAndEvaluateOnceWhenSeveralFire() throws Exception {
        RulePack pack = pack();
        assertEquals(List.of(), ids(pack, "ajoute moi sur snap", ScoringContext.none()));
        assertEquals(List.of("t.two_of"), ids(pack, "ajoute moi sur snap @lea_93 ou 06 12 34 56 78",
                ScoringContext.none()));
    }

    @Test
    void shouldNotFireWhenANoneCueIsPresent() throws Exception {
        RulePack pack = pack();
        assertEquals(List.of("t.hate"), ids(pack, "t'es qu'une tapette", ScoringContext.none()));
        assertEquals(List.of(), ids(pack, "arrêtez de dire tapette", ScoringContext.none()));
    }

    @Test
    void shouldFlagShadowFindingsAndHonourAccountAgeAndPrivateOnly() throws Exception {
        RulePack pack = pack();
        ScoringContext newPrivate = new ScoringContext(Contexts.person("s", 30), List.of(Contexts.person("r", 30)),
                3_600_000L, Set.of(), 0);
        ScoringContext oldPrivate = new ScoringContext(Contexts.person("s", 30), List.of(Contexts.person("r", 30)),
                10 * 3_600_000L, Set.of(), 0);
        ScoringContext newPublic = new ScoringContext(Contexts.person("s", 30), List.of(), 3_600_000L, Set.of(), 0);
        List<Finding> fired = findings(pack, "ajoute moi sur snap", newPrivate);
        assertEquals(1, fired.size());
        assertTrue(fired.get(0).shadow());
        assertEquals(List.of(), ids(pack, "ajoute moi sur snap", oldPrivate));
        assertEquals(List.of(), ids(pack, "ajoute moi sur snap", newPublic));
    }

    @Test
    void shouldRunRegexOnFoldedTextAndReportItsRawSpan() throws Exception {
        // given
        RulePack pack = pack();
        String text = "ÉCHANGE PACK 11-13 ANS";

        // when
        Finding f = findings(pack, text, ScoringContext.none()).get(0);

        // then
        assertEquals("t.regex", f.ruleId());
        assertEquals("11-13 ANS", f.evidence());
        assertEquals(13, f.start());
        assertEquals(text.length(), f.end());
        assertEquals(List.of(), ids(pack, "groupe des 11-13 ans", ScoringContext.none()), "gated by csam.exchange");
        assertEquals(List.of(), ids(pack, "échange pack 2 joueurs", ScoringContext.none()));
    }

    @Test
    void shouldTreatUnknownSenderAgeAsNotAdult() throws Exception {
        RulePack pack = pack();
        assertEquals(List.of(), ids(pack, "envoie une photo", Contexts.of(null, 13)));
        assertEquals(List.of("t.adult"), ids(pack, "envoie une photo", Contexts.of(30, 13)));
        assertEquals(List.of("t.adult"), ids(pack, "j'ai 30 ans envoie une photo", Contexts.of(null, 13)));
    }

    @Test
    void shouldIsolateARuleThatThrowsAndKeepTheOthers() throws Exception {
        // given features whose span lookup for the secrecy cue throws
        RulePack pack = pack();
        MessageCues real = extractor.extract("dis rien à tes parents, t'es qu'une tapette", List.of(), 0);
        int secrecy = model.cues().id("grooming.secrecy");
        MessageCues broken = new ThrowingFeatures(real, secrecy);
        List<Finding> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();

        // when
        pack.evaluate(broken, Contexts.of(30, 13), out, errors);

        // then
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("t.secrecy_minor: "), errors.get(0));
        assertEquals(List.of("t.hate"), out.stream().map(Finding::ruleId).toList());
    }

    @Test
    void shouldAllocateNothingWhenNoRuleFires() throws Exception {
        // given a message with cues that fire no rule, and one with none
        RulePack pack = pack();
        MessageCues cuesNoRule = extractor.extract("ajoute moi sur snap", List.of(), 0);
        List<Finding> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        ScoringContext ctx = Contexts.of(30, 25);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            pack.evaluate(cuesNoRule, ctx, out, errors);
        }

        // when
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            pack.evaluate(cuesNoRule, ctx, out, errors);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;

        // then: a single allocation per call would be >= 1.6 MB
        assertTrue(out.isEmpty() && errors.isEmpty());
        assertTrue(allocated < 64_000, "allocated " + allocated + " bytes over 100k evaluations");
    }

    @Test
    void shouldRejectNothingAndFireNothingOnAnEmptyMessage() throws Exception {
        io.vigie.core.cue.CueModel real = io.vigie.core.cue.CueModels.defaults();
        RulePack pack = RulePackLoader.defaults(real);
        List<Finding> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        pack.evaluate(real.newExtractor().extract("", List.of(), RuleTester.EXAMPLE_TIME_MS), ScoringContext.none(), out,
                errors);
        assertEquals(List.of(), out);
        assertEquals(List.of(), errors);
        assertFalse(pack.ruleIds().isEmpty());
    }

    private RulePack pack() throws Exception {
        Files.writeString(dir.resolve("p.yaml"), PACK);
        return RulePackLoader.load(dir, model);
    }

    private List<String> ids(RulePack pack, String text, ScoringContext ctx) {
        return findings(pack, text, ctx).stream().map(Finding::ruleId).sorted().toList();
    }

    private List<Finding> findings(RulePack pack, String text, ScoringContext ctx) {
        MessageCues f = extractor.extract(text, List.of(), RuleTester.EXAMPLE_TIME_MS);
        List<Finding> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        pack.evaluate(f, ctx, out, errors);
        assertEquals(List.of(), errors);
        return out;
    }

    /** Delegates, but throws when a rule asks for the span of one cue. */
    private record ThrowingFeatures(MessageCues d, int badCue) implements MessageCues {
        @Override
        public CharSequence raw() {
            return d.raw();
        }

        @Override
        public boolean has(int cueId) {
            return d.has(cueId);
        }

        @Override
        public int count(int cueId) {
            return d.count(cueId);
        }

        @Override
        public int start(int cueId) {
            if (cueId == badCue) {
                throw new IllegalStateException("broken span");
            }
            return d.start(cueId);
        }

        @Override
        public int end(int cueId) {
            return d.end(cueId);
        }

        @Override
        public int statedAge() {
            return d.statedAge();
        }

        @Override
        public int statedAgeStart() {
            return d.statedAgeStart();
        }

        @Override
        public int statedAgeEnd() {
            return d.statedAgeEnd();
        }

        @Override
        public int[] firedCues() {
            return d.firedCues();
        }

        @Override
        public int firedCount() {
            return d.firedCount();
        }
    }
}
