package io.vigie.stream.topology;

import io.vigie.core.assess.DeviceAssessor;
import io.vigie.core.assess.UserFacts;
import io.vigie.core.state.UserState;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The single writer of what was learned of each user (store keyed by userId): sender snapshots, stated ages and
 * minor hints from chat, reviewers' confirmations and bans, erasure. Every change is written to the compacted
 * facts topic, which every instance reads back as the global {@code user-facts} store: a stated age learned in
 * one conversation follows the user into all of them. A ban also goes to each of the user's devices. Profiles are
 * not kept here: they are read directly from the profiles topic, so no sweep of this store can lose one.
 */
final class UserFactsKeeper extends ModerationProcessor<String, Events.UserEvent> {

    private KeyValueStore<String, UserState> users;

    UserFactsKeeper(String name, ModerationConfig config, Wiring wiring) {
        super(name, config, wiring, null);
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        super.init(context);
        users = context.getStateStore(Stores.USERS);
    }

    @Override
    public void process(Record<String, Events.UserEvent> record) {
        String userId = record.key();
        Events.UserEvent e = record.value();
        if (userId == null || e == null) {
            return;
        }
        observe(e.at());
        UserState before = users.get(userId);
        if (before != null && e.at() != null && UserFacts.expired(before, e.at(), retentionMs, banRetentionMs)) {
            before = null;
        }
        UserState s = before != null ? before : UserState.unknown(userId);
        switch (e.kind()) {
            case LEARNED -> s = UserFacts.apply(s, e.asLearned());
            case CONFIRMED -> {
                s = UserFacts.confirmed(s, e.ban(), e.at());
                if (e.ban()) {
                    for (String device : DeviceAssessor.deviceKeysOf(UserFacts.merge(userId, profile(userId), s))) {
                        forward(Output.DEVICE_EVENTS, device,
                                Events.SideEvent.of(Events.SideEventKind.BAN, userId, e.at()));
                    }
                }
            }
            case ERASE -> {
                users.delete(userId);
                forward(Output.FACTS, userId, null);
                return;
            }
            default -> throw new IllegalStateException("unknown user event kind " + e.kind());
        }
        users.put(userId, s);
        forward(Output.FACTS, userId, s);
    }

    @Override
    protected void sweep(long horizonMs) {
        for (KeyValue<String, UserState> kv : expire(users, Stores.USERS, horizonMs, u -> millis(u.lastSeen()),
                u -> u.banned() ? banRetentionMs : retentionMs)) {
            forward(Output.FACTS, kv.key, null);
        }
    }
}
