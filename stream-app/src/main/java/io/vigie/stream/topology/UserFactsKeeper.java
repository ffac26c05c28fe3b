package io.vigie.stream.topology;

import io.vigie.core.contract.SenderSnapshot;
import io.vigie.core.state.UserState;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The single writer of what is known of each user (store keyed by userId): profiles, snapshots and facts
 * learned from chat (stated age, minor hints), reviewers' confirmations and bans, erasure. Every change is
 * written to the compacted facts topic, which every instance reads back as the global {@code user-facts}
 * store: a stated age learned in one conversation follows the user into all of them, and a ban reaches the
 * device processor, which checks the accounts of a device against these facts.
 */
final class UserFactsKeeper extends ModerationProcessor<String, Events.UserEvent> {

    private static final SenderSnapshot NOTHING = new SenderSnapshot(null, null, null, null, null, null);

    private final long retentionMs;
    private final long banRetentionMs;
    private KeyValueStore<String, UserState> users;

    UserFactsKeeper(ModerationConfig config, Wiring wiring) {
        super(config, wiring, null);
        this.retentionMs = config.getLong(ModerationConfig.STATE_RETENTION_MS);
        this.banRetentionMs = config.getLong(ModerationConfig.STATE_BAN_RETENTION_MS);
    }

    @Override
    public void init(ProcessorContext<String, Out> context) {
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
        UserState before = users.get(userId);
        UserState s = before != null ? before : UserState.unknown(userId);
        switch (e.kind()) {
            case PROFILE -> s = s.withProfile(e.profile());
            case LEARNED -> {
                s = s.withSnapshot(e.snapshot() != null ? e.snapshot() : NOTHING, e.at());
                if (e.statedAge() != null) {
                    s = s.withStatedAge(e.statedAge(), e.statedAgeAt() != null ? e.statedAgeAt() : e.at());
                }
                for (int i = 0; i < e.minorHintsAdded(); i++) {
                    s = s.withMinorHint(e.at());
                }
            }
            case CONFIRMED -> {
                s = s.withConfirmedAlert(e.ban());
            }
            case ERASE -> {
                if (before != null) {
                    users.delete(userId);
                }
                forward(record, Out.Route.FACTS, userId, null);
                return;
            }
            default -> throw new IllegalStateException("unknown user event kind " + e.kind());
        }
        if (e.at() != null) {
            s = s.withSnapshot(NOTHING, e.at()); // any event is activity: retention runs from here
        }
        users.put(userId, s);
        forward(record, Out.Route.FACTS, userId, s);
    }

    /** Device store keys of a user: device id and network fingerprint, when known. */
    static Set<String> deviceKeys(UserState u) {
        Set<String> keys = new LinkedHashSet<>();
        if (u.deviceId() != null && !u.deviceId().isBlank()) {
            keys.add(u.deviceId());
        }
        if (u.ipHash() != null && !u.ipHash().isBlank()) {
            keys.add(u.ipHash());
        }
        return keys;
    }

    @Override
    protected void sweep(long streamTimeMs) {
        for (KeyValue<String, UserState> kv : expire(users, Stores.USERS, streamTimeMs, u -> millis(u.lastSeen()),
                u -> u.banned() ? banRetentionMs : retentionMs)) {
            forwardOutput(Out.Route.FACTS, kv.key, null);
        }
    }
}
