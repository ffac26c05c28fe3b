package io.vigie.stream.topology;

import io.vigie.core.contract.Category;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.Decision;
import io.vigie.core.contract.Profile;
import io.vigie.core.contract.SenderSnapshot;

import java.time.Instant;
import java.util.List;

/**
 * The values of the internal repartition topics. Plain records serialized as JSON; each carries a
 * {@code kind} so that one topic can carry every event its processor needs, in order.
 */
public final class Events {

    private Events() {
    }

    /** Something to merge into what is known of a user (key userId). */
    public record UserEvent(UserEventKind kind, Profile profile, SenderSnapshot snapshot, Integer statedAge,
                            Instant statedAgeAt, int minorHintsAdded, boolean ban, Instant at) {

        public static UserEvent profile(Profile p, Instant at) {
            return new UserEvent(UserEventKind.PROFILE, p, null, null, null, 0, false, at);
        }

        public static UserEvent confirmed(boolean ban, Instant at) {
            return new UserEvent(UserEventKind.CONFIRMED, null, null, null, null, 0, ban, at);
        }

        public static UserEvent erase(Instant at) {
            return new UserEvent(UserEventKind.ERASE, null, null, null, null, 0, false, at);
        }
    }

    /** Kinds of {@link UserEvent}. */
    public enum UserEventKind {
        /** A Profile record. */
        PROFILE,
        /** Learned from chat: sender snapshot, stated age, minor hints, or just activity. */
        LEARNED,
        /** A reviewer confirmed one of the user's alerts (with or without ban). */
        CONFIRMED,
        /** Erase everything known of the user. */
        ERASE
    }

    /**
     * A message seen by the sender or device processors, text removed (behaviour only), or an erasure (key
     * senderId or device key).
     *
     * @param userId the user erased; the sender for MESSAGE
     */
    public record SideEvent(SideEventKind kind, ChatMessage message, String userId, Instant at) {
    }

    /** Kinds of {@link SideEvent}. Their order is their code in {@link SideEventSerde}: add at the end only. */
    public enum SideEventKind {
        MESSAGE, ERASE
    }

    /**
     * What the alert index needs (key alertId): an emitted alert's coordinates, or a decision on it.
     */
    public record IndexEvent(AlertRef alert, Decision decision) {
    }

    /**
     * What is kept of an emitted alert so that a decision can be applied: no text.
     *
     * @param at event time of the alert (retention runs from there)
     */
    public record AlertRef(String alertId, String conversationId, String senderId, List<String> ruleIds,
                           List<Category> categories, Instant at) {
        public AlertRef {
            ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /** The rule ids a reviewer dismissed in one conversation (global dismissals store). */
    public record Dismissal(String conversationId, List<String> ruleIds, Instant at) {
        public Dismissal {
            ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
        }
    }

    /** The last hash of a task's alert chain. */
    public record ChainHead(String hash, long alerts) {
    }

    /** The message without its text: side processors judge behaviour, and repartition topics hold no text. */
    static ChatMessage withoutText(ChatMessage m) {
        return new ChatMessage(m.type(), m.messageId(), m.conversationId(), m.roomId(), m.senderId(),
                m.recipientIds(), m.sentAt(), "", m.attachments(), m.sender());
    }
}
