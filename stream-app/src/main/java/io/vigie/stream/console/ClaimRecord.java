package io.vigie.stream.console;

import java.time.Instant;
import java.util.Objects;

/**
 * A record of the claims topic (compacted, key alertId): {@code reviewer} takes the alert until {@code expiresAt}, or,
 * with {@code released}, gives it back ({@code force}: a lead releasing someone else's claim).
 */
public record ClaimRecord(String alertId, String reviewer, Instant claimedAt, Instant expiresAt, boolean released,
                          boolean force) {
    public ClaimRecord {
        Objects.requireNonNull(alertId, "alertId must not be null");
        Objects.requireNonNull(reviewer, "reviewer must not be null");
        Objects.requireNonNull(claimedAt, "claimedAt must not be null");
    }
}
