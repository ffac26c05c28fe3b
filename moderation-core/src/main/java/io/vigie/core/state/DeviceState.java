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
 */
public record DeviceState(String deviceKey, Map<String, Instant> accounts, List<String> bannedAccounts,
                          List<String> evasionsFlagged, Instant lastSeen) {
    public DeviceState {
        java.util.Objects.requireNonNull(deviceKey, "deviceKey must not be null");
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        bannedAccounts = bannedAccounts == null ? List.of() : List.copyOf(bannedAccounts);
        evasionsFlagged = evasionsFlagged == null ? List.of() : List.copyOf(evasionsFlagged);
    }

    public static DeviceState empty(String deviceKey) {
        return new DeviceState(deviceKey, Map.of(), List.of(), List.of(), null);
    }
}
