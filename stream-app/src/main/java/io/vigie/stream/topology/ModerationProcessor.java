package io.vigie.stream.topology;

import io.vigie.core.ModerationEngine;
import io.vigie.core.ModerationSession;
import io.vigie.core.assess.UserFacts;
import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.state.UserState;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What the stateful processors of the topology share: the session on the engine in force, what is known of a
 * user (profile and learned facts, both global stores), typed outputs, alert emission (clock, chain, index,
 * metrics), and the sweep that frees expired state.
 *
 * <p><b>Time.</b> Every record a processor writes carries the processing time, so the retention of the topic it
 * lands on runs from the write; event time stays in the values. Expiry is decided when an entry is read, against
 * the event time of the record that reads it, so results never depend on when a sweep ran. The sweep is
 * scheduled on the wall clock and deletes what expired before the newest event time the task has processed,
 * minus the grace; it only frees space.
 *
 * <p><b>Sweeps in slices.</b> A sweep pass reads every entry of the store (and deserializes it), on the stream
 * thread, which processes nothing meanwhile: in one piece it held the thread for ~25–60 µs per entry, 60–170 ms
 * per task with the 2,900 conversations per task of {@code bench driver}, and it grows with the store (seconds
 * for a week of conversations), every sweep interval: a stall of every partition of the task at once, seen as
 * the send-to-action latency tail. A pass now reads at most {@link #SWEEP_SLICE_ENTRIES} entries at a time and
 * goes on from the key where it stopped every {@link #SWEEP_SLICE_INTERVAL} of wall clock until it has read the
 * whole store, with the horizon fixed when the pass started; a new pass starts every sweep interval, once the
 * previous one ended.
 *
 * <p>One instance per task (Kafka Streams creates it through a supplier), so the session and its scratch buffers
 * are used by one thread only.
 *
 * @param <KIn> input key type
 * @param <VIn> input value type
 */
abstract class ModerationProcessor<KIn, VIn> implements Processor<KIn, VIn, Object, Object> {

    protected final ModerationConfig config;
    protected final Wiring wiring;
    protected final String name;
    protected final long retentionMs;
    protected final long banRetentionMs;
    private final boolean learnedEverywhere;
    private final String chainStoreName;
    private ModerationEngine engine;
    private ModerationSession session;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, Events.ChainHead> chain;
    private KeyValueStore<String, ?> profiles;
    private KeyValueStore<String, ?> facts;
    private long maxEventTimeMs = Long.MIN_VALUE;
    /** Where the pass in progress stands in each store this processor sweeps, by store (metric) name. */
    private final Map<String, SweepCursor> sweepCursors = new LinkedHashMap<>();
    /** Horizon of the sweep pass in progress; Long.MIN_VALUE when no pass is in progress. */
    private long sweepHorizonMs = Long.MIN_VALUE;

    /**
     * Entries one slice of a sweep pass reads at most, per store: with the conversation state's ~25–60 µs per
     * entry (read, deserialize, check), about 6–15 ms of the stream thread.
     */
    static final int SWEEP_SLICE_ENTRIES = 256;
    /** Wall-clock interval between two slices of a sweep pass in progress (a no-op when none is). */
    static final Duration SWEEP_SLICE_INTERVAL = Duration.ofMillis(100);

    /**
     * @param name           this processor's node name (its outputs' sinks are named after it)
     * @param chainStoreName the store of the alert chain's head; null for a processor that emits no alert
     */
    ModerationProcessor(String name, ModerationConfig config, Wiring wiring, String chainStoreName) {
        this.name = name;
        this.config = config;
        this.wiring = wiring;
        this.chainStoreName = chainStoreName;
        this.retentionMs = config.getLong(ModerationConfig.STATE_RETENTION_MS);
        this.banRetentionMs = config.getLong(ModerationConfig.STATE_BAN_RETENTION_MS);
        this.learnedEverywhere = ModerationConfig.SCOPE_ALL.equals(config.getString(ModerationConfig.FACTS_SCOPE));
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        if (chainStoreName != null) {
            chain = context.getStateStore(chainStoreName);
        }
        profiles = context.getStateStore(Stores.PROFILES);
        facts = context.getStateStore(Stores.USER_FACTS);
        long interval = config.getLong(ModerationConfig.STATE_SWEEP_INTERVAL_MS);
        // a new pass every interval (unless one is still going on), and its next slice every slice interval;
        // both scheduled here, once: a punctuator is never scheduled from another one
        context.schedule(Duration.ofMillis(interval), PunctuationType.WALL_CLOCK_TIME, now -> startSweep());
        context.schedule(SWEEP_SLICE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> continueSweep());
    }

    /** Starts a sweep pass at the current horizon and runs its first slice, unless a pass is in progress. */
    private void startSweep() {
        if (sweepHorizonMs == Long.MIN_VALUE && maxEventTimeMs != Long.MIN_VALUE) {
            sweepHorizonMs = maxEventTimeMs - policyGraceMs();
            continueSweep();
        }
    }

    /** Runs the next slice of the pass in progress, if any; the pass ends when every store was read to its end. */
    private void continueSweep() {
        if (sweepHorizonMs == Long.MIN_VALUE) {
            return;
        }
        sweep(sweepHorizonMs);
        for (SweepCursor c : sweepCursors.values()) {
            if (c.after != null) {
                return;
            }
        }
        sweepHorizonMs = Long.MIN_VALUE;
    }

    /** A store's position in the sweep pass in progress. */
    private static final class SweepCursor {
        /** The last key read; null before the pass's first slice and once the store was read to its end. */
        String after;
        /** Entries kept so far in this pass. */
        long kept;
    }

    protected final ProcessorContext<Object, Object> context() {
        return context;
    }

    /**
     * The session on the engine in force, opened on first use in this task and again after a rule pack reload
     * (a reference check per record).
     */
    protected final ModerationSession session() {
        ModerationEngine current = wiring.engine().current();
        if (current != engine) {
            engine = current;
            session = current.newSession();
        }
        return session;
    }

    private long policyGraceMs() {
        return config.getLong(ModerationConfig.POLICY_GRACE_MS);
    }

    /** Records that the task has processed event time {@code at} (the sweep's reference). */
    protected final void observe(Instant at) {
        if (at != null && at.toEpochMilli() > maxEventTimeMs) {
            maxEventTimeMs = at.toEpochMilli();
        }
    }

    /**
     * What is known of a user at event time {@code at}: the profile, with the facts learned from chat and
     * reviewers over it (unless they expired by {@code at}; with {@code moderation.facts.learned.scope} =
     * own-conversation, only reviewers' facts); an unknown user when neither is known.
     */
    protected final UserState user(String userId, Instant at) {
        UserState profile = value(profiles.get(userId));
        UserState learned = value(facts.get(userId));
        if (learned != null && at != null && UserFacts.expired(learned, at, retentionMs, banRetentionMs)) {
            learned = null;
        }
        if (!learnedEverywhere) {
            learned = UserFacts.reviewersOnly(learned);
        }
        return UserFacts.merge(userId, profile, learned);
    }

    /**
     * Everything stored of a user, whatever the scope of learned facts and however old (what an erasure must
     * reach); an unknown user when nothing is.
     */
    protected final UserState everythingKnown(String userId) {
        return UserFacts.merge(userId, value(profiles.get(userId)), value(facts.get(userId)));
    }

    /** Whether anything was learned of the user from chat or reviewers (and not erased or swept yet). */
    protected final boolean anythingLearned(String userId) {
        return value(facts.get(userId)) != null;
    }

    /** The profile part of what is known of a user; null when the user has no profile. */
    protected final UserState profile(String userId) {
        return value(profiles.get(userId));
    }

    /** The recipients' states at {@code at}, in order, without duplicates. */
    protected final Map<String, UserState> recipients(List<String> ids, Instant at) {
        Map<String, UserState> out = new LinkedHashMap<>();
        for (String id : ids) {
            if (!out.containsKey(id)) {
                out.put(id, user(id, at));
            }
        }
        return out;
    }

    private static UserState value(Object v) {
        if (v instanceof ValueAndTimestamp<?> vt) {
            v = vt.value();
        }
        return v instanceof UserState s ? s : null;
    }

    /** Forwards to {@code output}'s sink at the processing time. */
    protected final <K, V> void forward(Output<K, V> output, K key, V value) {
        context.forward(new Record<>(key, value, wiring.clock().millis()), output.sinkOf(name));
    }

    /** Forwards to {@code output}'s sink at the processing time, with headers. */
    protected final <K, V> void forward(Output<K, V> output, K key, V value, Headers headers) {
        context.forward(new Record<>(key, value, wiring.clock().millis(), headers), output.sinkOf(name));
    }

    /**
     * Emits an alert and the actions decided with it, in this processing step: the alert gets its
     * {@code detectedAt} (wall clock in live runs, event time in replay) and its link in the task's chain, goes
     * to the alerts topic and to the alert index.
     */
    protected final void emit(Alert alert, List<ActionCommand> actions, String fallbackKey) {
        if (alert != null) {
            Alert a = alert;
            if (config.wallClockDetectedAt()) {
                a = a.withDetectedAt(wiring.clock().instant());
            } else if (a.detectedAt() == null) {
                a = a.withDetectedAt(a.sentAt());
            }
            Events.ChainHead head = chain.get("head");
            a = wiring.linker().link(a, head == null ? null : head.hash());
            chain.put("head", new Events.ChainHead(a.hash(), head == null ? 1 : head.alerts() + 1));
            forward(Output.ALERTS, a.conversationId() != null ? a.conversationId() : fallbackKey, a);
            List<String> ruleIds = new ArrayList<>();
            for (Alert.Signal s : a.signals()) {
                if (s.ruleId() != null && !ruleIds.contains(s.ruleId())) {
                    ruleIds.add(s.ruleId());
                }
            }
            // indexed at its detection, not its message's event time: a review days after an old message counts
            forward(Output.INDEX_EVENTS, a.alertId(), new Events.IndexEvent(new Events.AlertRef(a.alertId(),
                    a.conversationId(), a.senderId(), ruleIds, a.categories(), a.detectedAt()), null));
            wiring.metrics().alert(a);
            wiring.metrics().ruleErrors(a.errors());
        }
        for (ActionCommand c : actions) {
            forward(Output.ACTIONS, c.userId(), c);
            wiring.metrics().action(c.action());
        }
    }

    /**
     * Runs one slice of the sweep pass that deletes entries expired before event time {@code horizonMs};
     * subclasses say which store and how old an entry is (see {@link #expire}), and call {@link #expire} once per
     * store they keep.
     */
    protected abstract void sweep(long horizonMs);

    /**
     * One slice of the sweep pass over {@code store}: reads at most {@link #SWEEP_SLICE_ENTRIES} entries from
     * where the previous slice stopped (from the first key when the pass starts), deletes those whose last
     * activity is older than their retention before {@code horizonMs}, and reports the size once the pass has read
     * the whole store. Entries written meanwhile are read if their key comes later, and are kept anyway (they are
     * newer than the horizon); deleting or writing entries between slices is safe, since each slice opens a new
     * iterator after the last key read.
     *
     * @param lastActivity epoch ms of an entry's last activity; Long.MIN_VALUE when unknown (deleted)
     * @param retention    retention in ms of an entry
     * @return the keys and values this slice deleted
     */
    protected final <S> List<KeyValue<String, S>> expire(KeyValueStore<String, S> store, String metricName,
                                                        long horizonMs, ToLongFunction<S> lastActivity,
                                                        ToLongFunction<S> retention) {
        SweepCursor cursor = sweepCursors.computeIfAbsent(metricName, k -> new SweepCursor());
        List<KeyValue<String, S>> expired = new ArrayList<>();
        String from = cursor.after;
        String last = null;
        int read = 0;
        boolean end;
        try (KeyValueIterator<String, S> it = from == null ? store.all() : store.range(from, null)) {
            while (read < SWEEP_SLICE_ENTRIES && it.hasNext()) {
                KeyValue<String, S> kv = it.next();
                if (kv.key.equals(from)) {
                    continue; // read by the previous slice (range bounds are inclusive)
                }
                read++;
                last = kv.key;
                long at = kv.value == null ? Long.MIN_VALUE : lastActivity.applyAsLong(kv.value);
                if (kv.value == null || at < horizonMs - retention.applyAsLong(kv.value)) {
                    expired.add(kv);
                } else {
                    cursor.kept++;
                }
            }
            end = !it.hasNext();
        }
        for (KeyValue<String, S> kv : expired) {
            store.delete(kv.key);
        }
        if (end) {
            wiring.metrics().stateEntries(metricName, context.taskId().toString(), cursor.kept);
            cursor.after = null;
            cursor.kept = 0;
        } else {
            cursor.after = last != null ? last : from;
        }
        return expired;
    }

    /** Whether an entry last active at {@code last} is past {@code retention} at event time {@code at}. */
    protected static boolean expired(Instant last, Instant at, long retention) {
        return last != null && at != null && last.toEpochMilli() < at.toEpochMilli() - retention;
    }

    protected static long millis(Instant i) {
        return i == null ? Long.MIN_VALUE : i.toEpochMilli();
    }
}
