package io.vigie.core.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Accounts seen on one device or network fingerprint (key: deviceId, or ipHash when no device id).
 *
 * @param accounts        user ids seen on the device, with last-seen event time, bounded
 * @param bannedAccounts  user ids on this device that a reviewer banned
 * @param evasionsFlagged user ids already flagged as ban evasion here (flag once)
 * @param lastSeen        greatest event time seen on the device
 * @param bannedAt        event time of the first ban known on the device; null when none (added after the first
 *                        contract: absent in older stored values)
 */
public record DeviceState(String deviceKey, Map<String, Instant> accounts, List<String> bannedAccounts,
                          List<String> evasionsFlagged, Instant lastSeen, Instant bannedAt) {
    public DeviceState {
        java.util.Objects.requireNonNull(deviceKey, "deviceKey must not be null");
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        bannedAccounts = bannedAccounts == null ? List.of() : List.copyOf(bannedAccounts);
        evasionsFlagged = evasionsFlagged == null ? List.of() : List.copyOf(evasionsFlagged);
    }

    /** The first five fields; no ban time. */
    public DeviceState(String deviceKey, Map<String, Instant> accounts, List<String> bannedAccounts,
                       List<String> evasionsFlagged, Instant lastSeen) {
        this(deviceKey, accounts, bannedAccounts, evasionsFlagged, lastSeen, null);
    }

    public static DeviceState empty(String deviceKey) {
        return new DeviceState(deviceKey, Map.of(), List.of(), List.of(), null, null);
    }
}
