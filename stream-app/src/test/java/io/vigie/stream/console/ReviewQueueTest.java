package io.vigie.stream.console;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Decision;
import io.vigie.core.contract.Severity;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewQueueTest {

    private final MutableClock clock = new MutableClock(Alerts.T0.plusSeconds(600));

    private ReviewQueue queue() {
        return new ReviewQueue(clock, 1000);
    }

    private static ClaimRecord claim(String alertId, String reviewer, Instant at, Duration ttl) {
        return new ClaimRecord(alertId, reviewer, at, at.plus(ttl), false, false);
    }

    private static ReviewDecision decision(String alertId, String reviewer, Decision.Verdict verdict, boolean ban,
                                           Instant at, List<Category> categories) {
        return new ReviewDecision(alertId, reviewer, verdict, ban, at, "note", null, categories, "u-adult", null,
                false, ReviewDecision.SOURCE);
    }

    @Test
    void shouldListOpenAlertsBySeverityThenLongestWaitingFirst() {
        // given alerts of two severities arriving at different times
        ReviewQueue q = queue();
        q.addAlert(Alerts.grooming("a-high-late", "c-1", Severity.HIGH, Alerts.T0.plusSeconds(300)), Alerts.T0);
        q.addAlert(Alerts.roomHate("a-medium", "c-2", Alerts.T0.plusSeconds(10)), Alerts.T0);
        q.addAlert(Alerts.grooming("a-high-early", "c-3", Severity.HIGH, Alerts.T0.plusSeconds(100)), Alerts.T0);
        q.addAlert(Alerts.grooming("a-critical", "c-4", Severity.CRITICAL, Alerts.T0.plusSeconds(500)), Alerts.T0);

        // when the open queue is read
        List<String> order = q.list(ReviewQueue.Filter.OPEN, 10).stream().map(r -> r.alert().alertId()).toList();

        // then severity first, then the longest waiting
        assertEquals(List.of("a-critical", "a-high-early", "a-high-late", "a-medium"), order);
        ReviewQueue.Summary s = q.summary();
        assertEquals(4, s.open());
        assertEquals(3, s.openByCategory().get(Category.CHILD_GROOMING));
        assertEquals(Duration.ofSeconds(500), s.bySeverity().get(Severity.HIGH).oldest());
    }

    @Test
    void shouldFilterOnRoomPrivateLanguageAndLikelyMinor() {
        ReviewQueue q = queue();
        q.addAlert(Alerts.grooming("a-private", "c-1", Severity.HIGH, Alerts.T0), Alerts.T0);
        q.addAlert(Alerts.roomHate("a-room", "c-2", Alerts.T0), Alerts.T0);

        assertEquals(List.of("a-room"), ids(q, new ReviewQueue.Filter(null, null, null, null,
                ReviewQueue.Scope.ROOM, false)));
        assertEquals(List.of("a-private"), ids(q, new ReviewQueue.Filter(null, null, null, null,
                ReviewQueue.Scope.PRIVATE, false)));
        assertEquals(List.of("a-room"), ids(q, new ReviewQueue.Filter(null, null, null, "en", null, false)));
        assertEquals(List.of("a-private"), ids(q, new ReviewQueue.Filter(null, null, null, null, null, true)));
        assertEquals(List.of("a-room"), ids(q, new ReviewQueue.Filter(null, Category.HATE_HOMOPHOBIC, null, null,
                null, false)));
        assertEquals(List.of(), ids(q, new ReviewQueue.Filter(null, null, Severity.LOW, null, null, false)));
    }

    @Test
    void shouldGiveAClaimToTheFirstReviewerUntilItExpiresOrIsReleased() {
        // given alice claims an alert for 15 minutes
        ReviewQueue q = queue();
        q.addAlert(Alerts.grooming("a-1", "c-1", Severity.HIGH, Alerts.T0), Alerts.T0);
        Instant now = clock.instant();
        assertEquals(ReviewQueue.ClaimOutcome.WON, q.applyClaim(claim("a-1", "alice", now, Duration.ofMinutes(15))));

        // when bob claims it a minute later, then alice renews it
        assertEquals(ReviewQueue.ClaimOutcome.LOST, q.applyClaim(claim("a-1", "bob", now.plusSeconds(60),
                Duration.ofMinutes(15))));
        assertEquals(ReviewQueue.ClaimOutcome.RENEWED, q.applyClaim(claim("a-1", "alice", now.plusSeconds(120),
                Duration.ofMinutes(15))));
        // then alice holds it, and bob cannot release it without force
        assertEquals("alice", q.claim("a-1").orElseThrow().reviewer());
        assertEquals(ReviewQueue.ClaimOutcome.IGNORED, q.applyClaim(new ClaimRecord("a-1", "bob",
                now.plusSeconds(130), null, true, false)));
        assertEquals("alice", q.get("a-1").orElseThrow().claim().reviewer());

        // when the claim expires, bob's claim wins
        clock.set(now.plus(Duration.ofMinutes(20)));
        assertTrue(q.claim("a-1").isEmpty(), "expired claims are not shown");
        assertNull(q.get("a-1").orElseThrow().claim());
        assertEquals(ReviewQueue.ClaimOutcome.WON, q.applyClaim(claim("a-1", "bob", clock.instant(),
                Duration.ofMinutes(15))));
        // and a lead's forced release frees it
        assertEquals(ReviewQueue.ClaimOutcome.RELEASED, q.applyClaim(new ClaimRecord("a-1", "lea",
                clock.instant(), null, true, true)));
        assertTrue(q.claim("a-1").isEmpty());
    }

    @Test
    void shouldCloseAnAlertOnItsDecisionAndKeepEveryDecision() {
        ReviewQueue q = queue();
        q.addAlert(Alerts.grooming("a-1", "c-1", Severity.HIGH, Alerts.T0), Alerts.T0);
        q.applyDecision(decision("a-1", "alice", Decision.Verdict.CONFIRMED, true, Alerts.T0.plusSeconds(60),
                List.of()));

        assertTrue(q.list(ReviewQueue.Filter.OPEN, 10).isEmpty());
        ReviewQueue.Reviewed r = q.get("a-1").orElseThrow();
        assertFalse(r.open());
        assertEquals(ReviewDecision.Action.BAN_USER, r.decision().action(), "a contract ban reads as a user ban");
        assertEquals(Duration.ofSeconds(60), r.age(clock.instant()), "time in queue stops at the decision");
        assertEquals(List.of("a-1"), ids(q, new ReviewQueue.Filter(ReviewQueue.Status.DECIDED, null, null, null,
                null, false)));

        // a second decision supersedes the first, both are kept
        q.applyDecision(decision("a-1", "lea", Decision.Verdict.DISMISSED, false, Alerts.T0.plusSeconds(90),
                List.of()));
        assertEquals("lea", q.get("a-1").orElseThrow().decision().reviewer());
        assertEquals(2, q.get("a-1").orElseThrow().decisions().size());
        assertEquals(0, q.summary().open());
    }

    @Test
    void shouldRebuildTheSameStateFromTheTopicsWhateverTheOrderAcrossTopics() {
        // given the records of three topics, as a first console applied them live
        Alert a1 = Alerts.grooming("a-1", "c-1", Severity.HIGH, Alerts.T0);
        Alert a2 = Alerts.roomHate("a-2", "c-2", Alerts.T0.plusSeconds(5));
        Instant now = clock.instant();
        List<Consumer<ReviewQueue>> alerts = List.of(q -> q.addAlert(a1, Alerts.T0), q -> q.addAlert(a2, Alerts.T0));
        List<Consumer<ReviewQueue>> claims = List.of(
                q -> q.applyClaim(claim("a-2", "alice", now, Duration.ofMinutes(15))),
                q -> q.applyClaim(claim("a-2", "bob", now.plusSeconds(1), Duration.ofMinutes(15))));
        List<Consumer<ReviewQueue>> decisions = List.of(q -> q.applyDecision(decision("a-1", "bob",
                Decision.Verdict.DISMISSED, false, now, List.of())));
        ReviewQueue live = queue();
        alerts.forEach(c -> c.accept(live));
        claims.forEach(c -> c.accept(live));
        decisions.forEach(c -> c.accept(live));

        // when a restarted console reads the topics back, decisions and claims before the alerts
        ReviewQueue restarted = queue();
        decisions.forEach(c -> c.accept(restarted));
        claims.forEach(c -> c.accept(restarted));
        alerts.forEach(c -> c.accept(restarted));
        // a replayed alert record is not a second alert
        assertFalse(restarted.addAlert(a1, Alerts.T0));

        // then it has the same queue, claims and decisions
        assertEquals(snapshot(live), snapshot(restarted));
        assertEquals("alice", restarted.claim("a-2").orElseThrow().reviewer());
        assertEquals(Decision.Verdict.DISMISSED, restarted.get("a-1").orElseThrow().decision().verdict());
    }

    @Test
    void shouldForgetTheOldestDecidedAlertsPastTheLimitButNeverAnOpenOne() {
        ReviewQueue q = new ReviewQueue(clock, 2);
        q.addAlert(Alerts.grooming("a-1", "c-1", Severity.HIGH, Alerts.T0), Alerts.T0);
        q.addAlert(Alerts.grooming("a-2", "c-2", Severity.HIGH, Alerts.T0), Alerts.T0);
        q.applyDecision(decision("a-2", "alice", Decision.Verdict.CONFIRMED, false, Alerts.T0, List.of()));

        q.addAlert(Alerts.grooming("a-3", "c-3", Severity.HIGH, Alerts.T0), Alerts.T0);
        assertTrue(q.get("a-2").isEmpty(), "the decided alert goes");
        assertEquals(1, q.evicted());
        q.addAlert(Alerts.grooming("a-4", "c-4", Severity.HIGH, Alerts.T0), Alerts.T0);
        assertEquals(3, q.size(), "open alerts stay even past the limit");
    }

    @Test
    void shouldLinkAlertsOnTheSamePeopleDeviceAndConversationAndPlotRisk() {
        ReviewQueue q = queue();
        q.addAlert(Alerts.grooming("a-1", "c-1", Severity.MEDIUM, Alerts.T0), Alerts.T0);
        q.addAlert(Alerts.grooming("a-2", "c-1", Severity.HIGH, Alerts.T0.plusSeconds(60)), Alerts.T0);
        q.addAlert(Alerts.grooming("a-3", "c-9", Severity.HIGH, Alerts.T0.plusSeconds(90)), Alerts.T0);
        q.addAlert(Alerts.roomHate("a-4", "c-5", Alerts.T0), Alerts.T0);

        List<ReviewQueue.Related> related = q.related("a-2", 10);
        assertEquals(List.of("a-3", "a-1"), related.stream().map(r -> r.reviewed().alert().alertId()).toList());
        assertTrue(related.get(1).links().contains("same conversation"));
        assertTrue(related.get(0).links().contains("same device"));
        assertEquals(List.of("a-1", "a-2"), q.riskOverTime("c-1").stream().map(ReviewQueue.RiskPoint::alertId)
                .toList());
    }

    @Test
    void shouldReportThroughputAndDisagreementsPerReviewer() {
        ReviewQueue q = queue();
        q.addAlert(Alerts.grooming("a-1", "c-1", Severity.HIGH, Alerts.T0), Alerts.T0);
        q.addAlert(Alerts.roomHate("a-2", "c-2", Alerts.T0), Alerts.T0);
        q.addAlert(Alerts.grooming("a-3", "c-3", Severity.HIGH, Alerts.T0), Alerts.T0);
        Instant now = clock.instant();
        q.applyDecision(decision("a-1", "alice", Decision.Verdict.CONFIRMED, true, now.minusSeconds(30), List.of()));
        q.applyDecision(decision("a-2", "alice", Decision.Verdict.DISMISSED, false, now.minus(Duration.ofHours(2)),
                List.of()));
        q.applyDecision(decision("a-3", "bob", Decision.Verdict.CONFIRMED, false, now,
                List.of(Category.CHILD_GROOMING, Category.OFF_PLATFORM)));

        ReviewQueue.ReviewerStats alice = q.reviewerStats().get(0);
        assertEquals("alice", alice.reviewer());
        assertEquals(1, alice.lastHour());
        assertEquals(2, alice.lastDay());
        assertEquals(1, alice.confirmed());
        List<String> kinds = q.disagreements().stream().map(d -> d.reviewed().alert().alertId() + ":" + d.kind())
                .toList();
        assertEquals(List.of("a-3:recategorized", "a-2:dismissed"), kinds);
    }

    private static List<String> ids(ReviewQueue q, ReviewQueue.Filter f) {
        return q.list(f, 100).stream().map(r -> r.alert().alertId()).toList();
    }

    private static List<String> snapshot(ReviewQueue q) {
        List<String> out = new ArrayList<>();
        for (ReviewQueue.Reviewed r : q.list(new ReviewQueue.Filter(ReviewQueue.Status.ALL, null, null, null, null,
                false), 100)) {
            out.add(r.alert().alertId() + " claim=" + (r.claim() == null ? null : r.claim().reviewer())
                    + " decisions=" + r.decisions());
        }
        return out;
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
