package io.vigie.stream.topology;

import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.Decision;
import io.vigie.core.contract.Profile;
import io.vigie.stream.serde.Parsed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of the input topics, from the parsed value: {@code sentAt} of a message, {@code updatedAt} of a
 * profile, {@code decidedAt} of a decision. An unreadable record (bound for the DLQ) or a value without a time
 * keeps the record's own timestamp, or the partition's stream time when that is invalid, so it never stops
 * the stream.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Parsed<?> p && p.value() != null) {
            Object v = p.value();
            if (v instanceof ChatMessage m) {
                return m.sentAt().toEpochMilli();
            }
            if (v instanceof Profile pr && pr.updatedAt() != null) {
                return pr.updatedAt().toEpochMilli();
            }
            if (v instanceof Decision d && d.decidedAt() != null) {
                return d.decidedAt().toEpochMilli();
            }
        }
        long ts = record.timestamp();
        return ts >= 0 ? ts : Math.max(partitionTime, 0);
    }
}
