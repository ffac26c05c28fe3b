package io.vigie.core.rule;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.cue.CueRegistry;
import io.vigie.core.cue.MessageCues;
import io.vigie.core.state.RecentList;
import io.vigie.core.state.RecentMessage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The {@link ConversationWindow} over a conversation's kept earlier messages ({@link RecentMessage}, oldest first),
 * seen from one message: its sender, its number in the conversation and its event time. Built per message; not
 * thread-safe, allocation-free in use.
 */
public final class RecentWindow implements ConversationWindow {

    private final RecentList entries;
    private final String senderId;
    private final int index;
    private final long atMs;
    private final CueRegistry cues;

    /**
     * @param entries  earlier messages, oldest first, never null
     * @param senderId the sender of the message being scored
     * @param index    that message's number in the conversation (the entries' indexes are smaller)
     * @param at       its event time
     * @param cues     the registry the rules' cue ids come from
     */
    public RecentWindow(List<RecentMessage> entries, String senderId, int index, Instant at, CueRegistry cues) {
        this.entries = RecentList.copyOf(Objects.requireNonNull(entries, "entries must not be null"));
        this.senderId = senderId;
        this.index = index;
        this.atMs = at.toEpochMilli();
        this.cues = Objects.requireNonNull(cues, "cues must not be null");
    }

    @Override
    public int find(int cueId, By by, int maxMessages, long maxAgeMs) {
        String name = cues.name(cueId);
        for (int i = previous(entries.size(), by, maxMessages, maxAgeMs); i >= 0;
                i = previous(i, by, maxMessages, maxAgeMs)) {
            if (mark(entries.get(i), name) != null) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int collect(int[] cueIds, By by, int maxMessages, long maxAgeMs, int[] out) {
        int n = 0;
        for (int i = previous(entries.size(), by, maxMessages, maxAgeMs); i >= 0 && n < out.length;
                i = previous(i, by, maxMessages, maxAgeMs)) {
            for (int c : cueIds) {
                if (carries(i, c)) {
                    out[n++] = i;
                    break;
                }
            }
        }
        return n;
    }

    /** The entry before {@code i} that the window's bounds and {@code by} admit, or -1 once past the bounds. */
    private int previous(int i, By by, int maxMessages, long maxAgeMs) {
        for (int k = i - 1; k >= 0; k--) {
            if (index - entries.index(k) > maxMessages || atMs - entries.sentAtMs(k) > maxAgeMs) {
                return -1; // older entries are further back still
            }
            String sender = entries.get(k).senderId();
            if (by == By.ANY || (by == By.SAME) == sender.equals(senderId)) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public boolean carries(int handle, int cueId) {
        return handle >= 0 && handle < entries.size() && mark(entries.get(handle), cues.name(cueId)) != null;
    }

    @Override
    public Alert.Signal evidence(int handle, int cueId, String ruleId, Category category, int score) {
        if (handle < 0 || handle >= entries.size()) {
            throw new IllegalArgumentException("no entry " + handle);
        }
        RecentMessage m = entries.get(handle);
        RecentMessage.CueMark mark = mark(m, cues.name(cueId));
        if (mark == null) {
            throw new IllegalArgumentException("entry " + handle + " has no cue " + cues.name(cueId));
        }
        return new Alert.Signal(ruleId, category, score, mark.evidence(), mark.start(), mark.end(), m.messageId());
    }

    /**
     * The window cues a message carried, as the conversation keeps them: name, raw span and the text of that span.
     *
     * @param windowCues ascending cue ids ({@link RulePack#windowCues()})
     * @return an immutable list; empty (no allocation) when the message carried none
     */
    public static List<RecentMessage.CueMark> marks(MessageCues f, int[] windowCues, CueRegistry cues) {
        List<RecentMessage.CueMark> out = null;
        CharSequence raw = f.raw();
        for (int c : windowCues) {
            if (!f.has(c)) {
                continue;
            }
            int s = f.start(c);
            int e = f.end(c);
            boolean span = s >= 0 && e > s && e <= raw.length();
            if (out == null) {
                out = new java.util.ArrayList<>(2);
            }
            out.add(new RecentMessage.CueMark(cues.name(c), span ? s : -1, span ? e : -1,
                    span ? raw.subSequence(s, e).toString() : null));
        }
        return out == null ? List.of() : List.copyOf(out);
    }

    private static RecentMessage.CueMark mark(RecentMessage m, String cue) {
        List<RecentMessage.CueMark> marks = m.cues();
        for (int k = 0; k < marks.size(); k++) {
            if (marks.get(k).cue().equals(cue)) {
                return marks.get(k);
            }
        }
        return null;
    }
}
