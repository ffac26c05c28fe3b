package io.vigie.stream.topology;

import io.vigie.core.assess.SideAssessment;
import io.vigie.core.state.SenderState;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Judges a sender's behaviour across all of their conversations (store keyed by senderId): fan-out to likely
 * minors, bursts of contacts from new accounts. It only receives the messages that can matter for either (see
 * {@link io.vigie.core.assess.SenderAssessor#matters}), with the sender and recipients as the conversation
 * processor knew them. State idle for longer than the retention at a message's event time starts afresh.
 * Erasure deletes the state.
 */
final class SenderAssessor extends ModerationProcessor<String, Events.SideEvent> {

    private KeyValueStore<String, SenderState> senders;

    SenderAssessor(String name, ModerationConfig config, Wiring wiring) {
        super(name, config, wiring, Stores.CHAIN_SENDERS);
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
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
        observe(e.at());
        SenderState state = senders.get(senderId);
        if (state == null || expired(state.lastSeen(), e.at(), retentionMs)) {
            state = SenderState.empty(senderId);
        }
        SideAssessment<SenderState> a = session().assessSender(state, e.message(), e.sender(),
                e.recipientsById());
        senders.put(senderId, a.state());
        emit(a.alert(), a.actions(), e.message().conversationId());
    }

    @Override
    protected void sweep(long horizonMs) {
        expire(senders, Stores.SENDERS, horizonMs, s -> millis(s.lastSeen()), s -> retentionMs);
    }
}
