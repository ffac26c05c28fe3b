package io.vigie.stream.topology;

import io.vigie.core.assess.SideAssessment;
import io.vigie.core.state.DeviceState;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Ban evasion (store keyed by device key, holding only devices that carry a ban): a reviewer's ban of a user
 * reaches each of the user's devices as a BAN event; the device is then published to the banned-devices table,
 * which the conversation processor checks, so only the messages written from a banned device come here, where a
 * new pseudonym is flagged (see {@link io.vigie.core.assess.DeviceAssessor}). Erasure removes the user from the
 * device, and the device from the table once no ban is left.
 */
final class DeviceAssessor extends ModerationProcessor<String, Events.SideEvent> {

    private KeyValueStore<String, DeviceState> devices;

    DeviceAssessor(String name, ModerationConfig config, Wiring wiring) {
        super(name, config, wiring, Stores.CHAIN_DEVICES);
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        super.init(context);
        devices = context.getStateStore(Stores.DEVICES);
    }

    @Override
    public void process(Record<String, Events.SideEvent> record) {
        Events.SideEvent e = record.value();
        String key = record.key();
        if (e == null || key == null) {
            return;
        }
        observe(e.at());
        DeviceState stored = devices.get(key);
        if (stored != null && expired(stored.lastSeen(), e.at(), banRetentionMs)) {
            stored = null;
        }
        DeviceState state = stored != null ? stored : DeviceState.empty(key);
        switch (e.kind()) {
            case ERASE -> {
                if (stored != null) {
                    update(key, io.vigie.core.assess.DeviceAssessor.erase(stored, e.userId()));
                }
            }
            case BAN -> update(key, io.vigie.core.assess.DeviceAssessor.markBanned(session().engine().policy(),
                    state, e.userId(), e.at()));
            case MESSAGE -> {
                SideAssessment<DeviceState> a = session().assessDevice(state, e.message(), e.sender());
                if (!a.state().bannedAccounts().equals(state.bannedAccounts())) {
                    update(key, a.state()); // the sender's own ban, learned from their facts
                } else {
                    devices.put(key, a.state());
                }
                emit(a.alert(), a.actions(), e.message().conversationId());
            }
            default -> throw new IllegalStateException("unknown side event kind " + e.kind());
        }
    }

    /** Stores the device and publishes it to the banned-devices table; null deletes both. */
    private void update(String key, DeviceState next) {
        if (next == null || next.bannedAccounts().isEmpty()) {
            devices.delete(key);
            forward(Output.BANNED_DEVICES, key, null);
        } else {
            devices.put(key, next);
            forward(Output.BANNED_DEVICES, key, next);
        }
    }

    @Override
    protected void sweep(long horizonMs) {
        for (KeyValue<String, DeviceState> kv : expire(devices, Stores.DEVICES, horizonMs,
                d -> millis(d.lastSeen()), d -> banRetentionMs)) {
            forward(Output.BANNED_DEVICES, kv.key, null);
        }
    }
}
