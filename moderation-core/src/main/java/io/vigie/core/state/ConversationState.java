package io.vigie.core.state;

import io.vigie.core.ModerationSession;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Severity;
import io.vigie.core.contract.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a conversation has shown so far. A plain value that the stream app stores (key conversationId)
 * and hands back with the next message; {@link ModerationSession#assess} returns the next state.
 *
 * <p>Privacy: benign conversations hold no text here; {@code evidence} keeps only spans of flagged messages.
 *
 * @param participants     user ids seen as sender or recipient, bounded
 * @param messages         messages seen
 * @param risk             conversation risk before decay, 0..100
 * @param riskAt           event time {@code risk} refers to (decay runs from there)
 * @param stages           grooming stages reached
 * @param alerted          highest severity already alerted, per category (alert on new category or rise)
 * @param evidence         recent evidence of flagged messages, newest last, bounded
 * @param dismissedRules   rule ids whose alerts a reviewer dismissed in this conversation (weighted down)
 * @param lastEventAt      greatest sentAt seen
 * @param lateMessages     messages older than lastEventAt minus the grace, still scored, counted
 * @param learnedAges      what participants said of their own age in this conversation (stated age, school
 *                         hints), by userId, bounded by the participants. The user-facts store carries the same
 *                         to every conversation, but only after a commit and a read-back; this copy lets an
 *                         immediate reply in the same conversation see it, live exactly as in replay.
 */
public record ConversationState(String conversationId, List<String> participants, int messages, double risk,
                                Instant riskAt, List<Stage> stages, Map<Category, Severity> alerted,
                                List<Alert.Signal> evidence, List<String> dismissedRules, Instant lastEventAt,
                                int lateMessages, Map<String, Alert.PersonAge> learnedAges) {
    public ConversationState {
        java.util.Objects.requireNonNull(conversationId, "conversationId must not be null");
        participants = participants == null ? List.of() : List.copyOf(participants);
        stages = stages == null ? List.of() : List.copyOf(stages);
        alerted = alerted == null ? Map.of() : Map.copyOf(alerted);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        dismissedRules = dismissedRules == null ? List.of() : List.copyOf(dismissedRules);
        learnedAges = learnedAges == null ? Map.of() : Map.copyOf(learnedAges);
    }

    /** A conversation never seen before. */
    public static ConversationState empty(String conversationId) {
        return new ConversationState(conversationId, List.of(), 0, 0, null, List.of(), Map.of(), List.of(),
                List.of(), null, 0, Map.of());
    }
}
