package io.vigie.core.assess;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.state.ConversationState;
import io.vigie.core.state.RecentList;
import io.vigie.core.state.RecentMessage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The last step of a message's assessment, and the other transitions of a conversation's state: participants,
 * evidence and the window of recent messages after a message; a reviewer's dismissal and decision; a user's
 * erasure. Every list is bounded by the policy; unchanged parts are passed on as they are. Stateless.
 *
 * <p>The window keeps, for each recent message, the cues conversation-scoped rules look back for (names and spans)
 * and, only while the conversation carries risk, its text and findings for a reviewer. Once the conversation no
 * longer carries risk, every kept text is dropped at its next message.
 */
public final class ConversationUpdate {

    private ConversationUpdate() {
    }

    /**
     * Participants after a message: unchanged (same list) when everyone is known; otherwise newcomers are appended
     * and the earliest arrivals dropped beyond the bound, so a conversation between the same people costs no copy.
     */
    static List<String> participants(List<String> known, ChatMessage message, int max) {
        String sender = message.senderId();
        List<String> recipients = message.recipientIds();
        boolean senderKnown = known.contains(sender);
        boolean allKnown = senderKnown;
        for (int i = 0; allKnown && i < recipients.size(); i++) {
            allKnown = known.contains(recipients.get(i));
        }
        if (allKnown) {
            return known;
        }
        if (recipients.size() == 1) {
            // a direct message (nearly all of them): the sender, then the recipient, join the end if new, and the
            // earliest arrivals go beyond the bound, which is what the general case gives (participants are
            // distinct, so the set it builds holds the same sequence)
            String r = recipients.get(0);
            boolean recipientNew = !r.equals(sender) && !known.contains(r);
            int n = known.size() + (senderKnown ? 0 : 1) + (recipientNew ? 1 : 0);
            int keep = Math.min(n, max);
            String[] out = new String[keep];
            int w = keep;
            if (recipientNew) {
                out[--w] = r;
            }
            if (!senderKnown && w > 0) {
                out[--w] = sender;
            }
            for (int i = known.size() - 1; w > 0; i--) {
                out[--w] = known.get(i);
            }
            return List.of(out);
        }
        if (recipients.isEmpty() || !senderKnown && known.size() < max && allKnownBut(known, recipients, sender)) {
            // a room message from a newcomer (no recipients), or the sender the only newcomer with room to spare:
            // the sender joins the end, the earliest arrivals go beyond the bound (what the general case gives)
            int keep = Math.min(known.size(), Math.max(0, max - 1));
            String[] out = new String[keep + 1];
            for (int i = 0; i < keep; i++) {
                out[i] = known.get(known.size() - keep + i);
            }
            out[keep] = sender;
            return max <= 0 ? List.of() : List.of(out);
        }
        LinkedHashSet<String> grown = new LinkedHashSet<>(known);
        grown.add(sender);
        for (String r : recipients) {
            grown.add(r);
            trimFront(grown, max);
        }
        trimFront(grown, max);
        return new ArrayList<>(grown);
    }

