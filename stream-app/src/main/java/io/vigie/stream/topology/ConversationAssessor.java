package io.vigie.stream.topology;

import io.vigie.core.assess.Assessment;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.state.ConversationState;
import io.vigie.core.state.UserState;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assesses each chat message in its conversation (store keyed by conversationId): merges what is known of the
 * sender and recipients, applies reviewers' dismissals, calls the engine, stores the next conversation state,
 * and in the same step emits the alert, the actions, the facts learned about the sender, and the message
 * (without text) for the sender and device processors.
 *
 * <p>A message older than its conversation's latest minus the policy's grace is late: counted in
 * {@code moderation.messages.late} and still scored.
 */
final class ConversationAssessor extends ModerationProcessor<String, ChatMessage> {

    private final long retentionMs;
    private final long factsRefreshMs;
    private final int objectCache;
    private KeyValueStore<String, ConversationState> conversations;
    private KeyValueStore<String, Object> dismissals;

    ConversationAssessor(ModerationConfig config, Wiring wiring) {
        super(config, wiring, Stores.CHAIN_CONVERSATIONS);
        this.retentionMs = config.getLong(ModerationConfig.STATE_RETENTION_MS);
        this.factsRefreshMs = Math.max(1, retentionMs / 4);
        this.objectCache = config.getInt(ModerationConfig.STATE_OBJECT_CACHE);
    }

    @Override
    public void init(ProcessorContext<String, Out> context) {
        super.init(context);
        // a new view on every init: Streams calls it again when it re-creates or revives the task
        conversations = ObjectCachingStore.of(context.getStateStore(Stores.CONVERSATIONS), objectCache);
        dismissals = context.getStateStore(Stores.DISMISSALS);
    }

    @Override
    public void process(Record<String, ChatMessage> record) {
        ChatMessage m = record.value();
        String conversationId = m.conversationId();
        ConversationState conversation = applyDismissals(conversations.get(conversationId));
        UserState stored = user(m.senderId());
        UserState sender = stored.withSnapshot(m.sender(), m.sentAt());
        Map<String, UserState> recipients = recipients(m.recipientIds());
        if (conversation != null && conversation.lastEventAt() != null) {
            long grace = policy().graceMs();
            if (m.sentAt().isBefore(conversation.lastEventAt().minusMillis(grace))) {
                wiring.metrics().messageLate();
            }
        }
        long t0 = System.nanoTime();
        Assessment a = session().assess(m, conversation, sender, recipients);
        wiring.metrics().scoringNanos(System.nanoTime() - t0);
        wiring.metrics().messageScored();
        wiring.metrics().findings(a.findings());
        if (config.wallClockDetectedAt()) {
            wiring.metrics().e2eLagMs(wiring.clock().millis() - m.sentAt().toEpochMilli());
        }
        conversations.put(conversationId, a.conversation());
        emit(record, a.alert(), a.actions(), conversationId);
        learned(record, m, stored, sender, a.sender());
        Events.SideEvent side = new Events.SideEvent(Events.SideEventKind.MESSAGE, Events.withoutText(m),
                m.senderId(), m.sentAt());
        forward(record, Out.Route.SENDER_EVENT, m.senderId(), side);
        String deviceKey = deviceKey(a.sender());
        if (deviceKey != null) {
            forward(record, Out.Route.DEVICE_EVENT, deviceKey, side);
        }
    }

    /** The policy's grace, through the engine in force. */
    private io.vigie.core.assess.Policy policy() {
        return wiring.engine().current().policy();
    }

    /** The key of the device store: the device id, else the network fingerprint; null when neither is known. */
    static String deviceKey(UserState u) {
        if (u.deviceId() != null && !u.deviceId().isBlank()) {
            return u.deviceId();
        }
        return u.ipHash() != null && !u.ipHash().isBlank() ? u.ipHash() : null;
    }

    /**
     * Sends what this message taught about the sender to the users processor: only when something changed, or
     * to refresh the user's activity once per quarter of the retention.
     */
    private void learned(Record<?, ?> record, ChatMessage m, UserState stored, UserState merged, UserState after) {
        boolean snapshotChanged = m.sender() != null && !sameProfile(stored, merged);
        boolean statedChanged = !Objects.equals(stored.statedAge(), after.statedAge());
        int hints = Math.max(0, after.minorHints() - merged.minorHints());
        boolean stale = stored.lastSeen() == null
                || stored.lastSeen().toEpochMilli() < m.sentAt().toEpochMilli() - factsRefreshMs;
        if (!snapshotChanged && !statedChanged && hints == 0 && !stale) {
            return;
        }
        forward(record, Out.Route.USER_EVENT, m.senderId(), new Events.UserEvent(Events.UserEventKind.LEARNED,
                null, snapshotChanged ? m.sender() : null, statedChanged ? after.statedAge() : null,
                statedChanged ? after.statedAgeAt() : null, hints, false, m.sentAt()));
    }

    private static boolean sameProfile(UserState a, UserState b) {
        return Objects.equals(a.declaredAge(), b.declaredAge()) && Objects.equals(a.gender(), b.gender())
                && Objects.equals(a.postalCode(), b.postalCode())
                && Objects.equals(a.accountCreatedAt(), b.accountCreatedAt())
                && Objects.equals(a.deviceId(), b.deviceId()) && Objects.equals(a.ipHash(), b.ipHash());
    }

    /** Applies reviewers' dismissals of this conversation that its state does not reflect yet. */
    private ConversationState applyDismissals(ConversationState conversation) {
        if (conversation == null) {
            return null;
        }
        List<String> pending = new ArrayList<>();
        String prefix = conversation.conversationId() + Stores.SEP;
        try (KeyValueIterator<String, Object> it = dismissals.range(prefix, prefix + '\uffff')) {
            while (it.hasNext()) {
                Object v = it.next().value;
                if (v instanceof ValueAndTimestamp<?> vt) {
                    v = vt.value();
                }
                if (v instanceof Events.Dismissal d) {
                    for (String rule : d.ruleIds()) {
                        if (!conversation.dismissedRules().contains(rule) && !pending.contains(rule)) {
                            pending.add(rule);
                        }
                    }
                }
            }
        }
        return pending.isEmpty() ? conversation : session().dismiss(conversation, pending);
    }

    @Override
    protected void sweep(long streamTimeMs) {
        List<KeyValue<String, ConversationState>> expired = expire(conversations, Stores.CONVERSATIONS,
                streamTimeMs, c -> c.lastEventAt() != null ? c.lastEventAt().toEpochMilli() : millis(c.riskAt()),
                c -> retentionMs);
        for (KeyValue<String, ConversationState> kv : expired) {
            String prefix = kv.key + Stores.SEP;
            List<String> keys = new ArrayList<>();
            try (KeyValueIterator<String, Object> it = dismissals.range(prefix, prefix + '\uffff')) {
                it.forEachRemaining(e -> keys.add(e.key));
            }
            for (String k : keys) {
                forwardOutput(Out.Route.DISMISSAL, k, null);
            }
        }
    }
}
