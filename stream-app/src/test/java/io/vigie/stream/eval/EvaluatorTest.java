package io.vigie.stream.eval;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Severity;
import io.vigie.stream.eval.EvalResult.CategoryResult;
import io.vigie.stream.eval.EvalResult.Ratio;
import io.vigie.stream.eval.EvalResult.RuleHits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.vigie.core.contract.Category.AMBUSH;
import static io.vigie.core.contract.Category.CHILD_GROOMING;
import static io.vigie.core.contract.Category.HATE_HOMOPHOBIC;
import static io.vigie.core.contract.Category.MINOR_SEXUALIZATION;
import static io.vigie.core.contract.Category.OFF_PLATFORM;
import static io.vigie.core.contract.Category.PROSTITUTION;
import static io.vigie.core.contract.Category.THREAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scoring on small synthetic label and alert sets: no replay here, the transcript and alerts are built by hand. */
class EvaluatorTest {

    @TempDir
    Path dir;

    private final StringBuilder labelJson = new StringBuilder();
    private final Transcript transcript = new Transcript(List.of(Path.of("in.jsonl")));
    private final List<Alert> alerts = new ArrayList<>();

    /** A labelled conversation of {@code messages} messages c-m0..; the label flags message {@code flag} (-1: none). */
    private void conversation(String id, int messages, int flag, String language, String kind, Category... labels) {
        StringBuilder cats = new StringBuilder();
        for (Category c : labels) {
            cats.append(cats.length() == 0 ? "" : ",").append('"').append(c).append('"');
        }
        labelJson.append(labelJson.length() == 0 ? "{" : ",").append(String.format(
                "\"%s\": {\"labels\": [%s], \"firstFlagMessageId\": %s, \"language\": \"%s\", \"kind\": \"%s\", "
                        + "\"notes\": \"note of %s\"}", id, cats, flag < 0 ? "null" : "\"" + id + "-m" + flag + "\"",
                language, kind, id));
        messages(id, messages, true);
    }

    private void messages(String id, int n, boolean labelled) {
        for (int i = 0; i < n; i++) {
            transcript.add(id, new Transcript.Message(id + "-m" + i, "u-" + (i % 2), "text " + i), labelled);
        }
    }

    /** An alert on message {@code at} of a conversation, one signal per rule, each with the alert's first category. */
    private void alert(String conversation, int at, List<Category> categories, String... rules) {
        List<Alert.Signal> signals = new ArrayList<>();
        for (String r : rules) {
            signals.add(new Alert.Signal(r, categories.get(0), 40, "e", 0, 1));
        }
        alerts.add(alert(conversation, at, categories, signals, Alert.Kind.MESSAGE));
    }

    private static Alert alert(String conversation, int at, List<Category> categories, List<Alert.Signal> signals,
                               Alert.Kind kind) {
        Instant t = Instant.parse("2026-11-28T20:00:00Z").plusSeconds(at);
        return new Alert("a-" + conversation + "-" + at + "-" + kind, conversation + "-m" + at, conversation, "u-0",
                List.of("u-1"), t, t, Severity.HIGH, Action.REVIEW, 70, categories, signals, null, null,
                "pack@1", "text", kind, null, null, null, null, null, null, null);
    }

    private EvalResult evaluate(boolean showText) throws Exception {
        Path labels = Files.writeString(dir.resolve("labels.json"), labelJson + "}");
        return Evaluator.evaluate(LabelSet.load(List.of(labels)), transcript, alerts, showText);
    }

    private static CategoryResult category(EvalResult r, Category c) {
        return r.categories().stream().filter(x -> x.category() == c).findFirst().orElseThrow();
    }

    @Test
    void shouldCountGroomingAndMinorSexualizationForEachOther() throws Exception {
        // given: a grooming conversation found by a MINOR_SEXUALIZATION alert, and the converse
        conversation("g", 5, 1, "fr", "grooming", CHILD_GROOMING);
        conversation("s", 5, 1, "en", "msex", MINOR_SEXUALIZATION);
        conversation("gs", 5, 1, "en", "both", CHILD_GROOMING, MINOR_SEXUALIZATION);
        conversation("miss", 5, 1, "fr", "grooming", CHILD_GROOMING);
        alert("g", 2, List.of(MINOR_SEXUALIZATION), "minor_sex.photo");
        alert("s", 3, List.of(CHILD_GROOMING), "grooming.secrecy");
        alert("gs", 1, List.of(CHILD_GROOMING), "grooming.secrecy");
        alert("miss", 1, List.of(THREAT), "threat.violence");
        // when
        EvalResult r = evaluate(false);
        // then
        assertEquals(new Ratio(2, 3), category(r, CHILD_GROOMING).recall());
        assertEquals(new Ratio(2, 2), category(r, MINOR_SEXUALIZATION).recall());
        assertEquals(new Ratio(4, 5), r.recall(), "pairs: both of gs count");
        assertEquals(Map.of("en", new Ratio(3, 3), "fr", new Ratio(1, 2)), r.recallByLanguage());
        assertEquals(new Ratio(4, 4), r.harmfulAlerted(), "miss got an alert, of another category");
        assertEquals(List.of("miss"), r.missed().stream().map(EvalResult.Listed::conversationId).toList());
        assertEquals(Set.of(CHILD_GROOMING), r.missed().get(0).missed());
        assertEquals(Set.of(THREAT), r.missed().get(0).alerted());
    }

