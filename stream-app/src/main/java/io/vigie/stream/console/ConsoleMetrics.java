package io.vigie.stream.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigie.core.contract.Decision;
import io.vigie.core.contract.Severity;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The console's meters, registered up front with tags from closed sets only (severity, verdict, action, result):
 * <ul>
 *   <li>{@code moderation.console.queue.size{severity}}: open alerts (the same on every instance: every instance
 *   holds the whole queue, so dashboards take the max over instances, not the sum);</li>
 *   <li>{@code moderation.console.queue.oldest.seconds{severity}} and {@code ...queue.median.seconds{severity}}: time in
 *   the queue of the oldest and the median open alert;</li>
 *   <li>{@code moderation.console.decisions{verdict,action}}: decisions written by this instance (sum over
 *   instances);</li>
 *   <li>{@code moderation.console.decision.time{severity}}: from the alert entering the queue to its decision;</li>
 *   <li>{@code moderation.console.logins{result}}, {@code moderation.console.csrf.refused},
 *   {@code moderation.console.claims{result}}, {@code moderation.console.alerts.read},
 *   {@code moderation.console.records.unreadable}, {@code moderation.console.ready}.</li>
 * </ul>
 * Thread-safe.
 */
public final class ConsoleMetrics {

    /** Results of a sign-in attempt. */
    public enum Login { OK, FAILED, LOCKED }

    private final Map<Decision.Verdict, Map<ReviewDecision.Action, Counter>> decisions =
            new EnumMap<>(Decision.Verdict.class);
    private final Map<Severity, Timer> decisionTime = new EnumMap<>(Severity.class);
    private final Map<Login, Counter> logins = new EnumMap<>(Login.class);
    private final Map<ReviewQueue.ClaimOutcome, Counter> claims = new EnumMap<>(ReviewQueue.ClaimOutcome.class);
    private final Counter csrfRefused;
    private final Counter alertsRead;
    private final Counter unreadable;
    private final SummaryCache summary;
    private volatile BooleanSupplier ready = () -> false;

    /**
     * @param queueSummary how the queue gauges read the queue (cached for a second, so one scrape computes it once)
     */
    public ConsoleMetrics(MeterRegistry registry, Supplier<ReviewQueue.Summary> queueSummary) {
        this.summary = new SummaryCache(queueSummary);
        for (Decision.Verdict v : Decision.Verdict.values()) {
            Map<ReviewDecision.Action, Counter> byAction = new EnumMap<>(ReviewDecision.Action.class);
            for (ReviewDecision.Action a : ReviewDecision.Action.values()) {
                byAction.put(a, Counter.builder("moderation.console.decisions")
                        .description("decisions written by this console instance")
                        .tag("verdict", v.name()).tag("action", a.name()).register(registry));
            }
            decisions.put(v, byAction);
        }
        for (Severity s : Severity.values()) {
            decisionTime.put(s, Timer.builder("moderation.console.decision.time")
                    .description("time from an alert entering the queue to its decision")
                    .tag("severity", s.value()).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofDays(7))
                    .register(registry));
            Gauge.builder("moderation.console.queue.size", summary, c -> c.get().bySeverity().get(s).count())
                    .description("open alerts in the review queue").tag("severity", s.value()).register(registry);
            Gauge.builder("moderation.console.queue.oldest", summary,
                            c -> c.get().bySeverity().get(s).oldest().toMillis() / 1000.0)
                    .description("time in the queue of the oldest open alert").baseUnit("seconds")
                    .tag("severity", s.value()).register(registry);
            Gauge.builder("moderation.console.queue.median", summary,
                            c -> c.get().bySeverity().get(s).median().toMillis() / 1000.0)
                    .description("time in the queue of the median open alert").baseUnit("seconds")
                    .tag("severity", s.value()).register(registry);
        }
        for (Login l : Login.values()) {
            logins.put(l, Counter.builder("moderation.console.logins").description("sign-in attempts")
                    .tag("result", l.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
        for (ReviewQueue.ClaimOutcome o : ReviewQueue.ClaimOutcome.values()) {
            claims.put(o, Counter.builder("moderation.console.claims").description("claims asked for by reviewers")
                    .tag("result", o.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
        csrfRefused = Counter.builder("moderation.console.csrf.refused")
                .description("state-changing requests refused for a missing or wrong CSRF token").register(registry);
        alertsRead = Counter.builder("moderation.console.alerts.read")
                .description("alerts read from the alerts topic into the queue").register(registry);
        unreadable = Counter.builder("moderation.console.records.unreadable")
                .description("records of the console's topics that could not be read, skipped").register(registry);
        Gauge.builder("moderation.console.ready", this, m -> m.ready.getAsBoolean() ? 1 : 0)
                .description("1 once the queue is rebuilt from the topics").register(registry);
    }

    /** Counts a decision written by this instance and its time in the queue. */
    public void decided(ReviewDecision d, Severity severity, Duration inQueue) {
        decisions.get(d.verdict()).get(d.action()).increment();
        decisionTime.get(severity).record(inQueue.isNegative() ? Duration.ZERO : inQueue);
    }

    public void login(Login result) {
        logins.get(result).increment();
    }

    public void claim(ReviewQueue.ClaimOutcome outcome) {
        claims.get(outcome).increment();
    }

    public void csrfRefused() {
        csrfRefused.increment();
    }

    public void alertRead() {
        alertsRead.increment();
    }

    public void unreadable() {
        unreadable.increment();
    }

    /** Where {@code moderation.console.ready} reads its value. */
    public void readyFrom(BooleanSupplier supplier) {
        this.ready = supplier;
    }

    /** The queue summary, recomputed at most once a second. */
    private static final class SummaryCache {
        private final Supplier<ReviewQueue.Summary> source;
        private ReviewQueue.Summary value;
        private long atNanos;

        SummaryCache(Supplier<ReviewQueue.Summary> source) {
            this.source = source;
        }

        synchronized ReviewQueue.Summary get() {
            long now = System.nanoTime();
            if (value == null || now - atNanos > 1_000_000_000L) {
                value = source.get();
                atNanos = now;
            }
            return value;
        }
    }
}
