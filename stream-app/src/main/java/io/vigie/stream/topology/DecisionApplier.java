package io.vigie.stream.topology;

import io.vigie.core.contract.Decision;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * The alert index (store keyed by alertId, entries kept for the review retention after the alert's detection)
 * and the reviewers' decisions applied through it. CONFIRMED goes to the sender's facts (and bans them, with
 * {@code ban}); DISMISSED records the alert's rules as dismissed for its conversation (global dismissals store),
 * which lowers that conversation's alerting from its next message on. A decision on an alert detected longer than
 * the review retention before the decision's time is ignored, whether or not a sweep deleted it yet. Detection,
 * not the message's event time: a reviewer who bans a week after an alert about a month-old message must ban.
 */
final class DecisionApplier extends ModerationProcessor<String, Events.IndexEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionApplier.class);

    private KeyValueStore<String, Events.AlertRef> index;

    private final long reviewRetentionMs;

    DecisionApplier(String name, ModerationConfig config, Wiring wiring) {
        super(name, config, wiring, null);
        this.reviewRetentionMs = config.getLong(ModerationConfig.STATE_REVIEW_RETENTION_MS);
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        super.init(context);
        index = context.getStateStore(Stores.ALERT_INDEX);
    }

    @Override
    public void process(Record<String, Events.IndexEvent> record) {
        Events.IndexEvent e = record.value();
        if (e == null || record.key() == null) {
            return;
        }
        if (e.alert() != null) {
            observe(e.alert().at());
            index.put(record.key(), e.alert());
            return;
        }
        Decision d = e.decision();
        if (d == null) {
            return;
        }
        Instant at = d.decidedAt() != null ? d.decidedAt() : Instant.ofEpochMilli(record.timestamp());
        Events.AlertRef ref = index.get(d.alertId());
        if (ref == null || expired(ref.at(), at, reviewRetentionMs)) {
            LOG.warn("Decision on an alert not in the index (unknown, or detected longer than {} ago), ignored: {}",
                    Duration.ofMillis(reviewRetentionMs),
                    context().recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
                            .orElse("?"));
            return;
        }
        if (d.verdict() == Decision.Verdict.CONFIRMED) {
            if (ref.senderId() != null) {
                forward(Output.USER_EVENTS, ref.senderId(), Events.UserEvent.confirmed(d.ban(), at));
            }
        } else if (ref.conversationId() != null) {
            forward(Output.DISMISSALS, Stores.dismissalKey(ref.conversationId(), ref.alertId()),
                    new Events.Dismissal(ref.conversationId(), ref.ruleIds(), at));
        }
    }

    @Override
    protected void sweep(long horizonMs) {
        expire(index, Stores.ALERT_INDEX, horizonMs, r -> millis(r.at()), r -> reviewRetentionMs);
    }
}
