package io.vigie.stream.console;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Decision;
import io.vigie.core.contract.Severity;
import io.vigie.core.contract.Stage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The console's state: the alerts, the decisions on them and the claims, rebuilt from the alerts, decisions and
 * claims topics (their changelog) by applying their records in log order. Every console instance applies the same
 * records and so reaches the same state, with one rule that makes claims deterministic: a claim on an alert that
 * someone else holds, unexpired at the time of the new claim, loses (the first claim in the log wins until it
 * expires or is released).
 *
 * <p>Alerts, decisions and claims may arrive in any order across topics (a decision read before its alert, after a
 * restart): decisions and claims are kept by alertId on their own and joined when read. Past
 * {@code maxAlerts}, the oldest decided alerts are forgotten; open alerts never are.
 *
 * <p>Thread-safe: one feed thread applies records while web threads query; every query returns immutable views.
 */
public final class ReviewQueue {

    /** Who holds an alert, until when. */
    public record Claim(String reviewer, Instant claimedAt, Instant expiresAt) {
        /** True when the claim still holds at {@code now}. */
        public boolean activeAt(Instant now) {
            return expiresAt != null && now.isBefore(expiresAt);
        }
    }

    /** What became of a claim record. */
    public enum ClaimOutcome { WON, RENEWED, LOST, RELEASED, IGNORED }

    /**
     * One alert as the console sees it.
     *
     * @param claim     the active claim, or null
     * @param decision  the latest decision, or null while open
     * @param decisions every decision on it, oldest first
     */
    public record Reviewed(Alert alert, Instant queuedAt, Claim claim, ReviewDecision decision,
                           List<ReviewDecision> decisions) {
        public boolean open() {
            return decision == null;
        }

        /** True when the alert involves a likely minor (sender or any recipient). */
        public boolean likelyMinor() {
            return ReviewQueue.likelyMinor(alert);
        }

        /** True for an alert from a public room. */
        public boolean room() {
            return alert.roomId() != null;
        }

        /** Time in the queue: until the decision, or until {@code now} while open. */
        public Duration age(Instant now) {
            Instant end = decision != null && decision.decidedAt() != null ? decision.decidedAt() : now;
            Duration d = Duration.between(queuedAt, end);
            return d.isNegative() ? Duration.ZERO : d;
        }
    }

    /** Where an alert is seen from another one. */
    public record Related(Reviewed reviewed, List<String> links) {
    }

    /** One point of a conversation's risk over time: an alert's risk score and stages when it was raised. */
    public record RiskPoint(Instant at, int risk, List<Stage> stages, String alertId) {
    }

    /** Which alerts a reviewer asks for. */
    public enum Status { OPEN, DECIDED, ALL }

    /** Room or private conversations. */
    public enum Scope { ALL, ROOM, PRIVATE }

    /**
     * A queue filter; null fields match everything.
     *
     * @param language "fr", "en", or "none" for alerts without a language; null for any
     */
    public record Filter(Status status, Category category, Severity severity, String language, Scope scope,
                         boolean likelyMinorOnly) {
        /** Every open alert. */
        public static final Filter OPEN = new Filter(Status.OPEN, null, null, null, Scope.ALL, false);

        public Filter {
            status = status == null ? Status.OPEN : status;
            scope = scope == null ? Scope.ALL : scope;
        }

        boolean matches(Reviewed r) {
            if (status == Status.OPEN && !r.open() || status == Status.DECIDED && r.open()) {
                return false;
            }
            Alert a = r.alert();
            if (category != null && !a.categories().contains(category)) {
                return false;
            }
            if (severity != null && a.severity() != severity) {
                return false;
            }
            if (language != null && !language.equals(a.language() == null ? "none" : a.language())) {
                return false;
            }
            if (scope == Scope.ROOM && !r.room() || scope == Scope.PRIVATE && r.room()) {
                return false;
            }
            return !likelyMinorOnly || r.likelyMinor();
        }
    }

    /** Open alerts of one severity: how many, and how long the oldest and the median have waited. */
    public record Waiting(int count, Duration oldest, Duration median) {
    }

    /** The queue at a glance: open alerts per category and per severity. */
    public record Summary(int open, Map<Category, Integer> openByCategory, Map<Severity, Waiting> bySeverity) {
    }

    /** A reviewer's throughput. */
    public record ReviewerStats(String reviewer, int lastHour, int lastDay, int total, int confirmed, int dismissed,
                                Duration medianTimeToDecision) {
    }

    /** A decision that disagrees with the engine: a dismissal, or a confirmation under other categories. */
    public record Disagreement(Reviewed reviewed, ReviewDecision decision, String kind) {
    }

    private static final class Item {
        final Alert alert;
        final Instant queuedAt;

