package io.vigie.core.state;

import io.vigie.core.contract.Alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One earlier message of a conversation, as far as the conversation keeps it: the cues that conversation-scoped
 * rules look back for (names and spans, never text), and, only while the conversation carries risk, the text and
 * findings a reviewer sees as the lead-up to an alert. A plain value.
 *
 * @param index     the message's number in the conversation (0 for the first)
 * @param messageId never null
 * @param senderId  never null
 * @param sentAt    event time, never null
 * @param cues      window cues the message carried, in cue order; never null, may be empty
 * @param text      the message text (cut to the policy's bound), null when the conversation carried no risk
 * @param signals   what the rules found in it, each with its span; empty when nothing fired or no text is kept
 */
public record RecentMessage(int index, String messageId, String senderId, Instant sentAt, List<CueMark> cues,
                            String text, List<Alert.Signal> signals) {

    public RecentMessage {
        Objects.requireNonNull(messageId, "messageId must not be null");
        Objects.requireNonNull(senderId, "senderId must not be null");
        Objects.requireNonNull(sentAt, "sentAt must not be null");
        cues = cues == null ? List.of() : List.copyOf(cues);
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    /**
     * A cue seen in the message, with the raw span of its first occurrence and the text of that span.
     *
     * @param start UTF-16 offset into the message text, -1 when the cue has no span
     */
    public record CueMark(String cue, int start, int end, String evidence) {
        public CueMark {
            Objects.requireNonNull(cue, "cue must not be null");
        }
    }

    /** A copy without text and findings (what is left once the conversation no longer carries risk). */
    public RecentMessage withoutText() {
        return text == null && signals.isEmpty() ? this
                : new RecentMessage(index, messageId, senderId, sentAt, cues, null, List.of());
    }

    /** True when the entry holds nothing but its coordinates (no window cue, no text): not worth keeping. */
    public boolean keepsNothing() {
        return cues.isEmpty() && text == null;
    }
}
