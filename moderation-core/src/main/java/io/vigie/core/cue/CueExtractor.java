package io.vigie.core.cue;

import io.vigie.core.contract.Attachment;

import java.util.List;

/**
 * Normalizes, matches and extracts cues from one message. Not thread-safe: one per session; the compiled
 * lexicons, patterns and hash lists it uses are immutable and shared.
 *
 * <p>OWNER: match/signal helper. Signatures are the contract with rule/assess; bodies may change.
 */
public interface CueExtractor {

    /**
     * Extracts the cues of one message; never throws on any text.
     *
     * @param text        raw message text, never null (may be empty)
     * @param attachments the message's attachments, never null (may be empty)
     * @param eventTimeMs the message's sentAt in epoch ms (turns "né en 2012" into an age; never the wall clock)
     * @return a reused view, valid until the next call
     */
    MessageCues extract(CharSequence text, List<Attachment> attachments, long eventTimeMs);

    /**
     * Extracts the cues of one message of a conversation: as {@link #extract(CharSequence, List, long)}, with the
     * conversation's context so far, so that {@code model.context} reads the whole conversation.
     *
     * @param contextBefore  the conversation's context sum before this message (0 for the first)
     * @param messagesBefore how many messages the conversation had before this one
     */
    default MessageCues extract(CharSequence text, List<Attachment> attachments, long eventTimeMs,
                                float contextBefore, int messagesBefore) {
        return extract(text, attachments, eventTimeMs);
    }
}
