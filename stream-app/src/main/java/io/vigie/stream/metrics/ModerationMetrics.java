package io.vigie.stream.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigie.core.contract.Action;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.rule.Finding;
import io.vigie.core.contract.Severity;
import io.vigie.stream.serde.DlqReason;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The application's meters, with the names of {@code docs/concepts.md}. Every meter is registered up front
 * (rule ids when a pack is compiled); nothing is built per record. Tag values come only from closed sets:
 * categories, severities, actions, DLQ reasons, store names and the ids of the compiled rule pack (any other
 * id is counted as {@code other}). Never user ids, conversation ids or text.
 *
 * <p>Thread-safe: shared by all stream threads.
 */
public final class ModerationMetrics {

    /** Tag value for a rule id that is not in the compiled pack. */
    public static final String OTHER_RULE = "other";
    /** Names of the stores whose size is reported by {@code moderation.state.entries}. */
    public static final List<String> STORES = List.of("conversations", "users", "senders", "devices",
            "alert-index");

    private final MeterRegistry registry;
    /** How the core prefixes a cue extraction problem in an assessment's errors. */
    static final String CUE_ERROR_PREFIX = "cues: ";

    private final Counter scored;
    private final Counter late;
    private final Counter held;
    private final Counter clockSkew;
    private final Counter cueErrors;
    private final Map<Category, Map<Severity, Counter>> alerts = new EnumMap<>(Category.class);
    private final Map<Action, Counter> actions = new EnumMap<>(Action.class);
    private final Map<DlqReason, Counter> dlq = new EnumMap<>(DlqReason.class);
    private final Counter reloadsOk;
    private final Counter reloadsRefused;
    private final Timer scoringTime;
    private final Timer e2eLag;
    private final Map<String, Counter[]> findings = new ConcurrentHashMap<>();
    private final Map<String, Counter> ruleErrors = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> stateEntries = new ConcurrentHashMap<>();
    private volatile BooleanSupplier running = () -> false;

