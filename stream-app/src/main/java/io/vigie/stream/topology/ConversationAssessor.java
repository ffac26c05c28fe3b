package io.vigie.stream.topology;

import io.vigie.core.assess.Assessment;
import io.vigie.core.assess.DeviceAssessor;
import io.vigie.core.assess.SenderAssessor;
import io.vigie.core.assess.UserFacts;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one processor every chat message goes through (store keyed by conversationId): it reads the conversation,
 * what is known of the sender and recipients and reviewers' dismissals, calls the engine once, writes the next
 * conversation state, and in the same step emits the alert and its actions. Only what needs another key leaves
 * it: what the message taught about its sender (rarely: a new snapshot, a stated age, a hint), the message for
 * the sender processor when it can matter for fan-out or bursts (a likely-minor recipient, a young account), and
 * the message for the device processor when the device carries a ban.
 *
 * <p>A conversation idle for longer than the retention at the message's event time starts afresh, whether or
 * not a sweep deleted it yet. Late messages (older than the conversation's latest minus the grace) are counted in
 * {@code moderation.messages.late} and still scored; messages dated further ahead of the processing clock than
 * {@code moderation.clock.skew.max.ms} in {@code moderation.messages.clock_skew}.
 */
final class ConversationAssessor extends ModerationProcessor<String, ChatMessage> {

    private final long factsRefreshMs;
    private final int objectCache;
    private final long maxSkewMs;
    private KeyValueStore<String, ConversationState> conversations;
    private KeyValueStore<String, Object> dismissals;
    private KeyValueStore<String, Object> bannedDevices;

    ConversationAssessor(String name, ModerationConfig config, Wiring wiring) {
        super(name, config, wiring, Stores.CHAIN_CONVERSATIONS);
        this.factsRefreshMs = Math.max(1, retentionMs / 4);
        this.objectCache = config.getInt(ModerationConfig.STATE_OBJECT_CACHE);
        this.maxSkewMs = config.getLong(ModerationConfig.CLOCK_SKEW_MAX_MS);
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        super.init(context);
        // a new view on every init: Streams calls it again when it re-creates or revives the task
        conversations = ObjectCachingStore.of(context.getStateStore(Stores.CONVERSATIONS), objectCache);
        dismissals = context.getStateStore(Stores.DISMISSALS);
        bannedDevices = context.getStateStore(Stores.BANNED_DEVICES);
    }

    @Override
    public void process(Record<String, ChatMessage> record) {
        ChatMessage m = record.value();
        Instant at = m.sentAt();
        observe(at);
        if (at.toEpochMilli() > wiring.clock().millis() + maxSkewMs) {
            wiring.metrics().messageClockSkew();
        }
        String conversationId = m.conversationId();
        ConversationState stored = conversations.get(conversationId);
        if (stored != null && expired(lastActivity(stored), at, retentionMs)) {
            stored = null;
        }
        ConversationState conversation = applyDismissals(stored);
        UserState known = user(m.senderId(), at);
        Map<String, UserState> recipients = recipients(m.recipientIds(), at);
        long t0 = System.nanoTime();
        Assessment a = session().assess(m, conversation, known, recipients);
        wiring.metrics().scoringNanos(System.nanoTime() - t0);
        wiring.metrics().messageScored();
        wiring.metrics().findings(a.findings());
        if (a.alert() == null && !session().lastErrors().isEmpty()) {
            wiring.metrics().ruleErrors(session().lastErrors()); // an alert's errors are counted when it is emitted
        }
        if (a.alert() == null && m.messageId().equals(a.conversation().heldMessageId())) {
            wiring.metrics().alertHeld();
        }
        if (a.conversation().lateMessages() > (conversation == null ? 0 : conversation.lateMessages())) {
            wiring.metrics().messageLate();
        }
        if (config.wallClockDetectedAt()) {
            wiring.metrics().e2eLagMs(wiring.clock().millis() - at.toEpochMilli());
        }
        conversations.put(conversationId, a.conversation());
        emit(a.alert(), a.actions(), conversationId);

        UserFacts.Learned learned = UserFacts.learned(known, a.sender(), m.sender(), at, factsRefreshMs,
                anythingLearned(m.senderId()));
        if (learned != null) {
            forward(Output.USER_EVENTS, m.senderId(), Events.UserEvent.learned(learned));
        }
        List<UserState> judged = new ArrayList<>(recipients.size());
        boolean anyMinor = false;
        for (UserState u : recipients.values()) {
            UserState r = UserFacts.inConversation(u, a.conversation().learnedAges().get(u.userId()), at);
            judged.add(r);
            anyMinor |= !r.userId().equals(m.senderId()) && r.likelyMinor();
        }
        if (SenderAssessor.matters(session().engine().policy(), a.sender(), at, anyMinor)) {
            forward(Output.SENDER_EVENTS, m.senderId(), new Events.SideEvent(Events.SideEventKind.MESSAGE,
                    Events.withoutText(m), m.senderId(), at, a.sender(), judged));
        }
        String device = DeviceAssessor.deviceKeyOf(m, a.sender());
        if (device != null && bannedDevices.get(device) != null) {
            forward(Output.DEVICE_EVENTS, device, new Events.SideEvent(Events.SideEventKind.MESSAGE,
                    Events.withoutText(m), m.senderId(), at, a.sender(), List.of()));
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b != null && b.isAfter(a) ? b : a;
    }

    private static Instant lastActivity(ConversationState c) {
        return c.lastEventAt() != null ? c.lastEventAt() : c.riskAt();
    }

    /** Applies reviewers' dismissals of this conversation that its state does not reflect yet. */
    private ConversationState applyDismissals(ConversationState conversation) {
        if (conversation == null || dismissals.approximateNumEntries() == 0) {
            // the store is always in memory (a small global table), where the count is exact: no range scan
            // per message while no reviewer has dismissed anything
            return conversation;
        }
        List<String> pending = new ArrayList<>();
        Instant decidedAt = null;
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
                            decidedAt = latest(decidedAt, d.at());
                        }
                    }
                }
            }
        }
        if (pending.isEmpty()) {
            return conversation;
        }
        // a reviewer has seen it: the context text kept for the review goes a retention after the decision
        return session().decided(session().dismiss(conversation, pending), decidedAt);
    }

    @Override
    protected void sweep(long horizonMs) {
        List<KeyValue<String, ConversationState>> expired = expire(conversations, Stores.CONVERSATIONS, horizonMs,
                c -> millis(lastActivity(c)), c -> retentionMs);
        for (KeyValue<String, ConversationState> kv : expired) {
            String prefix = kv.key + Stores.SEP;
            List<String> keys = new ArrayList<>();
            try (KeyValueIterator<String, Object> it = dismissals.range(prefix, prefix + '\uffff')) {
                it.forEachRemaining(e -> keys.add(e.key));
            }
            for (String k : keys) {
                forward(Output.DISMISSALS, k, null);
            }
        }
    }
}