    @Test
    void shouldCountOffPlatformLikeAnyOtherCategory() throws Exception {
        // given: a prostitution ad with a phone number, found for PROSTITUTION only
        conversation("p", 3, 0, "fr", "ad", PROSTITUTION, OFF_PLATFORM);
        alert("p", 0, List.of(PROSTITUTION), "prostitution.rates");
        // when
        EvalResult r = evaluate(false);
        // then
        assertEquals(new Ratio(0, 1), category(r, OFF_PLATFORM).recall());
        assertEquals(new Ratio(1, 2), r.recall());
        assertEquals(Set.of(OFF_PLATFORM), r.missed().get(0).missed());
        assertEquals(List.of("OFF_PLATFORM recall 0.00 (0/1) < 0.90"), r.failures(0.9, null));
    }

    @Test
    void shouldCountDelayInMessagesAfterTheFirstFlagIncludingEarlyAlerts() throws Exception {
        // given: flagged at message 4; alerts early (2), on time (4), 3 late (7), and one without a flag
        conversation("early", 10, 4, "fr", "k", AMBUSH);
        conversation("ontime", 10, 4, "fr", "k", AMBUSH);
        conversation("late", 10, 4, "fr", "k", AMBUSH);
        conversation("noflag", 10, -1, "fr", "k", AMBUSH);
        alert("early", 2, List.of(AMBUSH), "ambush.lure");
        alert("ontime", 4, List.of(AMBUSH), "ambush.lure");
        // the later alert comes first in the output: the earliest by position counts
        alert("late", 9, List.of(AMBUSH), "ambush.lure");
        alert("late", 7, List.of(AMBUSH), "ambush.lure");
        alert("noflag", 3, List.of(AMBUSH), "ambush.lure");
        // when
        EvalResult.Delays d = category(evaluate(false), AMBUSH).delay();
        // then
        assertEquals(1, d.early());
        assertEquals(1, d.onTime());
        assertEquals(1, d.late());
        assertEquals(1, d.unknown());
        assertEquals(Map.of(3, 1), d.lateBy());
        assertEquals(0, d.median(), "early and on time count 0: median of 0, 0, 3");
        assertEquals(3, d.max());
    }

    @Test
    void shouldWarnWhenTheFirstFlagIsNotInTheConversation() throws Exception {
        // given: a label flagging m8 of a conversation that has 5 messages in the input
        conversation("short", 5, 8, "en", "k", THREAT);
        alert("short", 2, List.of(THREAT), "threat.leak");
        // when
        EvalResult r = evaluate(false);
        // then: found, delay unknown, and said
        assertEquals(new Ratio(1, 1), category(r, THREAT).recall());
        assertEquals(1, category(r, THREAT).delay().unknown());
        assertEquals(List.of("short: firstFlagMessageId short-m8 is not a message of the conversation in the input: "
                + "its delays are not counted"), r.warnings());
    }

    @Test
    void shouldCountAnyAlertOnABenignConversationAsAFalseAlertByLanguageAndKind() throws Exception {
        // given: four benign conversations; one alerted by a rule, one by behaviour (no rule, no category)
        conversation("b1", 4, -1, "fr", "parents");
        conversation("b2", 4, -1, "fr", "parents");
        conversation("b3", 4, -1, "en", "gaming");
        conversation("b4", 4, -1, "en", "teen");
        alert("b1", 2, List.of(THREAT), "threat.violence");
        alerts.add(alert("b3", 1, List.of(), List.of(), Alert.Kind.NEW_ACCOUNT_BURST));
        // when
        EvalResult r = evaluate(false);
        // then
        assertEquals(new Ratio(2, 4), r.benignAlerted());
        assertEquals(Map.of("en", new Ratio(1, 2), "fr", new Ratio(1, 2)), r.benignByLanguage());
        assertEquals(Map.of("gaming", new Ratio(1, 1), "parents", new Ratio(1, 2), "teen", new Ratio(0, 1)),
                r.benignByKind());
        assertEquals(List.of("b1", "b3"), r.falseAlerts().stream().map(EvalResult.Listed::conversationId).toList());
        assertTrue(EvalSummary.text(r).contains("benign conversations alerted (false alerts): 2/4 (50.0 %); by "
                + "language: en 1/2, fr 1/2\n  by kind: gaming 1/1, parents 1/2; no alert in the 1 other kind\n"),
                EvalSummary.text(r));
        assertTrue(r.categories().isEmpty(), "no harmful conversation");
        assertEquals(List.of("benign conversations alerted 50.0 % (2/4) > 3.0 %"), r.failures(null, 0.03));
        assertEquals(List.of("no harmful conversation labelled: --min-recall cannot be checked"),
                r.failures(0.9, null));
    }