    public ModerationMetrics(MeterRegistry registry) {
        this.registry = registry;
        scored = Counter.builder("moderation.messages.scored").description("chat messages assessed")
                .register(registry);
        late = Counter.builder("moderation.messages.late")
                .description("messages older than their conversation's latest minus the grace; still scored")
                .register(registry);
        clockSkew = Counter.builder("moderation.messages.clock_skew")
                .description("messages dated further ahead of the processing clock than moderation.clock.skew.max.ms;"
                        + " still scored")
                .register(registry);
        held = Counter.builder("moderation.alerts.held")
                .description("lone weak first alerts held until a second message of the conversation corroborates"
                        + " them (moderation.policy.alone.at); a released one is counted in moderation.alerts")
                .register(registry);
        cueErrors = Counter.builder("moderation.cues.errors")
                .description("messages whose cue extraction failed or hit the pattern work budget; the cues found"
                        + " still scored")
                .register(registry);
        for (Category c : Category.values()) {
            Map<Severity, Counter> bySeverity = new EnumMap<>(Severity.class);
            for (Severity s : Severity.values()) {
                bySeverity.put(s, Counter.builder("moderation.alerts").description("alerts emitted for review")
                        .tag("category", c.value()).tag("severity", s.value()).register(registry));
            }
            alerts.put(c, bySeverity);
        }
        for (Action a : Action.values()) {
            actions.put(a, Counter.builder("moderation.actions").description("enforcement commands emitted")
                    .tag("action", a.value()).register(registry));
        }
        for (DlqReason r : DlqReason.values()) {
            dlq.put(r, Counter.builder("moderation.dlq.records").description("input records sent to the DLQ")
                    .tag("reason", r.value()).register(registry));
        }
        reloadsOk = Counter.builder("moderation.rules.reloads").tag("result", "ok").register(registry);
        reloadsRefused = Counter.builder("moderation.rules.reloads").tag("result", "refused").register(registry);
        scoringTime = Timer.builder("moderation.scoring.time").description("time to assess one message")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(1_000))
                .maximumExpectedValue(Duration.ofMillis(100)).register(registry);
        e2eLag = Timer.builder("moderation.e2e.lag").description("wall clock at assessment minus sentAt")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
        for (String store : STORES) {
            Map<String, Long> perTask = new ConcurrentHashMap<>();
            stateEntries.put(store, perTask);
            Gauge.builder("moderation.state.entries", perTask,
                    m -> m.values().stream().mapToLong(Long::longValue).sum())
                    .description("entries in a state store after the last sweep, all local tasks")
                    .tag("store", store).register(registry);
        }
        Gauge.builder("moderation.streams.running", this, m -> m.running.getAsBoolean() ? 1 : 0)
                .description("1 when Kafka Streams is RUNNING").register(registry);
        registerRules(List.of(OTHER_RULE));
    }

    /** Metrics on a throw-away registry (replay summary, tests). */
    public static ModerationMetrics inMemory() {
        return new ModerationMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Pre-registers the per-rule meters of a compiled pack (idempotent). */
    public void registerRules(Collection<String> ruleIds) {
        for (String id : ruleIds) {
            findings.computeIfAbsent(id, r -> new Counter[] {
                Counter.builder("moderation.findings").tag("rule", r).tag("shadow", "false").register(registry),
                Counter.builder("moderation.findings").tag("rule", r).tag("shadow", "true").register(registry)});
            ruleErrors.computeIfAbsent(id, r -> Counter.builder("moderation.rules.errors").tag("rule", r)
                    .register(registry));
        }
    }

    public void messageScored() {
        scored.increment();
    }

    public void messageLate() {
        late.increment();
    }

    /** A conversation's lone weak first alert was held for corroboration. */
    public void alertHeld() {
        held.increment();
    }

    /** A message dated further ahead of the processing clock than the configured skew. */
    public void messageClockSkew() {
        clockSkew.increment();
    }

    /** Counts an emitted alert under each of its categories. */
    public void alert(Alert alert) {
        for (Category c : alert.categories()) {
            alerts.get(c).get(alert.severity()).increment();
        }
    }

    public void action(Action action) {
        actions.get(action).increment();
    }

    public void dlq(DlqReason reason) {
        dlq.get(reason).increment();
    }

    public void findings(List<Finding> found) {
        for (Finding f : found) {
            Counter[] c = findings.getOrDefault(f.ruleId(), findings.get(OTHER_RULE));
            c[f.shadow() ? 1 : 0].increment();
        }
    }

    /** Counts rule errors of an alert's audit trail; an error names its rule as {@code ruleId: ...}. */
    /**
     * Counts the errors of one assessment: a rule's ({@code "rule.id: reason"}) under its rule, a cue
     * extraction problem ({@code "cues: ..."}) once under {@code moderation.cues.errors}.
     */
    public void ruleErrors(List<String> errors) {
        for (String e : errors) {
            if (e.startsWith(CUE_ERROR_PREFIX)) {
                cueErrors.increment();
                continue;
            }
            int colon = e.indexOf(':');
            String id = colon > 0 ? e.substring(0, colon).trim() : OTHER_RULE;
            ruleErrors.getOrDefault(id, ruleErrors.get(OTHER_RULE)).increment();
        }
    }

    public void reload(boolean ok) {
        (ok ? reloadsOk : reloadsRefused).increment();
    }

    public void scoringNanos(long nanos) {
        scoringTime.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void e2eLagMs(long ms) {
        if (ms >= 0) {
            e2eLag.record(ms, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** Records the size of one task's store after a sweep. */
    public void stateEntries(String store, String taskId, long entries) {
        Map<String, Long> perTask = stateEntries.get(store);
        if (perTask != null) {
            perTask.put(taskId, entries);
        }
    }

    /** Forgets a task's store sizes (task closed or migrated). */
    public void forgetTask(String store, String taskId) {
        Map<String, Long> perTask = stateEntries.get(store);
        if (perTask != null) {
            perTask.remove(taskId);
        }
    }

    /** Where {@code moderation.streams.running} reads its value. */
    public void runningFrom(BooleanSupplier supplier) {
        this.running = supplier;
    }
}