    /** True when every recipient is known or is the sender. */
    private static boolean allKnownBut(List<String> known, List<String> recipients, String sender) {
        for (int i = 0; i < recipients.size(); i++) {
            String r = recipients.get(i);
            if (!r.equals(sender) && !known.contains(r)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The newest {@code max} of {@code old} followed by {@code added}, as an immutable list built from one
     * exact-size array (the state record's {@code List.copyOf} then keeps it as is).
     */
    static List<Alert.Signal> newestEvidence(List<Alert.Signal> old, List<Alert.Signal> added, int max) {
        int total = old.size() + added.size();
        int n = Math.min(total, max);
        Alert.Signal[] out = new Alert.Signal[n];
        int skip = total - n;
        int w = 0;
        for (int i = 0; i < old.size(); i++) {
            if (skip > 0) {
                skip--;
            } else {
                out[w++] = old.get(i);
            }
        }
        for (int i = 0; i < added.size(); i++) {
            if (skip > 0) {
                skip--;
            } else {
                out[w++] = added.get(i);
            }
        }
        return List.of(out);
    }

    /**
     * The window after a message.
     *
     * @param entry       the message as the window keeps it (its text already null unless the conversation carries
     *                    risk); null when it carries nothing to keep
     * @param keepText    true while the conversation carries risk; false drops every kept text
     * @param index       the message's number in the conversation
     * @param atMs        its event time
     */
    static List<RecentMessage> window(List<RecentMessage> before, RecentMessage entry, boolean keepText, int index,
                                      long atMs, Policy policy) {
        // every message updates its window: read what the list keeps beside the entries, not the entries
        RecentList recent = RecentList.copyOf(before);
        int n = recent.size();
        if (n == 0 && entry == null) {
            return recent;
        }
        Policy.Window w = policy.window();
        int maxMessages = w.messages();
        long maxAgeMs = w.maxAgeMs();
        RecentList.Builder out = RecentList.builder(entry == null ? n : n + 1);
        boolean same = true; // while out holds recent's entries as they are
        for (int i = 0; i < n; i++) {
            if (index - recent.index(i) > maxMessages || atMs - recent.sentAtMs(i) > maxAgeMs) {
                same = false; // out of the window, whatever it held
            } else if (keepText || recent.bare(i)) {
                if (recent.keepsNothing(i)) {
                    same = false;
                } else {
                    out.add(recent, i);
                }
            } else {
                RecentMessage kept = recent.get(i).withoutText();
                same = false;
                if (!kept.keepsNothing()) {
                    out.add(kept);
                }
            }
        }
        if (entry != null) {
            out.add(entry);
            same = false;
        }
        // at most maxText entries keep their text: the newest
        int maxText = policy.context().messages();
        int withText = 0;
        for (int i = out.size() - 1; i >= 0; i--) {
            if (out.keepsText(i) && ++withText > maxText) {
                same = false;
                RecentMessage stripped = out.get(i).withoutText();
                if (stripped.keepsNothing()) {
                    out.remove(i);
                } else {
                    out.set(i, stripped);
                }
            }
        }
        return same ? recent : out.build(); // nothing left, came or lost its text: no copy
    }

    /** The kept texts before this message, oldest first, as an alert's {@code context}. */
    static List<Alert.ContextMessage> contextOf(List<RecentMessage> recent) {
        List<Alert.ContextMessage> out = null;
        for (RecentMessage m : recent) {
            if (m.text() != null) {
                if (out == null) {
                    out = new ArrayList<>();
                }
                out.add(new Alert.ContextMessage(m.messageId(), m.senderId(), m.sentAt(), m.text(), m.signals()));
            }
        }
        return out == null ? List.of() : out;
    }

    /** {@code text} cut to {@code max} chars without splitting a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * The state after a reviewer dismissed an alert with these rule ids: the rules count less in this
     * conversation from now on. Shadow rule ids are ignored.
     */
    public static ConversationState dismiss(ConversationState conversation, List<String> ruleIds, String shadowPrefix,
                                            Policy policy) {
        if (ruleIds == null || ruleIds.isEmpty()) {
            return conversation;
        }
        LinkedHashSet<String> dismissed = new LinkedHashSet<>(conversation.dismissedRules());
        for (String id : ruleIds) {
            if (id != null && !id.startsWith(shadowPrefix)) {
                dismissed.remove(id);
                dismissed.add(id);
            }
        }
        trimFront(dismissed, policy.bounds().maxTracked());
        return new ConversationState(conversation.conversationId(), conversation.participants(),
                conversation.messages(), conversation.risk(), conversation.riskAt(), conversation.stages(),
                conversation.alerted(), conversation.evidence(), new ArrayList<>(dismissed),
                conversation.lastEventAt(), conversation.lateMessages(), conversation.learnedAges(),
                conversation.recent(), conversation.decidedAt(), conversation.languageScore(),
                conversation.context(), conversation.held(), conversation.heldMessageId());
    }

    /**
     * The state once a user's data is erased: their messages leave the window (text and cues), what they said of
     * their age leaves the learned ages, and the evidence keeps only which rules fired (its text is dropped, since
     * it does not say whose message it came from). Participants and counts stay: they hold no content.
     */
    public static ConversationState erase(ConversationState conversation, String userId) {
        List<RecentMessage> recent = new ArrayList<>(conversation.recent().size());
        for (RecentMessage m : conversation.recent()) {
            if (!m.senderId().equals(userId)) {
                recent.add(m);
            }
        }
        java.util.Map<String, Alert.PersonAge> ages = new java.util.HashMap<>(conversation.learnedAges());
        ages.remove(userId);
        // evidence does not say whose message it came from: keep which rules fired (repeat weighting), drop the text
        List<Alert.Signal> evidence = new ArrayList<>(conversation.evidence().size());
        for (Alert.Signal s : conversation.evidence()) {
            evidence.add(new Alert.Signal(s.ruleId(), s.category(), s.score(), null, -1, -1, null));
        }
        return new ConversationState(conversation.conversationId(), conversation.participants(),
                conversation.messages(), conversation.risk(), conversation.riskAt(), conversation.stages(),
                conversation.alerted(), evidence, conversation.dismissedRules(), conversation.lastEventAt(),
                conversation.lateMessages(), ages, recent, conversation.decidedAt(), conversation.languageScore(),
                conversation.context(), conversation.held(), conversation.heldMessageId());
    }

    private static void trimFront(LinkedHashSet<String> set, int max) {
        if (set.size() <= max) {
            return;
        }
        var it = set.iterator();
        while (set.size() > max && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
