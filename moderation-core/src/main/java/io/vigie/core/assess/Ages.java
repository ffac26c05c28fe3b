package io.vigie.core.assess;

import io.vigie.core.contract.Alert;
import io.vigie.core.state.LearnedAges;
import io.vigie.core.state.UserState;

import java.util.List;
import java.util.Map;

/** Age views of users for contexts and alerts. Stateless and thread-safe. */
public final class Ages {

    private static final Alert.PersonAge UNKNOWN_SENDER = new Alert.PersonAge(null, null, null, false);

    private Ages() {
    }

    /**
     * What is known of one user's age.
     *
     * @param userId null for the sender of an alert
     * @param user   the stored state; null for an unknown user (not a minor as far as we know)
     */
    public static Alert.PersonAge of(String userId, UserState user) {
        if (user == null) {
            return userId == null ? UNKNOWN_SENDER : new Alert.PersonAge(userId, null, null, false);
        }
        return new Alert.PersonAge(userId, user.declaredAge(), user.statedAge(), user.likelyMinor());
    }

    /**
     * The recipients' age views in message order, at most {@code max} of them; never null. The list is
     * immutable, so a {@code List.copyOf} of it (as records do) costs no copy.
     */
    public static List<Alert.PersonAge> recipients(List<String> recipientIds, Map<String, UserState> states,
                                                   int max) {
        int n = Math.min(max, recipientIds.size());
        switch (n) {
            case 0:
                return List.of();
            case 1:
                return List.of(recipientAge(recipientIds.get(0), states));
            case 2:
                return List.of(recipientAge(recipientIds.get(0), states), recipientAge(recipientIds.get(1), states));
            default:
                Alert.PersonAge[] out = new Alert.PersonAge[n];
                for (int i = 0; i < n; i++) {
                    out[i] = recipientAge(recipientIds.get(i), states);
                }
                return List.of(out);
        }
    }

    private static Alert.PersonAge recipientAge(String id, Map<String, UserState> states) {
        return of(id, states == null ? null : states.get(id));
    }

    /**
     * The recipients' age views, with what they said of themselves earlier in this conversation laid over the
     * stored states (which learn it only after a commit and a read-back).
     *
     * @param learned age views learned in this conversation by userId; never null
     */
    public static List<Alert.PersonAge> recipients(List<String> recipientIds, Map<String, UserState> states,
                                                   Map<String, Alert.PersonAge> learned, int max) {
        List<Alert.PersonAge> stored = recipients(recipientIds, states, max);
        if (learned.isEmpty() || !anyLearned(stored, learned)) {
            return stored; // the common case (only the sender said something of their age) copies nothing
        }
        Alert.PersonAge[] out = stored.toArray(new Alert.PersonAge[0]);
        boolean changed = false;
        for (int i = 0; i < out.length; i++) {
            Alert.PersonAge l = learned.get(out[i].userId());
            if (l != null) {
                Alert.PersonAge s = out[i];
                // what was learned here is the most recent: a school hint learned after an adult age overrules it
                Integer stated = l.stated() != null ? l.stated() : l.likelyMinor() ? null : s.stated();
                boolean minor = l.likelyMinor() || (stated != null ? stated < 18 : s.likelyMinor());
                out[i] = new Alert.PersonAge(s.userId(), s.declared(), stated, minor);
                changed = true;
            }
        }
        return changed ? List.of(out) : stored;
    }

    private static boolean anyLearned(List<Alert.PersonAge> ages, Map<String, Alert.PersonAge> learned) {
        for (int i = 0; i < ages.size(); i++) {
            if (learned.containsKey(ages.get(i).userId())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The conversation's learned ages after a message: the sender's view is recorded when the message taught
     * something new of their age (a stated age or a school hint), or when a likely minor (by their profile too)
     * speaks in the conversation for the first time, so that a public room where a 10-year-old is talking has her
     * in its audience; otherwise the map is returned as it is.
     *
     * @param before the sender's state before the message (may be null); {@code after} the state after it
     */
    public static Map<String, Alert.PersonAge> learn(Map<String, Alert.PersonAge> learned, String senderId,
                                                     UserState before, UserState after, int max) {
        boolean taught = after.statedAge() != null && (before == null
                || !after.statedAge().equals(before.statedAge())
                || !java.util.Objects.equals(after.statedAgeAt(), before.statedAgeAt()))
                || after.minorHints() > (before == null ? 0 : before.minorHints());
        Alert.PersonAge known = learned.get(senderId);
        taught |= after.likelyMinor() && (known == null || !known.likelyMinor());
        if (!taught || known == null && learned.size() >= max) {
            return learned;
        }
        Map<String, Alert.PersonAge> next = new java.util.HashMap<>(learned);
        next.put(senderId, new Alert.PersonAge(senderId, after.declaredAge(), after.statedAge(), after.likelyMinor()));
        return next;
    }

    /**
     * The audience of a public-room message as far as ages go: the other participants who said something of their
     * own age in this conversation (a room has no recipients, yet a 14-year-old who just said so is there). At
     * most {@code max}, in user id order (deterministic); empty when nobody did.
     */
    public static List<Alert.PersonAge> audience(String senderId, Map<String, Alert.PersonAge> learned, int max) {
        if (learned.isEmpty() || learned.size() == 1 && learned.containsKey(senderId)) {
            return List.of();
        }
        // every message of a room asks: a conversation's learned ages are kept in id order, so no sort here
        LearnedAges sorted = LearnedAges.copyOf(learned);
        int n = Math.max(0, Math.min(max, sorted.containsKey(senderId) ? sorted.size() - 1 : sorted.size()));
        Alert.PersonAge[] out = new Alert.PersonAge[n];
        for (int i = 0, k = 0; k < n; i++) {
            if (!sorted.idAt(i).equals(senderId)) {
                out[k++] = sorted.ageAt(i);
            }
        }
        return List.of(out);
    }

    /** True when any of the views is likely a minor. */
    public static boolean anyMinor(List<Alert.PersonAge> ages) {
        for (Alert.PersonAge a : ages) {
            if (a.likelyMinor()) {
                return true;
            }
        }
        return false;
    }
}
