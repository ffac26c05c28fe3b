package io.vigie.core.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's declared profile (contract {@code Profile}). Declared data is unverified by nature: a signal,
 * never the truth. Everything but {@code userId} may be null.
 */
public record Profile(String type, String userId, Integer declaredAge, String gender, String postalCode,
                      Instant accountCreatedAt, String deviceId, String ipHash, Instant updatedAt) {
    public Profile {
        Objects.requireNonNull(userId, "userId must not be null");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
    }
}
