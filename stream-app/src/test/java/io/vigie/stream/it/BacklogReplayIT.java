package io.vigie.stream.it;

import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.sim.ChatSimulator;
import io.vigie.stream.sim.SimConfig;
import io.vigie.stream.sim.SimEvent;
import io.vigie.stream.sim.SimJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, part 3: the live application and {@code replay} give the same alerts on the same input, produced as a
 * backlog (profiles first, then every message, all on the broker before the application starts), with event
 * times spread over six weeks, so that state expires between a conversation's messages and a task's stream time
 * runs far ahead of the messages it has not processed yet. Before the redesign, live differed from replay on
 * exactly this shape: profiles reached the conversations only after a round trip through the facts topic, the
 * facts keeper's sweep deleted profiles loaded in a batch, and sweeps on stream time reset conversations
 * mid-way.
 */
@ExtendWith(KafkaBrokerExtension.class)
class BacklogReplayIT {

    private static final int MESSAGES = 3_000;
    private static final double SIX_WEEKS_MS = 6 * 7 * 86_400_000.0;

    /**
     * With learned facts scoped to the conversation they were said in, the visibility rule is the same live and in
     * replay. (With the default, all-conversations, a fact learned in one conversation reaches the others once
     * the facts topic is committed and read back: on this input live then misses or adds 5 of 64 grooming
     * alerts against replay, all on users whose age was learned in another conversation moments before.)
     */
    @Test
    void shouldGiveTheAlertsOfReplayOnABacklogSpanningWeeks(KafkaBroker broker, @TempDir Path dir) {
        // given a simulated backlog: 800 users, 5 % of messages in harmful scenarios, six weeks of event time
        ItFixture f = ItFixture.create(broker.bootstrapServers(), Map.of(), dir, "backlog");
        ChatSimulator sim = new ChatSimulator(12, SimConfig.defaults().withUsers(800).withHarmfulRate(0.05)
                .withMeanGapMs(SIX_WEEKS_MS / MESSAGES));
        List<Conversations.Line> profiles = new ArrayList<>();
        List<Conversations.Line> messages = new ArrayList<>();
        while (messages.size() < MESSAGES) {
            SimEvent e = sim.next();
            if (e instanceof SimEvent.ProfileEvent) {
                profiles.add(new Conversations.Line("profiles", e.key(), SimJson.toBytes(e)));
            } else {
                messages.add(new Conversations.Line("messages", e.key(), SimJson.toBytes(e)));
            }
        }
        List<Conversations.Line> all = new ArrayList<>(profiles);
        all.addAll(messages);
        f.produceBatch(all);

        // when the application starts on it
        AppProcess.Settings settings = f.settings(ItFixture.EOS, Map.of(ModerationConfig.FACTS_SCOPE,
                ModerationConfig.SCOPE_OWN));
        List<ItFixture.AlertView> live;
        try (AppProcess app = AppProcess.start(settings, dir, "app")) {
            f.awaitCaughtUp(settings.applicationId(), Duration.ofSeconds(240), app);
            live = f.alerts();
        }

        // then it writes exactly the alerts replay writes for the same lines in the same order
        List<ItFixture.AlertView> replayed = f.replay(all, List.of("--set",
                ModerationConfig.FACTS_SCOPE + "=" + ModerationConfig.SCOPE_OWN));
        assertTrue(replayed.size() >= 20, "too few alerts for the comparison to mean anything: " + replayed.size());
        Set<String> kinds = new TreeSet<>();
        replayed.forEach(a -> kinds.add(a.kind()));
        assertEquals(ItFixture.categoriesByMessage(replayed), ItFixture.categoriesByMessage(live),
                "live and replay differ (" + live.size() + " live, " + replayed.size() + " replayed, kinds " + kinds
                        + ")");
        assertEquals(live.size(), live.stream().map(ItFixture.AlertView::alertId).distinct().count(),
                "an alert was written twice");
    }
}
