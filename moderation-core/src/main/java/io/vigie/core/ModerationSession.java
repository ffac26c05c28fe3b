package io.vigie.core;

import java.util.List;
import java.util.Map;

/**
 * Scores and assesses messages with one engine. Not thread-safe: one per Kafka Streams task (create it in
 * the processor's {@code init()}), reusing its scratch buffers for every record. Deterministic: the same
 * inputs give the same outputs; only event time ({@code sentAt}) is used, never the wall clock.
 *
 * <p>OWNER: assess helper.
 */
public final class ModerationSession {

    /**
     * Assesses one message in its conversation.
     *
     * @param conversation the stored conversation state; null for a new conversation
     * @param sender       the stored sender state (profile + facts); null when unknown
     * @param recipients   stored states of the recipients by userId; missing entries are unknown users
     */
    public Assessment assess(ChatMessage message, ConversationState conversation, UserState sender,
                             Map<String, UserState> recipients) {
        throw new UnsupportedOperationException("assess helper: not built yet");
    }

    /**
     * The message-level hot path: normalize, match, signals, rules. Allocates nothing when nothing fires.
     *
     * @param eventTimeMs event time of the message in epoch ms
     * @return findings, a reused list valid until the next call
     */
    public List<Finding> score(CharSequence text, ScoringContext context, long eventTimeMs) {
        throw new UnsupportedOperationException("assess helper: not built yet");
    }

    /** Sender behaviour across conversations: fan-out to likely minors, new-account bursts. */
    public SideAssessment<SenderState> assessSender(SenderState state, ChatMessage message, UserState sender,
                                                    Map<String, UserState> recipients) {
        throw new UnsupportedOperationException("assess helper: not built yet");
    }

    /** Device behaviour: a new pseudonym on a banned user's device is ban evasion. */
    public SideAssessment<DeviceState> assessDevice(DeviceState state, ChatMessage message, UserState sender) {
        throw new UnsupportedOperationException("assess helper: not built yet");
    }

    /** A reviewer dismissed an alert with these rule ids: lower this conversation's alerting for them. */
    public ConversationState dismiss(ConversationState conversation, List<String> ruleIds) {
        throw new UnsupportedOperationException("assess helper: not built yet");
    }
}
