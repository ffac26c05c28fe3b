package io.vigie.core.rule.internal;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.cue.CueRegistry;
import io.vigie.core.cue.MessageCues;
import io.vigie.core.rule.ConversationWindow;
import io.vigie.core.rule.ScoringContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One window clause of a rule: cues that earlier messages of the conversation (by the same sender, someone else,
 * or anyone) must or must not have carried, within a number of messages and minutes. A cue in the message being
 * scored counts too, unless the clause looks at other people's messages or only at earlier ones ({@code earlier:
 * true}, for "a second threat"). With {@code min: n}, at least n messages of the window (each counted once, the
 * current one included when it counts) must carry one of the {@code any} cues. With {@code from: n}, the clause is
 * checked from the conversation's n-th message on and holds on earlier ones. Immutable and thread-safe.
 */
final class WindowClause {

    /** How far a clause looks back when it does not say: messages. */
    static final int DEFAULT_MESSAGES = 20;
    /** How far a clause looks back when it does not say: minutes of event time. */
    static final long DEFAULT_MINUTES = 24 * 60;

    private final int[] all;
    private final int[] any;
    private final int[] none;
    private final ConversationWindow.By by;
    private final int messages;
    private final long maxAgeMs;
    private final boolean earlierOnly;
    private final int min;
    private final int from;

    WindowClause(int[] all, int[] any, int[] none, ConversationWindow.By by, int messages, long minutes,
                 boolean earlierOnly, int min, int from) {
        this.earlierOnly = earlierOnly;
        this.min = min;
        this.from = from;
        this.all = all.clone();
        this.any = any.clone();
        this.none = none.clone();
        this.by = by;
        this.messages = messages;
        this.maxAgeMs = minutes * 60_000L;
    }

    /** True when the clause requires some cue (in {@code all} or {@code any}), not only vetoes. */
    boolean requiresCue() {
        return all.length + any.length > 0;
    }

    /** Every cue the clause names. */
    int[] cues() {
        int[] out = new int[all.length + any.length + none.length];
        System.arraycopy(all, 0, out, 0, all.length);
        System.arraycopy(any, 0, out, all.length, any.length);
        System.arraycopy(none, 0, out, all.length + any.length, none.length);
        return out;
    }

    /** What {@link #test} returns when the clause does not hold. */
    static final List<Alert.Signal> FAILS = Collections.unmodifiableList(new ArrayList<>(0));

    /**
     * Tests the clause. Allocates nothing unless it takes evidence from earlier messages.
     *
     * @param related evidence from earlier messages is appended here (created on first use)
     * @return {@link #FAILS} (compared by identity) when the clause does not hold, else {@code related} (possibly
     *         still null: nothing taken from earlier messages)
     */
    List<Alert.Signal> test(MessageCues f, ScoringContext ctx, String ruleId, Category category,
                            List<Alert.Signal> related) {
        if (ctx.conversationMessages() + 1 < from) {
            return related; // too early in the conversation for this clause to say anything
        }
        ConversationWindow w = ctx.window();
        boolean here = by != ConversationWindow.By.OTHER && !earlierOnly;
        for (int c : none) {
            if (here && f.has(c) || w.find(c, by, messages, maxAgeMs) >= 0) {
                return FAILS;
            }
        }
        List<Alert.Signal> out = related;
        for (int c : all) {
            if (here && f.has(c)) {
                continue;
            }
            int h = w.find(c, by, messages, maxAgeMs);
            if (h < 0) {
                return FAILS;
            }
            out = add(out, w.evidence(h, c, ruleId, category, 0));
        }
        if (min > 1) {
            return atLeast(f, w, here, ruleId, category, out);
        }
        if (any.length > 0) {
            boolean found = false;
            for (int c : any) {
                if (here && f.has(c)) {
                    found = true;
                    break;
                }
            }
            for (int i = 0; !found && i < any.length; i++) {
                int h = w.find(any[i], by, messages, maxAgeMs);
                if (h >= 0) {
                    found = true;
                    out = add(out, w.evidence(h, any[i], ruleId, category, 0));
                }
            }
            if (!found) {
                return FAILS;
            }
        }
        return out;
    }

    /** The {@code min} form of {@code any}: enough messages of the window carried one of the cues. */
    private List<Alert.Signal> atLeast(MessageCues f, ConversationWindow w, boolean here, String ruleId,
                                       Category category, List<Alert.Signal> related) {
        int need = min;
        for (int c : any) {
            if (here && f.has(c)) {
                need--;
                break;
            }
        }
        int[] handles = new int[need];
        if (w.collect(any, by, messages, maxAgeMs, handles) < need) {
            return FAILS;
        }
        List<Alert.Signal> out = related;
        for (int h : handles) {
            for (int c : any) {
                if (w.carries(h, c)) {
                    out = add(out, w.evidence(h, c, ruleId, category, 0));
                    break;
                }
            }
        }
        return out;
    }

    private static List<Alert.Signal> add(List<Alert.Signal> list, Alert.Signal s) {
        List<Alert.Signal> out = list == null ? new ArrayList<>(2) : list;
        out.add(s);
        return out;
    }

    /** For explanations: what the clause needs, as a phrase. */
    String describe(CueRegistry cues) {
        StringBuilder sb = new StringBuilder();
        append(sb, "all", all, cues);
        append(sb, "any", any, cues);
        if (min > 1) {
            sb.append(" in at least ").append(min).append(" messages");
        }
        append(sb, "none", none, cues);
        return sb.append(" by ").append(by.name().toLowerCase(Locale.ROOT)).append(" within ").append(messages)
                .append(" messages and ").append(maxAgeMs / 60_000L).append(" minutes")
                .append(earlierOnly ? " before this one" : "")
                .append(from > 1 ? ", from the conversation's message " + from + " on" : "").toString();
    }

    private static void append(StringBuilder sb, String what, int[] ids, CueRegistry cues) {
        if (ids.length == 0) {
            return;
        }
        sb.append(sb.length() == 0 ? "" : " ").append(what).append(" [");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(cues.name(ids[i]));
        }
        sb.append(']');
    }
}
