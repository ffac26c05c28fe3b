package io.vigie.core.assess;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.state.SenderState;
import io.vigie.core.contract.Severity;
import io.vigie.core.state.UserState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A sender's behaviour across conversations, by event time:
 * <ul>
 *   <li><b>fan-out</b>: a sender who is not a likely minor contacts {@link Policy#fanOutMinors()} distinct
 *   likely-minor recipients within {@link Policy#fanOutWindowMs()}, each in a one-to-one message (a group
 *   conversation speaks to all its members at once): a FAN_OUT alert (CHILD_GROOMING), HIGH with
 *   REVIEW at N, CRITICAL with HOLD from 2N; raised again only when the count rises within the window;</li>
 *   <li><b>new-account burst</b>: an account younger than {@link Policy#newAccountMs()} makes
 *   {@link Policy#burstContacts()} first contacts within {@link Policy#burstWindowMs()}: a NEW_ACCOUNT_BURST
 *   alert, MEDIUM with REVIEW, at most once per window. It carries no category: it is behaviour, not a harm.</li>
 * </ul>
 * Behaviour alone never blocks: without content a human decides. State stays bounded: contacts older than the
 * windows are pruned by event time, and at most {@link Policy#maxTracked()} of each list are kept.
 *
 * <p>Known recipients and first contacts are only tracked while a burst is still possible: for an account of known
 * creation time, until {@code newAccountMs + burstWindowMs} after it was created (past that, no message inside the
 * burst window can come from a new account). Older accounts, and accounts whose creation time is unknown (a burst
 * needs it), carry neither list: the sender state of an established user is a few fields, not up to
 * {@code maxTracked} ids copied on every message. An account whose creation time arrives later starts with no
 * known recipients, so a burst counts its earlier contacts again: earlier, never later.
 * Stateless and thread-safe.
 */
public final class SenderAssessor {

    /** Rule id of fan-out evidence. */
    public static final String FAN_OUT_RULE = "core.fan_out";
    /** Rule id of new-account burst evidence. */
    public static final String BURST_RULE = "core.new_account_burst";

    private SenderAssessor() {
    }

    /**
     * Assesses one message of the sender.
     *
     * @param state      stored sender behaviour; null for a sender never seen
     * @param sender     stored sender profile and facts; null when unknown
     * @param recipients stored states of the recipients; missing ones are unknown (not minors)
     */
    public static SideAssessment<SenderState> assess(Policy policy, String rulesVersion, SenderState state,
                                                     ChatMessage message, UserState sender,
                                                     Map<String, UserState> recipients) {
        Instant at = message.sentAt();
        SenderState s = state == null ? SenderState.empty(message.senderId()) : state;
        UserState user = (sender == null ? UserState.unknown(message.senderId()) : sender)
                .withSnapshot(message.sender(), at);
        Map<String, UserState> recips = recipients == null ? Map.of() : recipients;
        Instant ref = latest(s.lastSeen(), at);
        Instant fanFrom = ref.minusMillis(policy.behaviour().fanOutWindowMs());
        Instant burstFrom = ref.minusMillis(policy.behaviour().burstWindowMs());

        // the stored collections are immutable: each is copied only when this message changes it, so the common
        // message (no likely minor among the recipients, nothing expired) allocates no collection at all
        Map<String, Instant> minors = s.minorContacts();
        boolean minorsCopied = false;
        if (anyBefore(minors.values(), fanFrom)) {
            minors = new HashMap<>(minors);
            minors.values().removeIf(t -> t.isBefore(fanFrom));
            minorsCopied = true;
        }
        boolean burstPossible = burstPossible(user, ref, policy);
        List<Instant> newContacts = burstPossible ? s.newContacts() : List.of();
        boolean newContactsCopied = false;
        if (anyBefore(newContacts, burstFrom)) {
            newContacts = new ArrayList<>(newContacts);
            newContacts.removeIf(t -> t.isBefore(burstFrom));
            newContactsCopied = true;
        }
        LinkedHashSet<String> known = burstPossible ? new LinkedHashSet<>(s.knownRecipients()) : null;

        boolean minorContacted = false;
        boolean newContact = false;
        boolean oneToOne = oneToOne(message);
        for (String r : message.recipientIds()) {
            if (r.equals(message.senderId())) {
                continue;
            }
            UserState u = recips.get(r);
            if (oneToOne && u != null && u.likelyMinor() && !at.isBefore(fanFrom)) {
                if (!minorsCopied) {
                    minors = new HashMap<>(minors);
                    minorsCopied = true;
                }
                minors.merge(r, at, SenderAssessor::latest);
                minorContacted = true;
            }
            if (known == null) {
                continue;
            }
            if (known.remove(r)) {
                known.add(r); // most recent last
            } else {
                known.add(r);
                if (!at.isBefore(burstFrom)) {
                    if (!newContactsCopied) {
                        newContacts = new ArrayList<>(newContacts);
                        newContactsCopied = true;
                    }
                    newContacts.add(at);
                    newContact = true;
                }
            }
        }
        if (minorsCopied) {
            DeviceAssessor.trimLeastRecent(minors, policy.bounds().maxTracked());
        }
        if (newContactsCopied) {
            Collections.sort(newContacts);
            while (newContacts.size() > policy.bounds().maxTracked()) {
                newContacts.remove(0);
            }
        }
        while (known != null && known.size() > policy.bounds().maxTracked()) {
            known.remove(known.iterator().next());
        }

        int fanOutAlertedCount = s.fanOutAlertedAt() != null && !s.fanOutAlertedAt().isBefore(fanFrom)
                ? s.fanOutAlertedCount() : 0;
        Instant fanOutAlertedAt = s.fanOutAlertedAt();
        Instant burstAlertedAt = s.burstAlertedAt();
        Alert alert = null;
        List<ActionCommand> actions = List.of();
        int minorCount = minors.size();
        if (minorContacted && !user.likelyMinor() && minorCount >= policy.behaviour().fanOutMinors()
                && minorCount > fanOutAlertedCount) {
            boolean critical = minorCount >= 2 * policy.behaviour().fanOutMinors();
            Severity severity = critical ? Severity.CRITICAL : Severity.HIGH;
            Action action = critical ? Action.HOLD : Action.REVIEW;
            int score = critical ? policy.thresholds().criticalAt() : policy.thresholds().highAt();
            String evidence = minorCount + " distinct likely minors contacted within "
                    + policy.behaviour().fanOutWindowMs() / 60_000 + " min";
            alert = alert(policy, rulesVersion, message, user, recips, Alert.Kind.FAN_OUT, severity, action, score,
                    List.of(Category.CHILD_GROOMING), new Alert.Signal(FAN_OUT_RULE, Category.CHILD_GROOMING,
                            score, evidence, -1, -1));
            if (action.enforces()) {
                actions = List.of(Statements.command(policy, message.senderId(), action, alert.alertId(),
                        message.messageId(), List.of(Category.CHILD_GROOMING), List.of(FAN_OUT_RULE),
                        List.of("the account contacted " + minorCount + " people who are likely minors within "
                                + hours(policy.behaviour().fanOutWindowMs()) + " hours")));
            }
            fanOutAlertedCount = minorCount;
            fanOutAlertedAt = at;
        } else if (newContact && isNew(user, at, policy) && newContacts.size() >= policy.behaviour().burstContacts()
                && (burstAlertedAt == null || burstAlertedAt.isBefore(burstFrom))) {
            String evidence = newContacts.size() + " first contacts within " + policy.behaviour().burstWindowMs() / 60_000
                    + " min from an account created at " + user.accountCreatedAt();
            alert = alert(policy, rulesVersion, message, user, recips, Alert.Kind.NEW_ACCOUNT_BURST,
                    Severity.MEDIUM, Action.REVIEW, policy.thresholds().mediumAt(), List.of(),
                    new Alert.Signal(BURST_RULE, null, policy.thresholds().mediumAt(), evidence, -1, -1));
            burstAlertedAt = at;
        }
        SenderState next = new SenderState(s.userId(), minors, newContacts,
                known == null ? List.of() : new ArrayList<>(known), fanOutAlertedAt,
                s.priorAlerts() + (alert == null ? 0 : 1), latest(s.lastSeen(), at), fanOutAlertedCount,
                burstAlertedAt);
        return new SideAssessment<>(next, alert, actions);
    }

    /**
     * Whether a message can change the sender's state or raise a sender alert, so that the stream app re-keys it
     * by sender: a likely-minor recipient (fan-out), or an account young enough for a burst. Any other message
     * leaves the state as it is except for {@code lastSeen}, which only bounds how long the state is kept.
     *
     * @param recipientsLikelyMinor whether any recipient other than the sender is a likely minor
     */
    public static boolean matters(Policy policy, UserState sender, Instant at, boolean recipientsLikelyMinor) {
        return recipientsLikelyMinor || burstPossible(sender, at, policy);
    }

    /**
     * Whether a message at or after {@code ref - burstWindowMs} can still come from a new account: the creation
     * time is known and {@code ref} is less than {@code newAccountMs + burstWindowMs} after it. Event time only
     * moves {@code ref} forward, so once false it stays false for the account.
     */
    public static boolean burstPossible(UserState user, Instant ref, Policy policy) {
        Instant created = user.accountCreatedAt();
        return created != null
                && ref.toEpochMilli() - created.toEpochMilli() < policy.behaviour().newAccountMs() + policy.behaviour().burstWindowMs();
    }

    /**
     * Whether the message is addressed to exactly one person besides its sender. Only such messages count towards
     * fan-out: a group conversation (a team with its coach and the parents, a class with its teacher) speaks to
     * every member at once and in front of the others, so each adult in it would otherwise "contact" every child in
     * it with every message.
     */
    static boolean oneToOne(ChatMessage message) {
        int others = 0;
        for (String r : message.recipientIds()) {
            if (!r.equals(message.senderId()) && ++others > 1) {
                return false;
            }
        }
        return others == 1;
    }

    private static boolean anyBefore(Iterable<Instant> times, Instant from) {
        for (Instant t : times) {
            if (t.isBefore(from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNew(UserState user, Instant at, Policy policy) {
        Instant created = user.accountCreatedAt();
        return created != null && at.toEpochMilli() - created.toEpochMilli() < policy.behaviour().newAccountMs();
    }

    private static Alert alert(Policy policy, String rulesVersion, ChatMessage m, UserState user,
                               Map<String, UserState> recips, Alert.Kind kind, Severity severity, Action action,
                               int score, List<Category> categories, Alert.Signal signal) {
        Alert.AgeInfo age = new Alert.AgeInfo(Ages.of(null, user),
                Ages.recipients(m.recipientIds(), recips, policy.bounds().maxParticipants()));
        return new Alert(AlertIds.of(m.messageId(), kind), m.messageId(), m.conversationId(), m.senderId(),
                m.recipientIds(), m.sentAt(), m.sentAt(), severity, action, score, categories, List.of(signal), age,
                null, rulesVersion, null, kind, List.of(), null, m.roomId(), null, user.deviceId(), null, null);
    }

    private static long hours(long ms) {
        return ms / 3_600_000;
    }

    static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }
}
