package io.vigie.stream.topology;

import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.ModerationEngine;
import io.vigie.core.ModerationSession;
import io.vigie.core.state.UserState;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
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
 * What the stateful processors of the topology share: the session on the engine in force, lookups in the
 * global user facts store, alert emission (clock, chain, index, metrics), and the event-time sweep that
 * deletes idle state.
 *
 * <p>One instance per task (Kafka Streams creates it through a supplier), so the session and its scratch
 * buffers are used by one thread only.
 *
 * @param <V> input value type
 */
abstract class ModerationProcessor<K, V> extends ContextualProcessor<K, V, String, Out> {

    protected final ModerationConfig config;
    protected final Wiring wiring;
    private final String chainStoreName;
    private ModerationEngine engine;
    private ModerationSession session;
    private KeyValueStore<String, Events.ChainHead> chain;
    private KeyValueStore<String, ?> facts;
    private String taskId;

    ModerationProcessor(ModerationConfig config, Wiring wiring, String chainStoreName) {
        this.config = config;
        this.wiring = wiring;
        this.chainStoreName = chainStoreName;
    }

    @Override
    public void init(ProcessorContext<String, Out> context) {
        super.init(context);
        taskId = context.taskId().toString();
        if (chainStoreName != null) {
            chain = context.getStateStore(chainStoreName);
        }
        facts = context.getStateStore(Stores.USER_FACTS);
        long interval = config.getLong(ModerationConfig.STATE_SWEEP_INTERVAL_MS);
        context.schedule(Duration.ofMillis(interval), PunctuationType.STREAM_TIME, this::sweep);
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

    protected final String taskId() {
        return taskId;
    }

    /** What is known of a user (profile + facts), or an unknown user. */
    protected final UserState user(String userId) {
        Object v = facts.get(userId);
        if (v instanceof ValueAndTimestamp<?> vt) {
            v = vt.value();
        }
        return v instanceof UserState s ? s : UserState.unknown(userId);
    }

    /** The recipients' states, in order, without duplicates. */
    protected final Map<String, UserState> recipients(List<String> ids) {
        Map<String, UserState> out = new LinkedHashMap<>();
        for (String id : ids) {
            if (!out.containsKey(id)) {
                out.put(id, user(id));
            }
        }
        return out;
    }

    /**
     * Forwards a value on {@code route}. A record bound for an output topic carries the processing time, so the
     * topic's time-based retention keeps it as long as it keeps anything written now (the event time stays in
     * the value's fields); a record bound for a repartition keeps the input's timestamp (event time, capped by
     * {@link EventTimeExtractor}).
     */
    protected final <T> void forward(Record<?, ?> from, Out.Route route, String key, T value) {
        long timestamp = route.isOutput() ? wiring.clock().millis() : from.timestamp();
        context().forward(new Record<>(key, Out.of(route, value), timestamp, from.headers()));
    }

    /** Forwards a value on an output route outside the processing of a record (a sweep), at processing time. */
    protected final void forwardOutput(Out.Route route, String key, Object value) {
        if (!route.isOutput()) {
            throw new IllegalArgumentException(route + " is not an output route");
        }
        context().forward(new Record<>(key, Out.of(route, value), wiring.clock().millis()));
    }

    /**
     * Emits an alert and the actions decided with it, in this processing step: the alert gets its
     * {@code detectedAt} (wall clock in live runs, event time in replay) and its link in the task's chain, goes
     * to the alerts topic and to the alert index.
     */
    protected final void emit(Record<?, ?> from, Alert alert, List<ActionCommand> actions, String fallbackKey) {
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
            String key = a.conversationId() != null ? a.conversationId() : fallbackKey;
            forward(from, Out.Route.ALERT, key, a);
            List<String> ruleIds = new ArrayList<>();
            for (Alert.Signal s : a.signals()) {
                if (s.ruleId() != null && !ruleIds.contains(s.ruleId())) {
                    ruleIds.add(s.ruleId());
                }
            }
            Instant at = a.sentAt() != null ? a.sentAt() : Instant.ofEpochMilli(from.timestamp());
            forward(from, Out.Route.INDEX_EVENT, a.alertId(), new Events.IndexEvent(
                    new Events.AlertRef(a.alertId(), a.conversationId(), a.senderId(), ruleIds, a.categories(), at),
                    null));
            wiring.metrics().alert(a);
            wiring.metrics().ruleErrors(a.errors());
        }
        for (ActionCommand c : actions) {
            forward(from, Out.Route.ACTION, c.userId(), c);
            wiring.metrics().action(c.action());
        }
    }

    /** Deletes idle entries at each sweep; subclasses say which store and how old an entry is. */
    protected abstract void sweep(long streamTimeMs);

    /**
     * Deletes entries of {@code store} whose last activity is older than their retention, and reports the size.
     *
     * @param lastActivity epoch ms of an entry's last activity; Long.MIN_VALUE when unknown (deleted)
     * @param retention    retention in ms of an entry
     * @return the deleted keys and values
     */
    protected final <S> List<KeyValue<String, S>> expire(KeyValueStore<String, S> store, String metricName,
                                                        long streamTimeMs, ToLongFunction<S> lastActivity,
                                                        ToLongFunction<S> retention) {
        List<KeyValue<String, S>> expired = new ArrayList<>();
        long kept = 0;
        try (KeyValueIterator<String, S> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, S> kv = it.next();
                long last = kv.value == null ? Long.MIN_VALUE : lastActivity.applyAsLong(kv.value);
                if (kv.value == null || last < streamTimeMs - retention.applyAsLong(kv.value)) {
                    expired.add(kv);
                } else {
                    kept++;
                }
            }
        }
        for (KeyValue<String, S> kv : expired) {
            store.delete(kv.key);
        }
        wiring.metrics().stateEntries(metricName, taskId, kept);
        return expired;
    }

    protected static long millis(Instant i) {
        return i == null ? Long.MIN_VALUE : i.toEpochMilli();
    }
}
