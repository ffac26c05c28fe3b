package io.vigie.stream.topology;

import io.vigie.core.contract.Category;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.Decision;
import io.vigie.core.assess.UserFacts;
import io.vigie.core.contract.SenderSnapshot;
import io.vigie.core.state.UserState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the application's event topics (see {@link Topics}): each carries a {@code kind} so that one
 * topic carries every event its processor needs, in order.
 */
public final class Events {

    private Events() {
    }

    /** Something to merge into what was learned of a user (key userId). */
    public record UserEvent(UserEventKind kind, SenderSnapshot snapshot, Integer statedAge,
                            Instant statedAgeAt, int minorHintsAdded, boolean ban, Instant at,
                            boolean statedAgeWithdrawn) {

        public static UserEvent learned(UserFacts.Learned l) {
            return new UserEvent(UserEventKind.LEARNED, l.snapshot(), l.statedAge(), l.statedAgeAt(),
                    l.minorHintsAdded(), false, l.at(), l.statedAgeWithdrawn());
        }

        public static UserEvent confirmed(boolean ban, Instant at) {
            return new UserEvent(UserEventKind.CONFIRMED, null, null, null, 0, ban, at, false);
        }

        public static UserEvent erase(Instant at) {
            return new UserEvent(UserEventKind.ERASE, null, null, null, 0, false, at, false);
        }

        /** What a LEARNED event carries. */
        public UserFacts.Learned asLearned() {
            return new UserFacts.Learned(snapshot, statedAge, statedAgeAt, minorHintsAdded, at, statedAgeWithdrawn);
        }
    }

    /** Kinds of {@link UserEvent}. */
    public enum UserEventKind {
        /** Learned from chat: sender snapshot, stated age, minor hints, or just activity. */
        LEARNED,
        /** A reviewer confirmed one of the user's alerts (with or without ban). */
        CONFIRMED,
        /** Erase everything known of the user. */
        ERASE
    }

    /**
     * A message for the sender or device processors, text removed (behaviour only), with the sender and the
     * recipients as the conversation processor knew them when it scored the message (so both judge the same
     * people); or an erasure or a ban (key senderId or device key).
     *
     * @param userId     the user erased or banned; the sender for MESSAGE
     * @param sender     MESSAGE only: the sender after the message (snapshot and stated age applied)
     * @param recipients MESSAGE only: the recipients, in the message's order
     */
    public record SideEvent(SideEventKind kind, ChatMessage message, String userId, Instant at, UserState sender,
                            List<UserState> recipients) {
        public SideEvent {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
        }

        /** An erasure or a ban of {@code userId} at {@code at}. */
        public static SideEvent of(SideEventKind kind, String userId, Instant at) {
            return new SideEvent(kind, null, userId, at, null, List.of());
        }

        /** The recipients by user id. */
        public Map<String, UserState> recipientsById() {
            Map<String, UserState> byId = new LinkedHashMap<>();
            for (UserState u : recipients) {
                byId.put(u.userId(), u);
            }
            return byId;
        }
    }

    /** Kinds of {@link SideEvent}. Their order is their code in {@link SideEventSerde}: add at the end only. */
    public enum SideEventKind {
        MESSAGE, ERASE, BAN
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