        Item(Alert alert, Instant queuedAt) {
            this.alert = alert;
            this.queuedAt = queuedAt;
        }
    }

    private final Clock clock;
    private final int maxAlerts;
    private final LinkedHashMap<String, Item> items = new LinkedHashMap<>();
    private final Map<String, List<ReviewDecision>> decisions = new HashMap<>();
    private final Map<String, Claim> claims = new HashMap<>();
    private final Map<String, Set<String>> byPerson = new HashMap<>();
    private final Map<String, Set<String>> byDevice = new HashMap<>();
    private final Map<String, Set<String>> byConversation = new HashMap<>();
    private long evicted;

    /**
     * @param clock     the wall clock claims expire by and ages are measured with
     * @param maxAlerts alerts kept before the oldest decided ones are forgotten
     */
    public ReviewQueue(Clock clock, int maxAlerts) {
        this.clock = clock;
        this.maxAlerts = maxAlerts;
    }

    /**
     * Adds an alert read from the alerts topic.
     *
     * @param recordTime the record's timestamp, the queue time when the alert has no detectedAt
     * @return false when the alert id is already known (a replayed or duplicated record)
     */
    public synchronized boolean addAlert(Alert alert, Instant recordTime) {
        if (items.containsKey(alert.alertId())) {
            return false;
        }
        Instant queuedAt = alert.detectedAt() != null ? alert.detectedAt() : recordTime;
        items.put(alert.alertId(), new Item(alert, queuedAt));
        for (String person : people(alert)) {
            byPerson.computeIfAbsent(person, k -> new LinkedHashSet<>()).add(alert.alertId());
        }
        if (alert.deviceId() != null) {
            byDevice.computeIfAbsent(alert.deviceId(), k -> new LinkedHashSet<>()).add(alert.alertId());
        }
        if (alert.conversationId() != null) {
            byConversation.computeIfAbsent(alert.conversationId(), k -> new LinkedHashSet<>()).add(alert.alertId());
        }
        evictIfFull();
        return true;
    }

    /** Applies a decision read from the decisions topic (a later decision on the same alert supersedes). */
    public synchronized void applyDecision(ReviewDecision decision) {
        decisions.computeIfAbsent(decision.alertId(), k -> new ArrayList<>()).add(decision);
    }

    /** Applies a claim record read from the claims topic; first claim wins until it expires or is released. */
    public synchronized ClaimOutcome applyClaim(ClaimRecord record) {
        Claim current = claims.get(record.alertId());
        boolean heldByOther = current != null && !current.reviewer().equals(record.reviewer())
                && current.activeAt(record.claimedAt());
        if (record.released()) {
            if (current == null || heldByOther && !record.force()) {
                return ClaimOutcome.IGNORED;
            }
            claims.remove(record.alertId());
            return ClaimOutcome.RELEASED;
        }
        if (heldByOther) {
            return ClaimOutcome.LOST;
        }
        boolean renewed = current != null && current.reviewer().equals(record.reviewer())
                && current.activeAt(record.claimedAt());
        claims.put(record.alertId(), new Claim(record.reviewer(), record.claimedAt(), record.expiresAt()));
        return renewed ? ClaimOutcome.RENEWED : ClaimOutcome.WON;
    }

    /** A compacted-away claim (tombstone): the claim is gone. */
    public synchronized void removeClaim(String alertId) {
        claims.remove(alertId);
    }

    /** One alert, when known. */
    public synchronized Optional<Reviewed> get(String alertId) {
        Item item = items.get(alertId);
        return item == null ? Optional.empty() : Optional.of(view(item, clock.instant()));
    }

    /** The active claim on an alert (known or not yet read), or empty. */
    public synchronized Optional<Claim> claim(String alertId) {
        Claim c = claims.get(alertId);
        return c != null && c.activeAt(clock.instant()) ? Optional.of(c) : Optional.empty();
    }

