package io.vigie.core.state;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Severity;
import io.vigie.core.contract.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a conversation has shown so far. A plain value that the stream app stores (key conversationId)
 * and hands back with the next message; {@code ModerationSession.assess} returns the next state.
 *
 * <p>Privacy: conversations without risk hold no text here; {@code evidence} keeps only spans of flagged messages,
 * {@code recent} cue names and spans, and message text only while the conversation carries risk.
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
 *                         immediate reply in the same conversation see it, live exactly as in replay. Kept as a
 *                         {@link LearnedAges} (in user id order).
 * @param recent           the conversation window: earlier messages with the cues conversation-scoped rules look
 *                         back for, and their text only while the conversation carries risk; oldest first, bounded
 *                         by the policy's window and context; kept as a {@link RecentList}
 * @param decidedAt        event time of the last reviewer decision on an alert of this conversation, or null; the
 *                         kept text goes a retention period after it
 * @param languageScore    French minus English function words seen so far (bounded): the conversation's language
 *                         for reviewers' queues (positive French, negative English, 0 unknown)
 * @param context          the risk model's running context sum over the conversation's messages (decayed, see
 *                         {@link io.vigie.core.model.RiskModel.Context}); 0 without a model
 * @param held             the categories of a lone weak alert held back until something else in the conversation
 *                         corroborates it ({@link io.vigie.core.assess.Policy.Thresholds#aloneAt()}); empty when
 *                         nothing is held
 * @param heldMessageId    the message whose alert is held, or null
 */
public record ConversationState(String conversationId, List<String> participants, int messages, double risk,
                                Instant riskAt, List<Stage> stages, Map<Category, Severity> alerted,
                                List<Alert.Signal> evidence, List<String> dismissedRules, Instant lastEventAt,
                                int lateMessages, Map<String, Alert.PersonAge> learnedAges,
                                List<RecentMessage> recent, Instant decidedAt, int languageScore, float context,
                                Set<Category> held, String heldMessageId) {
    public ConversationState {
        java.util.Objects.requireNonNull(conversationId, "conversationId must not be null");
        participants = participants == null ? List.of() : List.copyOf(participants);
        stages = stages == null ? List.of() : List.copyOf(stages);
        alerted = alerted == null ? Map.of() : Map.copyOf(alerted);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        dismissedRules = dismissedRules == null ? List.of() : List.copyOf(dismissedRules);
        learnedAges = learnedAges == null ? LearnedAges.of() : LearnedAges.copyOf(learnedAges);
        recent = recent == null ? RecentList.of() : RecentList.copyOf(recent);
        held = held == null || held.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(held));
        heldMessageId = held.isEmpty() ? null : heldMessageId;
    }

    /** A state holding no alert back. */
    public ConversationState(String conversationId, List<String> participants, int messages, double risk,
                             Instant riskAt, List<Stage> stages, Map<Category, Severity> alerted,
                             List<Alert.Signal> evidence, List<String> dismissedRules, Instant lastEventAt,
                             int lateMessages, Map<String, Alert.PersonAge> learnedAges,
                             List<RecentMessage> recent, Instant decidedAt, int languageScore, float context) {
        this(conversationId, participants, messages, risk, riskAt, stages, alerted, evidence, dismissedRules,
                lastEventAt, lateMessages, learnedAges, recent, decidedAt, languageScore, context, Set.of(), null);
    }

    /** A state without a context sum (no risk model), as before the context output existed. */
    public ConversationState(String conversationId, List<String> participants, int messages, double risk,
                             Instant riskAt, List<Stage> stages, Map<Category, Severity> alerted,
                             List<Alert.Signal> evidence, List<String> dismissedRules, Instant lastEventAt,
                             int lateMessages, Map<String, Alert.PersonAge> learnedAges,
                             List<RecentMessage> recent, Instant decidedAt, int languageScore) {
        this(conversationId, participants, messages, risk, riskAt, stages, alerted, evidence, dismissedRules,
                lastEventAt, lateMessages, learnedAges, recent, decidedAt, languageScore, 0f);
    }

    /** A copy with another window (the text a reviewer sees, the cues rules look back for). */
    public ConversationState withRecent(List<RecentMessage> recent) {
        return new ConversationState(conversationId, participants, messages, risk, riskAt, stages, alerted, evidence,
                dismissedRules, lastEventAt, lateMessages, learnedAges, recent, decidedAt, languageScore, context, held,
                heldMessageId);
    }

    /** A copy after a reviewer decided an alert of this conversation at {@code at}. */
    public ConversationState withDecidedAt(Instant at) {
        return new ConversationState(conversationId, participants, messages, risk, riskAt, stages, alerted, evidence,
                dismissedRules, lastEventAt, lateMessages, learnedAges, recent, at, languageScore, context, held,
                heldMessageId);
    }

    /** The conversation's language as far as its words tell: "fr", "en", or null when unknown. */
    public String language() {
        return languageOf(languageScore);
    }

    /** The language a {@code languageScore} stands for: "fr", "en", or null when unknown. */
    public static String languageOf(int languageScore) {
        return languageScore > 0 ? "fr" : languageScore < 0 ? "en" : null;
    }

    /** A conversation never seen before. */
    public static ConversationState empty(String conversationId) {
        return new ConversationState(conversationId, List.of(), 0, 0, null, List.of(), Map.of(), List.of(),
                List.of(), null, 0, Map.of(), List.of(), null, 0);
    }
}
