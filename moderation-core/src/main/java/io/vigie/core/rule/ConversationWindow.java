package io.vigie.core.rule;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;

/**
 * What conversation-scoped rules see of the conversation before the message: the cues earlier messages carried,
 * who wrote them, when. A read-only view built per message by the assessment; valid for that message only.
 */
public interface ConversationWindow {

    /** Whose earlier messages a window clause looks at, relative to the message being scored. */
    enum By {
        /** Messages of the sender of this message. */
        SAME,
        /** Messages of anyone else in the conversation. */
        OTHER,
        /** Every message. */
        ANY
    }

    /** No earlier message (a message scored alone). */
    ConversationWindow NONE = new ConversationWindow() {
        @Override
        public int find(int cueId, By by, int maxMessages, long maxAgeMs) {
            return -1;
        }

        @Override
        public int collect(int[] cueIds, By by, int maxMessages, long maxAgeMs, int[] out) {
            return 0;
        }

        @Override
        public boolean carries(int handle, int cueId) {
            return false;
        }

        @Override
        public Alert.Signal evidence(int handle, int cueId, String ruleId, Category category, int score) {
            throw new IllegalArgumentException("no entry " + handle);
        }
    };

    /**
     * The most recent earlier message that carried a cue, within bounds.
     *
     * @param maxMessages how many messages back at most (1 = the message just before)
     * @param maxAgeMs    how far back in event time at most
     * @return a handle for {@link #evidence}, or -1 when no such message is in the window
     */
    int find(int cueId, By by, int maxMessages, long maxAgeMs);

    /**
     * The earlier messages within bounds that carried any of the cues, most recent first, each counted once.
     *
     * @param out receives handles for {@link #evidence}; at most {@code out.length} are collected
     * @return how many handles were written
     */
    int collect(int[] cueIds, By by, int maxMessages, long maxAgeMs, int[] out);

    /** Whether the message behind a handle this window returned carried the cue. */
    boolean carries(int handle, int cueId);

    /**
     * The cue's evidence in the message a {@link #find} returned, as an alert signal naming that message.
     *
     * @throws IllegalArgumentException for a handle this window did not return
     */
    Alert.Signal evidence(int handle, int cueId, String ruleId, Category category, int score);
}
