package io.vigie.core.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One chat message as the operator sends it (contract {@code ChatMessage}).
 *
 * <p>Required: messageId, conversationId, senderId, sentAt, and text (may be empty when attachments exist).
 * {@code sentAt} is the event time: every window and every decay uses it, never the wall clock.
 * Lists are never null after construction (absent becomes empty).
 */
public record ChatMessage(String type, String messageId, String conversationId, String roomId, String senderId,
                          List<String> recipientIds, Instant sentAt, String text, List<Attachment> attachments,
                          SenderSnapshot sender) {
    public ChatMessage {
        requireText(messageId, "messageId");
        requireText(conversationId, "conversationId");
        requireText(senderId, "senderId");
        Objects.requireNonNull(sentAt, "sentAt must not be null");
        recipientIds = recipientIds == null ? List.of() : List.copyOf(recipientIds);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (text == null) {
            if (attachments.isEmpty()) {
                throw new NullPointerException("text must not be null when there are no attachments");
            }
            text = "";
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** A message with only the required fields, for tests and the {@code score} command. */
    public static ChatMessage of(String messageId, String conversationId, String senderId, List<String> recipientIds,
                                 Instant sentAt, String text) {
        return new ChatMessage("message", messageId, conversationId, null, senderId, recipientIds, sentAt, text,
                List.of(), null);
    }

    /** True when the message is in a public room (no explicit recipients). */
    public boolean isPublic() {
        return recipientIds.isEmpty();
    }
}
