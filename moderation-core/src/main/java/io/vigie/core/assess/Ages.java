package io.vigie.core.assess;

import io.vigie.core.Alert;
import io.vigie.core.UserState;

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