    @Test
    void shouldCountRuleHitsOnTrueAndFalsePositivesInConversations() throws Exception {
        // given
        conversation("h1", 4, 0, "fr", "k", HATE_HOMOPHOBIC);
        conversation("h2", 4, 0, "fr", "k", HATE_HOMOPHOBIC, THREAT);
        conversation("b1", 4, -1, "fr", "lgbt");
        conversation("b2", 4, -1, "fr", "friends");
        alert("h1", 0, List.of(HATE_HOMOPHOBIC), "hate.slur");
        alert("h1", 1, List.of(HATE_HOMOPHOBIC), "hate.slur");
        alert("h2", 1, List.of(AMBUSH), "ambush.group");
        alert("h2", 2, List.of(HATE_HOMOPHOBIC), "hate.slur");
        alert("b1", 0, List.of(HATE_HOMOPHOBIC), "hate.slur");
        alert("b2", 0, List.of(THREAT), "threat.violence", "hate.slur");
        // when
        List<RuleHits> rules = evaluate(false).rules();
        // then: conversations, not alerts; most false positives first
        assertEquals(List.of(new RuleHits("hate.slur", 2, 0, 2, 1), new RuleHits("threat.violence", 0, 0, 1, 0),
                new RuleHits("ambush.group", 0, 1, 0, 0)), rules);
    }

    @Test
    void shouldWarnAboutLabelledConversationsAbsentFromTheInputAndNotScoreThem() throws Exception {
        // given: two labels, one conversation in the input, and an unlabelled conversation with an alert
        conversation("here", 3, 0, "fr", "k", THREAT);
        labelJson.append(",\"gone\": {\"labels\": [\"THREAT\"], \"firstFlagMessageId\": \"x\"}");
        messages("other", 3, false);
        alert("here", 0, List.of(THREAT), "threat.leak");
        alert("other", 1, List.of(THREAT), "threat.leak");
        // when
        EvalResult r = evaluate(false);
        // then
        assertEquals(new Ratio(1, 1), category(r, THREAT).recall());
        assertEquals(List.of("1 labelled conversation is absent from the input, not scored: gone"), r.warnings());
        assertEquals(1, r.unlabelledConversations());
        assertEquals(1, r.unlabelledAlerts());
        assertEquals(2, r.alerts());
        assertEquals(List.of("pack@1"), r.rulesVersions());
    }

    @Test
    void shouldPassThresholdsAtTheBoundAndFailJustPastIt() throws Exception {
        // given: 9 of 10 threats found, 3 of 100 benign alerted
        for (int i = 0; i < 10; i++) {
            conversation("t" + i, 2, 0, "fr", "k", THREAT);
            if (i < 9) {
                alert("t" + i, 0, List.of(THREAT), "threat.leak");
            }
        }
        for (int i = 0; i < 100; i++) {
            conversation("b" + i, 2, -1, "en", "k");
            if (i < 3) {
                alert("b" + i, 1, List.of(THREAT), "threat.violence");
            }
        }
        // when
        EvalResult r = evaluate(false);
        // then
        assertEquals(List.of(), r.failures(0.9, 0.03));
        assertEquals(List.of(), r.failures(null, null));
        assertEquals(List.of("THREAT recall 0.90 (9/10) < 0.91", "benign conversations alerted 3.0 % (3/100) > 2.9 %"),
                r.failures(0.91, 0.029));
    }

    @Test
    void shouldListTextOnlyWhenAsked() throws Exception {
        // given
        conversation("h", 3, 1, "fr", "k", THREAT);
        conversation("b", 2, -1, "fr", "k");
        alert("b", 1, List.of(THREAT), "threat.violence");
        // when
        EvalResult plain = evaluate(false);
        EvalResult shown = evaluate(true);
        // then
        assertNull(plain.missed().get(0).messages());
        assertNull(plain.missed().get(0).notes());
        assertNull(plain.falseAlerts().get(0).messages());
        assertEquals(List.of(new EvalResult.Line("h-m0", "u-0", "text 0", false, false),
                new EvalResult.Line("h-m1", "u-1", "text 1", true, false),
                new EvalResult.Line("h-m2", "u-0", "text 2", false, false)), shown.missed().get(0).messages());
        assertEquals("note of h", shown.missed().get(0).notes());
        assertTrue(shown.falseAlerts().get(0).messages().get(1).alerted());
        assertTrue(!EvalSummary.text(plain).contains("text 1") && EvalSummary.text(shown).contains("h-m1 u-1: text 1"
                + "  [first flag]"));
    }
}