    /**
     * The alerts that match {@code filter}: open ones by severity (highest first) then by time in the queue (longest
     * first); decided ones latest decision first.
     */
    public synchronized List<Reviewed> list(Filter filter, int limit) {
        Instant now = clock.instant();
        List<Reviewed> out = new ArrayList<>();
        for (Item item : items.values()) {
            Reviewed r = view(item, now);
            if (filter.matches(r)) {
                out.add(r);
            }
        }
        Comparator<Reviewed> bySeverityThenAge = Comparator
                .comparing((Reviewed r) -> r.alert().severity().ordinal(), Comparator.reverseOrder())
                .thenComparing(Reviewed::queuedAt).thenComparing(r -> r.alert().alertId());
        Comparator<Reviewed> latestDecisionFirst = Comparator.comparing((Reviewed r) -> decidedAt(r),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(r -> r.alert().alertId());
        out.sort(filter.status() == Status.OPEN ? bySeverityThenAge
                : Comparator.comparing(Reviewed::open).reversed().thenComparing((a, b) -> a.open()
                        ? bySeverityThenAge.compare(a, b) : latestDecisionFirst.compare(a, b)));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    /** Open alerts per category and per severity with their waiting times. */
    public synchronized Summary summary() {
        Instant now = clock.instant();
        Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
        Map<Severity, List<Duration>> ages = new EnumMap<>(Severity.class);
        int open = 0;
        for (Item item : items.values()) {
            if (isDecided(item.alert.alertId())) {
                continue;
            }
            open++;
            for (Category c : item.alert.categories()) {
                byCategory.merge(c, 1, Integer::sum);
            }
            Duration age = Duration.between(item.queuedAt, now);
            ages.computeIfAbsent(item.alert.severity(), k -> new ArrayList<>()).add(age.isNegative()
                    ? Duration.ZERO : age);
        }
        Map<Severity, Waiting> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            List<Duration> a = ages.getOrDefault(s, List.of());
            List<Duration> sorted = a.stream().sorted().toList();
            bySeverity.put(s, new Waiting(sorted.size(), sorted.isEmpty() ? Duration.ZERO : sorted.get(sorted.size() - 1),
                    median(sorted)));
        }
        return new Summary(open, byCategory, bySeverity);
    }

    /**
     * Earlier and later alerts on the same conversation, people (sender or recipients) or device, most recent first.
     */
    public synchronized List<Related> related(String alertId, int limit) {
        Item self = items.get(alertId);
        if (self == null) {
            return List.of();
        }
        Map<String, List<String>> links = new LinkedHashMap<>();
        link(links, byConversation.get(self.alert.conversationId()), "same conversation");
        for (String person : people(self.alert)) {
            link(links, byPerson.get(person), "same people");
        }
        if (self.alert.deviceId() != null) {
            link(links, byDevice.get(self.alert.deviceId()), "same device");
        }
        links.remove(alertId);
        Instant now = clock.instant();
        List<Related> out = new ArrayList<>();
        links.forEach((id, l) -> {
            Item item = items.get(id);
            if (item != null) {
                out.add(new Related(view(item, now), List.copyOf(l)));
            }
        });
        out.sort(Comparator.comparing((Related r) -> r.reviewed().queuedAt()).reversed());
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    /** The conversation's risk and stages at each of its alerts, oldest first. */
    public synchronized List<RiskPoint> riskOverTime(String conversationId) {
        List<RiskPoint> out = new ArrayList<>();
        for (String id : byConversation.getOrDefault(conversationId, Set.of())) {
            Item item = items.get(id);
            if (item == null) {
                continue;
            }
            Alert a = item.alert;
            Alert.ConversationInfo c = a.conversation();
            out.add(new RiskPoint(a.sentAt() != null ? a.sentAt() : item.queuedAt, c == null ? a.score()
                    : c.riskScore(), c == null ? List.of() : c.stages(), a.alertId()));
        }
        out.sort(Comparator.comparing(RiskPoint::at).thenComparing(RiskPoint::alertId));
        return List.copyOf(out);
    }

    /** Decisions per reviewer: in the last hour and day, all kept, and the median time from queue to decision. */
    public synchronized List<ReviewerStats> reviewerStats() {
        Instant now = clock.instant();
        Map<String, List<ReviewDecision>> byReviewer = new TreeMap<>();
        for (List<ReviewDecision> list : decisions.values()) {
            for (ReviewDecision d : list) {
                byReviewer.computeIfAbsent(d.reviewer() == null ? "(unnamed)" : d.reviewer(), k -> new ArrayList<>())
                        .add(d);
            }
        }
        List<ReviewerStats> out = new ArrayList<>();
        byReviewer.forEach((reviewer, list) -> {
            int hour = 0;
            int day = 0;
            int confirmed = 0;
            List<Duration> times = new ArrayList<>();
            for (ReviewDecision d : list) {
                Instant at = d.decidedAt();
                if (at != null && Duration.between(at, now).compareTo(Duration.ofHours(1)) <= 0) {
                    hour++;
                }
                if (at != null && Duration.between(at, now).compareTo(Duration.ofDays(1)) <= 0) {
                    day++;
                }
                if (d.verdict() == Decision.Verdict.CONFIRMED) {
                    confirmed++;
                }
                Item item = items.get(d.alertId());
                if (item != null && at != null) {
                    Duration t = Duration.between(item.queuedAt, at);
                    times.add(t.isNegative() ? Duration.ZERO : t);
                }
            }
            times.sort(null);
            out.add(new ReviewerStats(reviewer, hour, day, list.size(), confirmed, list.size() - confirmed,
                    median(times)));
        });
        return List.copyOf(out);
    }

    /** Decided alerts whose latest decision disagrees with the engine, latest first. */
    public synchronized List<Disagreement> disagreements() {
        Instant now = clock.instant();
        List<Disagreement> out = new ArrayList<>();
        for (Item item : items.values()) {
            ReviewDecision d = latest(item.alert.alertId());
            if (d == null) {
                continue;
            }
            String kind = d.verdict() == Decision.Verdict.DISMISSED ? "dismissed"
                    : d.recategorized(item.alert.categories()) ? "recategorized" : null;
            if (kind != null) {
                out.add(new Disagreement(view(item, now), d, kind));
            }
        }
        out.sort(Comparator.comparing((Disagreement x) -> x.decision().decidedAt(),
                Comparator.nullsLast(Comparator.reverseOrder())));
        return List.copyOf(out);
    }

    /** Every decided alert of a conversation, oldest first (for the label export). */
    public synchronized List<Reviewed> decidedIn(String conversationId) {
        Instant now = clock.instant();
        List<Reviewed> out = new ArrayList<>();
        for (String id : byConversation.getOrDefault(conversationId, Set.of())) {
            Item item = items.get(id);
            if (item != null && isDecided(id)) {
                out.add(view(item, now));
            }
        }
        out.sort(Comparator.comparing((Reviewed r) -> r.alert().sentAt(), Comparator.nullsLast(Comparator
                .naturalOrder())));
        return List.copyOf(out);
    }

    /** Alerts held in memory. */
    public synchronized int size() {
        return items.size();
    }

    /** Decided alerts forgotten so far because {@code maxAlerts} was reached. */
    public synchronized long evicted() {
        return evicted;
    }

    /** True when the alert involves a likely minor: its sender or any recipient. */
    static boolean likelyMinor(Alert alert) {
        Alert.AgeInfo age = alert.age();
        if (age == null) {
            return false;
        }
        if (age.sender() != null && age.sender().likelyMinor()) {
            return true;
        }
        return age.recipients().stream().anyMatch(Alert.PersonAge::likelyMinor);
    }

    private Reviewed view(Item item, Instant now) {
        String id = item.alert.alertId();
        List<ReviewDecision> ds = decisions.getOrDefault(id, List.of());
        Claim c = claims.get(id);
        return new Reviewed(item.alert, item.queuedAt, c != null && c.activeAt(now) ? c : null,
                ds.isEmpty() ? null : ds.get(ds.size() - 1), List.copyOf(ds));
    }

    private boolean isDecided(String alertId) {
        List<ReviewDecision> ds = decisions.get(alertId);
        return ds != null && !ds.isEmpty();
    }

    private ReviewDecision latest(String alertId) {
        List<ReviewDecision> ds = decisions.get(alertId);
        return ds == null || ds.isEmpty() ? null : ds.get(ds.size() - 1);
    }

    private static Instant decidedAt(Reviewed r) {
        return r.decision() == null ? null : r.decision().decidedAt();
    }

    private static void link(Map<String, List<String>> links, Set<String> ids, String how) {
        if (ids == null) {
            return;
        }
        for (String id : ids) {
            List<String> l = links.computeIfAbsent(id, k -> new ArrayList<>());
            if (!l.contains(how)) {
                l.add(how);
            }
        }
    }

    private static List<String> people(Alert alert) {
        List<String> out = new ArrayList<>();
        if (alert.senderId() != null) {
            out.add(alert.senderId());
        }
        for (String r : alert.recipientIds()) {
            if (r != null && !out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    private static Duration median(List<Duration> sorted) {
        return sorted.isEmpty() ? Duration.ZERO : sorted.get(sorted.size() / 2);
    }

    private void evictIfFull() {
        if (items.size() <= maxAlerts) {
            return;
        }
        Iterator<Map.Entry<String, Item>> it = items.entrySet().iterator();
        while (items.size() > maxAlerts && it.hasNext()) {
            Map.Entry<String, Item> e = it.next();
            if (!isDecided(e.getKey())) {
                continue;
            }
            Alert a = e.getValue().alert;
            it.remove();
            decisions.remove(e.getKey());
            claims.remove(e.getKey());
            for (String person : people(a)) {
                unindex(byPerson, person, e.getKey());
            }
            unindex(byDevice, a.deviceId(), e.getKey());
            unindex(byConversation, a.conversationId(), e.getKey());
            evicted++;
        }
    }

    private static void unindex(Map<String, Set<String>> index, String key, String alertId) {
        if (key == null) {
            return;
        }
        Set<String> ids = index.get(key);
        if (ids != null) {
            ids.remove(alertId);
            if (ids.isEmpty()) {
                index.remove(key);
            }
        }
    }

    /** A language filter value as typed in a URL: lower case, or null for any. */
    static String language(String s) {
        return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
