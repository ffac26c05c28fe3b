package io.vigie.core.assess;

import io.vigie.core.Alert;
import io.vigie.core.UserState;

import java.util.ArrayList;
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

    /** The recipients' age views in message order, at most {@code max} of them; never null. */
    public static List<Alert.PersonAge> recipients(List<String> recipientIds, Map<String, UserState> states,
                                                   int max) {
        if (recipientIds.isEmpty()) {
            return List.of();
        }
        int n = Math.min(max, recipientIds.size());
        List<Alert.PersonAge> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = recipientIds.get(i);
            out.add(of(id, states == null ? null : states.get(id)));
        }
        return out;
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
