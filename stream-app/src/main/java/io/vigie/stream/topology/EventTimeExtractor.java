package io.vigie.stream.topology;

import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.Decision;
import io.vigie.core.contract.Profile;
import io.vigie.stream.serde.Parsed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import java.time.Clock;
import java.util.Objects;

/**
 * Event time of the input topics, from the parsed value: {@code sentAt} of a message, {@code updatedAt} of a
 * profile, {@code decidedAt} of a decision. An unreadable record (bound for the DLQ) or a value without a time
 * keeps the record's own timestamp, or the partition's stream time when that is invalid, so it never stops
 * the stream.
 *
 * <p>Event time is never trusted beyond what Kafka accepts: the timestamp returned is at most the clock's now
 * plus {@code maxSkewMs}. Every record the topology writes while processing this one (repartitions,
 * changelogs) inherits it, and since Kafka 4.0 a broker refuses a timestamp more than
 * {@code log.message.timestamp.after.max.ms} (1 h by default) ahead of its own clock: one message from a client
 * whose clock is days ahead would otherwise fail every produce of its task, forever. The processors still read
 * the event time from the record's fields, so a capped message is scored with its own {@code sentAt}.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    private final Clock clock;
    private final long maxSkewMs;

    /**
     * @param clock     the processing clock; never null
     * @param maxSkewMs how far ahead of {@code clock} a timestamp may be, in ms; not negative
     */
    public EventTimeExtractor(Clock clock, long maxSkewMs) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        if (maxSkewMs < 0) {
            throw new IllegalArgumentException("maxSkewMs must not be negative, got " + maxSkewMs);
        }
        this.maxSkewMs = maxSkewMs;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return cap(eventTime(record, partitionTime));
    }

    /** {@code eventTimeMs}, or now plus the allowed skew when it is further ahead. */
    long cap(long eventTimeMs) {
        long limit = clock.millis() + maxSkewMs;
        return limit < 0 || eventTimeMs <= limit ? eventTimeMs : limit; // limit < 0: overflow, no cap
    }

    private static long eventTime(ConsumerRecord<Object, Object> record, long partitionTime) {
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
