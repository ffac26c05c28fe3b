package io.vigie.stream.topology;

import io.vigie.core.state.DeviceState;
import io.vigie.core.assess.SideAssessment;
import io.vigie.core.state.UserState;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts seen per device or network fingerprint (store keyed by device key after the repartition): a new
 * pseudonym on the device of a banned user is ban evasion. A reviewer's CONFIRMED+ban decision reaches the
 * device through the user facts of its accounts; erasure removes the user from the device.
 */
final class DeviceAssessor extends ModerationProcessor<String, Events.SideEvent> {

    private final long retentionMs;
    private final long banRetentionMs;
    private KeyValueStore<String, DeviceState> devices;

    DeviceAssessor(ModerationConfig config, Wiring wiring) {
        super(config, wiring, Stores.CHAIN_DEVICES);
        this.retentionMs = config.getLong(ModerationConfig.STATE_RETENTION_MS);
        this.banRetentionMs = config.getLong(ModerationConfig.STATE_BAN_RETENTION_MS);
    }

    @Override
    public void init(ProcessorContext<String, Out> context) {
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
        DeviceState stored = devices.get(key);
        DeviceState state = stored != null ? stored : DeviceState.empty(key);
        switch (e.kind()) {
            case ERASE -> {
                if (stored == null) {
                    return;
                }
                Map<String, Instant> accounts = new HashMap<>(state.accounts());
                accounts.remove(e.userId());
                List<String> banned = new ArrayList<>(state.bannedAccounts());
                banned.remove(e.userId());
                List<String> flagged = new ArrayList<>(state.evasionsFlagged());
                flagged.remove(e.userId());
                if (accounts.isEmpty() && banned.isEmpty()) {
                    devices.delete(key);
                } else {
                    devices.put(key, new DeviceState(key, accounts, banned, flagged, state.lastSeen()));
                }
            }
            case MESSAGE -> {
                UserState sender = user(e.userId()).withSnapshot(e.message().sender(), e.message().sentAt());
                SideAssessment<DeviceState> a = session().assessDevice(withBans(state), e.message(), sender);
                devices.put(key, a.state());
                emit(record, a.alert(), a.actions(), e.message().conversationId());
            }
            default -> throw new IllegalStateException("unknown side event kind " + e.kind());
        }
    }

    /**
     * The device state with the bans of its accounts as the facts store knows them: a reviewer's ban reaches
     * the device this way, without a path from decisions back to devices.
     */
    private DeviceState withBans(DeviceState state) {
        List<String> banned = null;
        for (String account : state.accounts().keySet()) {
            if (!state.bannedAccounts().contains(account) && user(account).banned()) {
                if (banned == null) {
                    banned = new ArrayList<>(state.bannedAccounts());
                }
                banned.add(account);
            }
        }
        return banned == null ? state
                : new DeviceState(state.deviceKey(), state.accounts(), banned, state.evasionsFlagged(),
                        state.lastSeen());
    }

    @Override
    protected void sweep(long streamTimeMs) {
        expire(devices, Stores.DEVICES, streamTimeMs, d -> millis(d.lastSeen()),
                d -> d.bannedAccounts().isEmpty() ? retentionMs : banRetentionMs);
    }
}
