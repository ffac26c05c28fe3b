package io.vigie.stream.eval;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the evaluation needs to know of the input, gathered while {@link InputMerger} writes it: every conversation
 * seen, and for labelled conversations their messages in the order the topology saw them (so an alert's delay
 * can be counted in messages). Message text is kept only when asked ({@code --show-text}).
 *
 * <p>Filled by one merge, then read-only; not thread-safe.
 */
public final class Transcript {

    /**
     * One message of a labelled conversation.
     *
     * @param senderId may be null in a malformed line
     * @param text     null unless text was kept
     */
    public record Message(String messageId, String senderId, String text) {
    }

    private final List<Path> inputs;
    /** In the order first seen. */
    private final Set<String> conversations = new LinkedHashSet<>();
    private final Map<String, List<Message>> messages = new HashMap<>();
    private final Map<String, Map<String, Integer>> positions = new HashMap<>();
    private long lines;
    private long messageCount;

    Transcript(List<Path> inputs) {
        this.inputs = List.copyOf(inputs);
    }

    /** Counts a line that is not a readable message (a profile, a decision, an unreadable line). */
    void countLine() {
        lines++;
    }

    /**
     * Records a message line.
     *
     * @param keep true when the conversation is labelled: its message order (and {@code message}) is kept
     */
    void add(String conversationId, Message message, boolean keep) {
        lines++;
        messageCount++;
        conversations.add(conversationId);
        if (!keep) {
            return;
        }
        List<Message> list = messages.computeIfAbsent(conversationId, k -> new java.util.ArrayList<>());
        // a message sent twice (a producer retry) keeps its first position
        if (positions.computeIfAbsent(conversationId, k -> new HashMap<>())
                .putIfAbsent(message.messageId(), list.size()) == null) {
            list.add(message);
        }
    }

    /** The files merged, in order. */
    public List<Path> inputs() {
        return inputs;
    }

    /** Non-blank lines read. */
    public long lines() {
        return lines;
    }

    /** Message lines read. */
    public long messages() {
        return messageCount;
    }

    /** True when the input holds at least one message of this conversation. */
    public boolean contains(String conversationId) {
        return conversations.contains(conversationId);
    }

    /** Every conversation id seen in the input. */
    public Set<String> conversations() {
        return java.util.Collections.unmodifiableSet(conversations);
    }

    /**
     * The position (0 = first) of a message in its labelled conversation; -1 when the message, or the conversation's
     * order, is unknown.
     */
    public int position(String conversationId, String messageId) {
        Map<String, Integer> p = positions.get(conversationId);
        Integer i = p == null || messageId == null ? null : p.get(messageId);
        return i == null ? -1 : i;
    }

    /** The messages of a labelled conversation in input order; empty when unknown. */
    public List<Message> messages(String conversationId) {
        return messages.getOrDefault(conversationId, List.of());
    }
}
