package io.vigie.core.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A flagged event for human review (contract {@code Alert}, the review topic). Every alert explains itself:
 * which rules fired with evidence offsets into the original text, the ages known, the conversation's
 * trajectory and the rules version.
 *
 * <p>Fields beyond the contract: {@code kind} (what raised it), {@code errors} (problems met while scoring, an
 * audit trail; usually empty), {@code context} (the conversation's recent messages before this one, oldest first,
 * kept only for conversations that carry risk; empty otherwise), {@code roomId} (the public room, null in a private
 * conversation), {@code language} ("fr", "en" or null: the engine's guess from the conversation's words),
 * {@code deviceId} (the sender's device when known), {@code prevHash}/{@code hash} (integrity chain, filled by the
 * stream app; null elsewhere).
 *
 * @param alertId deterministic for the same input (derived from messageId and kind), so replays and
 *                exactly-once retries produce the same id
 * @param text    the original message text, kept only because it is evidence
 */
public record Alert(String alertId, String messageId, String conversationId, String senderId,
                    List<String> recipientIds, Instant sentAt, Instant detectedAt, Severity severity, Action action,
                    int score, List<Category> categories, List<Signal> signals, AgeInfo age,
                    ConversationInfo conversation, String rulesVersion, String text, Kind kind,
                    List<String> errors, List<ContextMessage> context, String roomId, String language,
                    String deviceId, String prevHash, String hash) {

    public Alert {
        Objects.requireNonNull(alertId, "alertId must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(action, "action must not be null");
        recipientIds = recipientIds == null ? List.of() : List.copyOf(recipientIds);
        categories = categories == null ? List.of() : List.copyOf(categories);
        signals = signals == null ? List.of() : List.copyOf(signals);
        errors = errors == null ? List.of() : List.copyOf(errors);
        context = context == null ? List.of() : List.copyOf(context);
    }

    /** What raised the alert. */
    public enum Kind {
        /** Rules on a message in its conversation context. */
        MESSAGE,
        /** An adult contacting many distinct likely minors within a window. */
        FAN_OUT,
        /** A burst of contacts from a new account. */
        NEW_ACCOUNT_BURST,
        /** A new pseudonym on the device of a banned user. */
        BAN_EVASION,
        /** An attachment matched a known-media hash list. */
        KNOWN_MEDIA
    }

    /**
     * One piece of evidence: a rule that fired.
     *
     * @param start UTF-16 offset into the original text, inclusive; -1 when the evidence is not in the text
     * @param end   UTF-16 offset, exclusive; -1 likewise
     */
    public record Signal(String ruleId, Category category, int score, String evidence, int start, int end,
                         String messageId) {

        /** Evidence found in the alerted message itself. */
        public Signal(String ruleId, Category category, int score, String evidence, int start, int end) {
            this(ruleId, category, score, evidence, start, end, null);
        }

        /** A copy that names the message the evidence was found in. */
        public Signal withMessageId(String messageId) {
            return new Signal(ruleId, category, score, evidence, start, end, messageId);
        }
    }

    /**
     * One earlier message of the conversation, shown to a reviewer as the lead-up to the alert.
     *
     * @param text    the message text as sent (evidence spans index it)
     * @param signals what the rules found in that message, each with its span; may be empty
     */
    public record ContextMessage(String messageId, String senderId, Instant sentAt, String text,
                                 List<Signal> signals) {
        public ContextMessage {
            signals = signals == null ? List.of() : List.copyOf(signals);
        }
    }

    /** Ages known of the people in the conversation. */
    public record AgeInfo(PersonAge sender, List<PersonAge> recipients) {
        public AgeInfo {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
        }
    }

    /**
     * What is known of one person's age.
     *
     * @param userId      null for the sender (the alert names it already)
     * @param declared    the age typed at sign-up; may be null
     * @param stated      the age the person stated in chat; may be null
     * @param likelyMinor true when the signals say this is probably a minor, whatever was declared
     */
    public record PersonAge(String userId, Integer declared, Integer stated, boolean likelyMinor) {
    }

    /**
     * The conversation's trajectory at the time of the alert.
     *
     * @param messages  messages seen in the conversation
     * @param riskScore decayed conversation risk, 0..100
     * @param stages    grooming stages reached, in the order of {@link Stage}
     */
    public record ConversationInfo(int messages, int riskScore, List<Stage> stages) {
        public ConversationInfo {
            stages = stages == null ? List.of() : List.copyOf(stages);
        }
    }

    /** A copy with the integrity chain fields set. */
    public Alert withChain(String prevHash, String hash) {
        return new Alert(alertId, messageId, conversationId, senderId, recipientIds, sentAt, detectedAt, severity,
                action, score, categories, signals, age, conversation, rulesVersion, text, kind, errors, context,
                roomId, language, deviceId, prevHash, hash);
    }

    /** A copy with the conversation's lead-up attached. */
    public Alert withContext(List<ContextMessage> context) {
        return new Alert(alertId, messageId, conversationId, senderId, recipientIds, sentAt, detectedAt, severity,
                action, score, categories, signals, age, conversation, rulesVersion, text, kind, errors, context,
                roomId, language, deviceId, prevHash, hash);
    }

    /** A copy with another detection time (live runs stamp the wall clock; replay keeps event time). */
    public Alert withDetectedAt(Instant detectedAt) {
        return new Alert(alertId, messageId, conversationId, senderId, recipientIds, sentAt, detectedAt, severity,
                action, score, categories, signals, age, conversation, rulesVersion, text, kind, errors, context,
                roomId, language, deviceId, prevHash, hash);
    }
}
