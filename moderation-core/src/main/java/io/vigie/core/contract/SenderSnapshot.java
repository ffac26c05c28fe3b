package io.vigie.core.contract;

import java.time.Instant;

/**
 * The profile snapshot an operator may attach to a message ({@code sender} in the contract). Every field may
 * be null. It updates what is known of the sender exactly like a {@link Profile} record does.
 */
public record SenderSnapshot(Integer declaredAge, String gender, String postalCode, Instant accountCreatedAt,
                             String deviceId, String ipHash) {
}
