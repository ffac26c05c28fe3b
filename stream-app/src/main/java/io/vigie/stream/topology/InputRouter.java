package io.vigie.stream.topology;

import io.vigie.stream.metrics.ModerationMetrics;
import io.vigie.stream.serde.DlqReason;
import io.vigie.stream.serde.Parsed;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Routes one operator input record after its never-throwing read: a readable, valid value goes on to the next
 * processor as {@code Record<String, T>} (key as a string, the input's timestamp and headers); an unreadable or
 * invalid one goes to the DLQ with its original key and bytes, at the processing time, and headers saying why
 * and where it came from ({@value #H_REASON}, {@value #H_DETAIL}, {@value #H_TOPIC}, {@value #H_PARTITION},
 * {@value #H_OFFSET}). The stream never stops on a bad record, and none is dropped silently: each is logged by
 * coordinates (never its content) and counted in {@code moderation.dlq.records}.
 *
 * @param <T> the value type read
 */
final class InputRouter<T> implements Processor<byte[], Parsed<T>, Object, Object> {

    static final String H_REASON = "vigie.dlq.reason";
    static final String H_DETAIL = "vigie.dlq.detail";
    static final String H_TOPIC = "vigie.source.topic";
    static final String H_PARTITION = "vigie.source.partition";
    static final String H_OFFSET = "vigie.source.offset";

    private static final Logger LOG = LoggerFactory.getLogger(InputRouter.class);

    /** Says why a readable value is invalid, or null when it is valid. */
    @FunctionalInterface
    interface Validator<T> {
        /**
         * @param key the record key as a string; may be null
         * @param value the value read; never null
         */
        String invalid(String key, T value);
    }

    private final String name;
    private final String next;
    private final Validator<T> validator;
    private final ModerationMetrics metrics;
    private final Clock clock;
    private ProcessorContext<Object, Object> context;

    /**
     * @param name      this node's name (its DLQ sink is named after it)
     * @param next      the node valid values go to
     * @param validator checks a readable value
     */
    InputRouter(String name, String next, Validator<T> validator, Wiring wiring) {
        this.name = name;
        this.next = next;
        this.validator = validator;
        this.metrics = wiring.metrics();
        this.clock = wiring.clock();
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], Parsed<T>> record) {
        Parsed<T> p = record.value();
        if (p == null || p.raw() == null) {
            dlq(record, null, DlqReason.INVALID, "null value");
            return;
        }
        if (!p.isOk()) {
            dlq(record, p.raw(), p.reason(), p.detail());
            return;
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        String invalid = validator.invalid(key, p.value());
        if (invalid != null) {
            dlq(record, p.raw(), DlqReason.INVALID, invalid);
            return;
        }
        context.forward(new Record<>(key, p.value(), record.timestamp(), record.headers()), next);
    }

    private void dlq(Record<byte[], ?> record, byte[] raw, DlqReason reason, String detail) {
        Optional<RecordMetadata> meta = context.recordMetadata();
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
        context.forward(new Record<>(record.key(), raw, clock.millis(), headers), Output.DLQ.sinkOf(name));
    }
}
