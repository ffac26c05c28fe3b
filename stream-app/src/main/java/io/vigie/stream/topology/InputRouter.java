package io.vigie.stream.topology;

import io.vigie.core.state.UserState;
import io.vigie.stream.metrics.ModerationMetrics;
import io.vigie.stream.serde.DlqReason;
import io.vigie.stream.serde.Parsed;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Routes one operator input record after its never-throwing read: a readable value goes on as the events the
 * {@link Handler} makes of it; an unreadable one goes to the DLQ with its original key and bytes, and headers
 * saying why and where it came from ({@value #H_REASON}, {@value #H_DETAIL}, {@value #H_TOPIC},
 * {@value #H_PARTITION}, {@value #H_OFFSET}). The stream never stops on a bad record, and none is dropped
 * silently: each is logged by coordinates (never its content) and counted in {@code moderation.dlq.records}.
 *
 * @param <T> the value type read
 */
final class InputRouter<T> extends ContextualProcessor<byte[], Parsed<T>, String, Out> {

    static final String H_REASON = "vigie.dlq.reason";
    static final String H_DETAIL = "vigie.dlq.detail";
    static final String H_TOPIC = "vigie.source.topic";
    static final String H_PARTITION = "vigie.source.partition";
    static final String H_OFFSET = "vigie.source.offset";

    private static final Logger LOG = LoggerFactory.getLogger(InputRouter.class);

    /** Turns a readable value into events; may reject it as invalid by returning a reason. */
    interface Handler<T> {
        /**
         * @param key the record key as a string; may be null
         * @return null when handled, else why the value is invalid
         */
        String handle(String key, T value, Record<byte[], ?> record, Emitter emitter);
    }

    /** Where a handler sends its events, and what it may look up. */
    interface Emitter {
        /** Forwards at the input record's timestamp (its event time, capped by {@link EventTimeExtractor}). */
        void emit(Out.Route route, String key, Object value);

        /** What is known of a user (global facts store); an unknown user when nothing is. */
        UserState user(String userId);
    }

    private final Handler<T> handler;
    private final ModerationMetrics metrics;
    private final boolean tombstonesAreValues;
    private final java.time.Clock clock;
    private KeyValueStore<String, UserState> facts;

    /**
     * @param wiring              metrics, and the clock that stamps DLQ records
     * @param tombstonesAreValues true when a null value is meaningful (then the handler gets null), false when
     *                            it is an unreadable record
     */
    InputRouter(Handler<T> handler, Wiring wiring, boolean tombstonesAreValues) {
        this.handler = handler;
        this.metrics = wiring.metrics();
        this.clock = wiring.clock();
        this.tombstonesAreValues = tombstonesAreValues;
    }

    @Override
    public void init(ProcessorContext<String, Out> context) {
        super.init(context);
        facts = context.getStateStore(Stores.USER_FACTS);
    }

    @Override
    public void process(Record<byte[], Parsed<T>> record) {
        Parsed<T> p = record.value();
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        Emitter emitter = new Emitter() {
            @Override
            public void emit(Out.Route route, String k, Object v) {
                context().forward(new Record<>(k, Out.of(route, v), record.timestamp(), record.headers()));
            }

            @Override
            public UserState user(String userId) {
                UserState u = facts.get(userId);
                return u != null ? u : UserState.unknown(userId);
            }
        };
        if (p == null || (p.raw() == null && tombstonesAreValues)) {
            if (tombstonesAreValues) {
                String invalid = handler.handle(key, null, record, emitter);
                if (invalid != null) {
                    dlq(record, null, DlqReason.INVALID, invalid);
                }
                return;
            }
            dlq(record, null, DlqReason.INVALID, "null value");
            return;
        }
        if (!p.isOk()) {
            dlq(record, p.raw(), p.reason(), p.detail());
            return;
        }
        String invalid = handler.handle(key, p.value(), record, emitter);
        if (invalid != null) {
            dlq(record, p.raw(), DlqReason.INVALID, invalid);
        }
    }

    private void dlq(Record<byte[], ?> record, byte[] raw, DlqReason reason, String detail) {
        Optional<RecordMetadata> meta = context().recordMetadata();
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(H_REASON, reason.value().getBytes(StandardCharsets.UTF_8));
        if (detail != null) {
            headers.add(H_DETAIL, detail.getBytes(StandardCharsets.UTF_8));
        }
        String where = "?";
        if (meta.isPresent()) {
            RecordMetadata m = meta.get();
            headers.add(H_TOPIC, m.topic().getBytes(StandardCharsets.UTF_8));
            headers.add(H_PARTITION, Integer.toString(m.partition()).getBytes(StandardCharsets.UTF_8));
            headers.add(H_OFFSET, Long.toString(m.offset()).getBytes(StandardCharsets.UTF_8));
            where = m.topic() + "-" + m.partition() + "@" + m.offset();
        }
        metrics.dlq(reason);
        LOG.warn("Unreadable record {} sent to the DLQ: {} ({})", where, reason.value(), detail);
        // processing time: the DLQ's retention runs from when the record was set aside, not from its claimed time
        context().forward(new Record<>(null, Out.dlq(record.key(), raw), clock.millis(), headers));
    }
}
