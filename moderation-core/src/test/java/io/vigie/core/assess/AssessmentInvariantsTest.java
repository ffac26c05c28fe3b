package io.vigie.core.assess;

import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.state.ConversationState;
import io.vigie.core.ModerationSession;
import io.vigie.core.contract.Severity;
import io.vigie.core.state.UserState;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of conversation assessment over random feeds (random order of event times included). */
class AssessmentInvariantsTest {

    private static final List<String> PHRASES = List.of("salut", "asv ?", "t'es mature pour ton age",
            "dis rien a tes parents", "tes parents te comprennent pas", "on se voit", "snap", "slurword",
            "je sais ou tu habites", "weakcue", "shadowcue", "j'ai 13 ans", "j'ai 40 ans", "je suis au college");

    record Step(int from, int to, long minute, int phrase) {
    }

    @Provide
    Arbitrary<List<Step>> feeds() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 4), Arbitraries.longs().between(-4_000, 4_000),
                Arbitraries.integers().between(0, PHRASES.size() - 1)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 200)
    void shouldKeepEveryAssessmentWithinItsContract(@ForAll("feeds") List<Step> feed) {
        Policy policy = Policy.defaults().withBounds(new Policy.Bounds(4, 6, 8));
        ModerationSession session = new Fixture(policy).session;
        Map<String, UserState> users = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            users.put("u-" + i, i < 2 ? Fixture.kid("u-" + i) : Fixture.adult("u-" + i));
        }
        users.put("u-4", users.get("u-4").withConfirmedAlert(true));
        ConversationState state = null;
        Map<Category, Severity> alertedBefore = Map.of();
        int n = 0;
        for (Step s : feed) {
            String from = "u-" + s.from();
            String to = "u-" + s.to();
            String text = PHRASES.get(s.phrase());
            ChatMessage m = Fixture.msg("m-" + n++, "c-1", from, to, Fixture.minutes(s.minute()), text);
            Assessment a = session.assess(m, state, users.get(from), Map.of(to, users.get(to)));
            state = a.conversation();
            users.put(from, a.sender());

            assertTrue(state.risk() >= 0 && state.risk() <= 100, "risk " + state.risk());
            assertTrue(state.participants().size() <= 4);
            assertTrue(state.evidence().size() <= 6);
            assertTrue(a.score() >= 0 && a.score() <= 100);
            for (Map.Entry<Category, Severity> e : alertedBefore.entrySet()) {
                assertFalse(e.getValue().above(state.alerted().get(e.getKey())), "alerted never goes down");
            }
            Alert alert = a.alert();
            if (alert != null) {
                assertTrue(policy.alerts(alert.severity()));
                assertFalse(alert.categories().isEmpty());
                Map<Category, Severity> prior = alertedBefore;
                assertTrue(alert.categories().stream().anyMatch(c -> alert.severity().above(prior.get(c))),
                        "an alert brings a new category or a higher severity");
                assertEquals(m.sentAt(), alert.detectedAt());
                for (Alert.Signal sig : alert.signals()) {
                    // a signal's span is in its own message's text (a released held alert names an earlier one)
                    if (sig.start() >= 0 && (sig.messageId() == null || sig.messageId().equals(m.messageId()))) {
                        assertEquals(sig.evidence(), text.substring(sig.start(), sig.end()));
                    }
                }
            }
            alertedBefore = state.alerted();
            if (users.get(from).banned()) {
                assertFalse(a.actions().isEmpty(), "a banned sender is always blocked");
            }
            for (ActionCommand c : a.actions()) {
                assertEquals(from, c.userId());
                assertTrue(c.action().enforces());
                assertNotNull(c.statement());
                assertFalse(c.statement().facts().isEmpty());
                assertFalse(c.statement().rules().stream().anyMatch(r -> r.startsWith("experimental.shadow")));
            }
        }
        assertEquals(feed.size(), state.messages());
    }
}
