package io.vigie.core.rule;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Stage;
import java.util.List;
import java.util.Set;

/**
 * What a rule may know besides the message itself: who writes to whom, their ages, how old the sender's
 * account is, what the conversation already showed. Built by {@code ModerationSession.assess} from the
 * stored states; the {@code score} command and benchmarks build it directly.
 *
 * @param sender               the sender's age view, never null
 * @param recipients           the recipients' age views; in a public room the participants whose age the
 *                             conversation learned (the audience), often empty
 * @param senderAccountAgeMs   age of the sender's account at sentAt in ms; -1 when unknown
 * @param stagesSeen           grooming stages the conversation reached before this message
 * @param conversationMessages messages seen in the conversation before this one
 * @param window               the cues of earlier messages, for conversation-scoped rules; never null
 * @param alerted              true when the conversation already raised an alert (in any category)
 * @param publicRoom           true for a message to a room (no explicit recipient): {@code privateOnly} rules skip it
 */
public record ScoringContext(Alert.PersonAge sender, List<Alert.PersonAge> recipients, long senderAccountAgeMs,
                             Set<Stage> stagesSeen, int conversationMessages, ConversationWindow window,
                             boolean alerted, boolean publicRoom) {

    private static final Alert.PersonAge UNKNOWN = new Alert.PersonAge(null, null, null, false);
    private static final ScoringContext NONE = new ScoringContext(UNKNOWN, List.of(), -1, Set.of(), 0,
            ConversationWindow.NONE, false, false);

    public ScoringContext {
        sender = sender == null ? UNKNOWN : sender;
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        stagesSeen = stagesSeen == null ? Set.of() : Set.copyOf(stagesSeen);
        window = window == null ? ConversationWindow.NONE : window;
    }

    /** A private message's context (explicit recipients). */
    public ScoringContext(Alert.PersonAge sender, List<Alert.PersonAge> recipients, long senderAccountAgeMs,
                          Set<Stage> stagesSeen, int conversationMessages, ConversationWindow window, boolean alerted) {
        this(sender, recipients, senderAccountAgeMs, stagesSeen, conversationMessages, window, alerted, false);
    }

    /** A context without earlier messages. */
    public ScoringContext(Alert.PersonAge sender, List<Alert.PersonAge> recipients, long senderAccountAgeMs,
                          Set<Stage> stagesSeen, int conversationMessages) {
        this(sender, recipients, senderAccountAgeMs, stagesSeen, conversationMessages, ConversationWindow.NONE, false);
    }

    /**
     * A copy that sees {@code window}, the conversation's earlier messages, of which there were at least {@code
     * earlier} (more when this context already counted more).
     */
    public ScoringContext withEarlier(ConversationWindow window, int earlier) {
        return new ScoringContext(sender, recipients, senderAccountAgeMs, stagesSeen,
                Math.max(conversationMessages, earlier), window, alerted, publicRoom);
    }

    /** A copy for a conversation that already raised an alert (or not). */
    public ScoringContext withAlerted(boolean alerted) {
        return new ScoringContext(sender, recipients, senderAccountAgeMs, stagesSeen, conversationMessages, window,
                alerted, publicRoom);
    }

    /**
     * A copy for a message in a public room (no explicit recipient; {@link #recipients()} are then the room's
     * participants whose age the conversation learned) or a private one.
     */
    public ScoringContext withPublicRoom(boolean publicRoom) {
        return new ScoringContext(sender, recipients, senderAccountAgeMs, stagesSeen, conversationMessages, window,
                alerted, publicRoom);
    }

    /** No context at all: a message alone. */
    public static ScoringContext none() {
        return NONE;
    }

    /** True when any recipient is likely a minor. */
    public boolean recipientLikelyMinor() {
        for (Alert.PersonAge r : recipients) {
            if (r.likelyMinor()) {
                return true;
            }
        }
        return false;
    }
}
