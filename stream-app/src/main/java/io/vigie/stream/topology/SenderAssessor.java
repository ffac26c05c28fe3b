package io.vigie.stream.topology;

import io.vigie.core.state.SenderState;
import io.vigie.core.assess.SideAssessment;
import io.vigie.core.state.UserState;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Judges a sender's behaviour across all of their conversations (store keyed by senderId after the
 * repartition): fan-out to likely minors, bursts of contacts from new accounts. Erasure deletes the state.
 */
final class SenderAssessor extends ModerationProcessor<String, Events.SideEvent> {

    private final long retentionMs;
    private KeyValueStore<String, SenderState> senders;

    SenderAssessor(ModerationConfig config, Wiring wiring) {
        super(config, wiring, Stores.CHAIN_SENDERS);
        this.retentionMs = config.getLong(ModerationConfig.STATE_RETENTION_MS);
    }

    @Override
    public void init(ProcessorContext<String, Out> context) {
        super.init(context);
        senders = context.getStateStore(Stores.SENDERS);
    }

    @Override
    public void process(Record<String, Events.SideEvent> record) {
        Events.SideEvent e = record.value();
        String senderId = record.key();
        if (e == null || senderId == null) {
            return;
        }
        if (e.kind() == Events.SideEventKind.ERASE) {
            senders.delete(senderId);
            return;
        }
        if (e.kind() != Events.SideEventKind.MESSAGE || e.message() == null) {
            return;
        }
        SenderState state = senders.get(senderId);
        UserState sender = user(senderId).withSnapshot(e.message().sender(), e.message().sentAt());
        SideAssessment<SenderState> a = session().assessSender(state != null ? state : SenderState.empty(senderId),
                e.message(), sender, recipients(e.message().recipientIds()));
        senders.put(senderId, a.state());
        emit(record, a.alert(), a.actions(), e.message().conversationId());
    }

    @Override
    protected void sweep(long streamTimeMs) {
        expire(senders, Stores.SENDERS, streamTimeMs, s -> millis(s.lastSeen()), s -> retentionMs);
    }
}
