package io.vigie.stream.console;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit topic: who did what to which alert, when, from which console instance.
 *
 * @param actor   the reviewer's name; "unknown" for a failed sign-in under a name that is not a user
 * @param alertId null for events not about an alert (sign-in, export)
 * @param detail  a short machine-readable detail (the verdict and action of a decision, the reason of a refusal);
 *                never message text
 */
public record AuditEvent(Instant at, String actor, String role, Type event, String alertId, String detail,
                         String instance) {

    public AuditEvent {
        Objects.requireNonNull(at, "at must not be null");
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(event, "event must not be null");
    }

    /** What happened. */
    public enum Type {
        LOGIN, LOGIN_FAILED, LOGOUT, VIEW, REVEAL, CLAIM, RELEASE, DECIDE, EXPORT, REFUSED
    }
}
