package io.vigie.core.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Per-sender behaviour over time (the stream app keys it by senderId after a repartition).
 *
 * @param minorContacts   likely-minor recipients contacted, with the event time of the last contact
 * @param newContacts     event times of first messages to a new recipient, recent ones only (burst detection)
 * @param knownRecipients distinct recipients already contacted, bounded
 * @param fanOutAlertedAt event time of the last fan-out alert (to alert on rises, not every message)
 * @param priorAlerts     alerts raised on this sender
 * @param lastSeen        greatest sentAt seen
 * @param fanOutAlertedCount likely minors counted at the last fan-out alert (alert again only on a rise);
 *                        added after the first contract, absent in older stored JSON (0)
 * @param burstAlertedAt  event time of the last new-account burst alert; null when none (added likewise)
 */
public record SenderState(String userId, Map<String, Instant> minorContacts, List<Instant> newContacts,
                          List<String> knownRecipients, Instant fanOutAlertedAt, int priorAlerts, Instant lastSeen,
                          int fanOutAlertedCount, Instant burstAlertedAt) {
    public SenderState {
        java.util.Objects.requireNonNull(userId, "userId must not be null");
        minorContacts = minorContacts == null ? Map.of() : Map.copyOf(minorContacts);
        newContacts = newContacts == null ? List.of() : List.copyOf(newContacts);
        knownRecipients = knownRecipients == null ? List.of() : List.copyOf(knownRecipients);
    }

    /** The first seven fields; the fields added later take their empty values. */
    public SenderState(String userId, Map<String, Instant> minorContacts, List<Instant> newContacts,
                       List<String> knownRecipients, Instant fanOutAlertedAt, int priorAlerts, Instant lastSeen) {
        this(userId, minorContacts, newContacts, knownRecipients, fanOutAlertedAt, priorAlerts, lastSeen, 0, null);
    }

    /** A sender never seen before. */
    public static SenderState empty(String userId) {
        return new SenderState(userId, Map.of(), List.of(), List.of(), null, 0, null, 0, null);
    }
}
