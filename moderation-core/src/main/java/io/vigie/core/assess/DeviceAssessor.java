package io.vigie.core.assess;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.state.DeviceState;
import io.vigie.core.contract.Severity;
import io.vigie.core.state.UserState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Ban evasion per device (key: deviceId, else ipHash): once an account of the device is banned (a reviewer's ban
 * marked with {@link #markBanned}, or {@link UserState#banned()} of a sender), a pseudonym created after that ban
 * that writes from the device is flagged once as BAN_EVASION, HIGH, with a BLOCK action. An account created
 * before the first ban of the device (a shared family computer), or whose creation time is unknown, is not
 * flagged: a BLOCK on someone else's account is the worse error. Accounts seen on the device since its first ban
 * are remembered and never flagged later. When the ban time is unknown (a ban learned from a sender's state
 * before this field existed), any account not seen before is flagged, as before.
 *
 * <p>The stream app only brings a device the messages written from it once it carries a ban, so the device of
 * an ordinary message costs nothing. State stays bounded: at most {@link Policy#maxTracked()} accounts (least
 * recently seen dropped) and as many banned or flagged ids. Stateless and thread-safe.
 */
public final class DeviceAssessor {

    /** Rule id of ban-evasion evidence. */
    public static final String BAN_EVASION_RULE = "core.ban_evasion";
    /** Fact of the statement of reasons. */
    public static final String FACT_DEVICE_BANNED =
            "this device was used by an account banned after a human review";

    private DeviceAssessor() {
    }

    /**
     * Every device key of a user: the device id and the network fingerprint, when known (an erasure or a ban
     * reaches both).
     */
    public static java.util.Set<String> deviceKeysOf(UserState user) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        if (user.deviceId() != null && !user.deviceId().isBlank()) {
            keys.add(user.deviceId());
        }
        if (user.ipHash() != null && !user.ipHash().isBlank()) {
            keys.add(user.ipHash());
        }
        return keys;
    }

    /** The device key of a message: the sender's deviceId, else ipHash (snapshot first, then stored); or null. */
    public static String deviceKeyOf(ChatMessage message, UserState sender) {
        if (message.sender() != null && message.sender().deviceId() != null) {
            return message.sender().deviceId();
        }
        if (sender != null && sender.deviceId() != null) {
            return sender.deviceId();
        }
        if (message.sender() != null && message.sender().ipHash() != null) {
            return message.sender().ipHash();
        }
        return sender == null ? null : sender.ipHash();
    }

    /**
     * Assesses one message on the device.
     *
     * @param state  stored device state; null for a device never seen (then the message must carry a key)
     * @param sender stored sender state; null when unknown
     * @throws IllegalArgumentException when {@code state} is null and the message has no device key
     */
    public static SideAssessment<DeviceState> assess(Policy policy, String rulesVersion, DeviceState state,
                                                     ChatMessage message, UserState sender) {
        Instant at = message.sentAt();
        String userId = message.senderId();
        DeviceState d = state;
        if (d == null) {
            String key = deviceKeyOf(message, sender);
            if (key == null) {
                throw new IllegalArgumentException("message " + message.messageId()
                        + " has neither a deviceId nor an ipHash: no device to assess");
            }
            d = DeviceState.empty(key);
        }
        boolean senderBanned = sender != null && sender.banned();
        Instant bannedAt = d.bannedAt(); // a ban seen on a sender's state has no known time: left as it is
        Map<String, Instant> accounts = new HashMap<>(d.accounts());
        boolean known = accounts.containsKey(userId);
        accounts.merge(userId, at, SenderAssessor::latest);
        trimLeastRecent(accounts, policy.bounds().maxTracked());
        LinkedHashSet<String> banned = new LinkedHashSet<>(d.bannedAccounts());
        if (senderBanned) {
            banned.add(userId);
        }
        LinkedHashSet<String> flagged = new LinkedHashSet<>(d.evasionsFlagged());

        Alert alert = null;
        List<ActionCommand> actions = List.of();
        UserState user = (sender == null ? UserState.unknown(userId) : sender).withSnapshot(message.sender(), at);
        if (!senderBanned && !known && !banned.isEmpty() && !banned.contains(userId) && !flagged.contains(userId)
                && createdAfter(user, d.bannedAt())) {
            flagged.add(userId);
            int score = policy.thresholds().highAt();
            Alert.Signal signal = new Alert.Signal(BAN_EVASION_RULE, null, score,
                    "new account on a device with " + banned.size() + " banned account(s)", -1, -1);
            alert = new Alert(AlertIds.of(message.messageId(), Alert.Kind.BAN_EVASION), message.messageId(),
                    message.conversationId(), userId, message.recipientIds(), at, at, Severity.HIGH, Action.BLOCK,
                    score, List.of(), List.of(signal), new Alert.AgeInfo(Ages.of(null, user), List.of()), null,
                    rulesVersion, null, Alert.Kind.BAN_EVASION, List.of(), null, message.roomId(), null, user.deviceId(),
                    null, null);
            actions = List.of(Statements.command(policy, userId, Action.BLOCK, alert.alertId(), message.messageId(),
                    List.of(), List.of(BAN_EVASION_RULE), List.of(FACT_DEVICE_BANNED,
                            "the account first appeared on this device after that ban")));
        }
        DeviceState next = new DeviceState(d.deviceKey(), accounts, bounded(banned, policy.bounds().maxTracked()),
                bounded(flagged, policy.bounds().maxTracked()), SenderAssessor.latest(d.lastSeen(), at), bannedAt);
        return new SideAssessment<>(next, alert, actions);
    }

    /** Whether the account was created at or after the device's first ban; true when the ban time is unknown. */
    private static boolean createdAfter(UserState user, Instant bannedAt) {
        if (bannedAt == null) {
            return true;
        }
        return user.accountCreatedAt() != null && !user.accountCreatedAt().isBefore(bannedAt);
    }

    /** The device state after a reviewer banned {@code userId} (idempotent); the ban time stays unknown. */
    public static DeviceState markBanned(Policy policy, DeviceState state, String userId) {
        return markBanned(policy, state, userId, null);
    }

    /**
     * The device state after a reviewer banned {@code userId} at {@code at} (idempotent): the device's ban time is
     * its first ban's; {@code userId} counts as seen on the device.
     *
     * @param at event time of the ban; null when unknown
     */
    public static DeviceState markBanned(Policy policy, DeviceState state, String userId, Instant at) {
        if (state.bannedAccounts().contains(userId)) {
            return state;
        }
        LinkedHashSet<String> banned = new LinkedHashSet<>(state.bannedAccounts());
        banned.add(userId);
        Instant bannedAt = state.bannedAt() == null ? at
                : at == null || state.bannedAt().isBefore(at) ? state.bannedAt() : at;
        return new DeviceState(state.deviceKey(), state.accounts(), bounded(banned, policy.bounds().maxTracked()),
                state.evasionsFlagged(), SenderAssessor.latest(state.lastSeen(), at), bannedAt);
    }

    /**
     * The device state once {@code userId} is erased: the user is no longer among its accounts, bans or flags;
     * null when nothing is left to keep.
     */
    public static DeviceState erase(DeviceState state, String userId) {
        Map<String, Instant> accounts = new HashMap<>(state.accounts());
        accounts.remove(userId);
        List<String> banned = new ArrayList<>(state.bannedAccounts());
        banned.remove(userId);
        List<String> flagged = new ArrayList<>(state.evasionsFlagged());
        flagged.remove(userId);
        if (banned.isEmpty()) {
            return null; // a device without a ban is not tracked
        }
        return new DeviceState(state.deviceKey(), accounts, banned, flagged, state.lastSeen(), state.bannedAt());
    }

    private static List<String> bounded(LinkedHashSet<String> ids, int max) {
        List<String> out = new ArrayList<>(ids);
        return out.size() <= max ? out : out.subList(out.size() - max, out.size());
    }

    // drops the least recently seen (ties by id) until the bound holds; usually one at a time, so a linear scan
    static void trimLeastRecent(Map<String, Instant> accounts, int max) {
        while (accounts.size() > max) {
            String oldest = null;
            Instant oldestAt = null;
            for (Map.Entry<String, Instant> e : accounts.entrySet()) {
                int c = oldestAt == null ? -1 : e.getValue().compareTo(oldestAt);
                if (c < 0 || (c == 0 && e.getKey().compareTo(oldest) < 0)) {
                    oldest = e.getKey();
                    oldestAt = e.getValue();
                }
            }
            accounts.remove(oldest);
        }
    }
}
