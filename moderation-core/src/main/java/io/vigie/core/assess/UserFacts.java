package io.vigie.core.assess;

import io.vigie.core.contract.SenderSnapshot;
import io.vigie.core.state.UserState;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known of a user, as two parts kept apart: the <b>profile</b> (the operator's latest Profile record) and
 * the <b>learned facts</b> (sender snapshots attached to messages, stated ages and minor hints said in chat,
 * reviewers' confirmations and bans). The stream app keeps profiles as they arrive on the profiles topic and the
 * learned facts in a store of their own; every transition between states is here, once.
 *
 * <p>Stateless and thread-safe.
 */
public final class UserFacts {

    private static final SenderSnapshot NOTHING = new SenderSnapshot(null, null, null, null, null, null);

    private UserFacts() {
    }

    /**
     * What one message taught about its sender, to add to the learned facts: a changed snapshot, a stated age, new
     * minor hints, or only activity.
     *
     * @param snapshot        the message's sender snapshot when it changed what was known; null otherwise
     * @param statedAge       the age stated in the message; null when none or unchanged
     * @param statedAgeAt     when it was stated
     * @param minorHintsAdded minor hints found in the message
     * @param at              the message's event time (activity)
     * @param statedAgeWithdrawn an adult age stated before no longer holds ("18 f", then "en vrai jsuis en 5e")
     */
    public record Learned(SenderSnapshot snapshot, Integer statedAge, Instant statedAgeAt, int minorHintsAdded,
                          Instant at, boolean statedAgeWithdrawn) {

        /** Learned facts that withdraw nothing. */
        public Learned(SenderSnapshot snapshot, Integer statedAge, Instant statedAgeAt, int minorHintsAdded,
                       Instant at) {
            this(snapshot, statedAge, statedAgeAt, minorHintsAdded, at, false);
        }
    }

    /**
     * The user as the scoring sees it: the learned facts over the profile. A field the learned facts know
     * (from a later snapshot) wins over the profile's; ages stated in chat, hints, bans and confirmations only
     * come from the learned facts.
     *
     * @param profile the profile part; null when no profile
     * @param learned the learned part; null when nothing was learned
     * @return never null
     */
    public static UserState merge(String userId, UserState profile, UserState learned) {
        if (learned == null) {
            return profile != null ? profile : UserState.unknown(userId);
        }
        if (profile == null) {
            return learned;
        }
        return new UserState(userId, first(learned.declaredAge(), profile.declaredAge()),
                first(learned.gender(), profile.gender()), first(learned.postalCode(), profile.postalCode()),
                first(learned.accountCreatedAt(), profile.accountCreatedAt()),
                first(learned.deviceId(), profile.deviceId()), first(learned.ipHash(), profile.ipHash()),
                learned.statedAge(), learned.statedAgeAt(), learned.minorHints(), learned.banned(),
                learned.confirmedAlerts(), SenderAssessor.latest(profile.lastSeen(), learned.lastSeen()));
    }

    /**
     * What a message taught about its sender that the learned facts do not hold yet; null when nothing, except
     * that activity is refreshed once every {@code refreshMs} of event time (the facts' retention runs from the
     * last activity they know).
     *
     * @param known   the sender as known before the message (profile and learned facts)
     * @param after   the sender after the message (the assessment's sender: snapshot, stated age, hints applied)
     * @param snapshot the message's sender snapshot; may be null
     */
    public static Learned learned(UserState known, UserState after, SenderSnapshot snapshot, Instant at,
                                  long refreshMs) {
        return learned(known, after, snapshot, at, refreshMs, true);
    }

    /**
     * As {@link #learned(UserState, UserState, SenderSnapshot, Instant, long)}; with {@code anythingLearned}
     * false (nothing was learned of the user before), activity alone is not sent: it would only keep an empty
     * entry alive.
     */
    public static Learned learned(UserState known, UserState after, SenderSnapshot snapshot, Instant at,
                                  long refreshMs, boolean anythingLearned) {
        UserState merged = known.withSnapshot(snapshot, at);
        boolean snapshotChanged = snapshot != null && !sameProfile(known, merged);
        boolean statedChanged = !Objects.equals(known.statedAge(), after.statedAge());
        int hints = Math.max(0, after.minorHints() - merged.minorHints());
        boolean stale = anythingLearned && (known.lastSeen() == null
                || known.lastSeen().toEpochMilli() < at.toEpochMilli() - refreshMs);
        if (!snapshotChanged && !statedChanged && hints == 0 && !stale) {
            return null;
        }
        return new Learned(snapshotChanged ? snapshot : null, statedChanged ? after.statedAge() : null,
                statedChanged ? after.statedAgeAt() : null, hints, at, statedChanged && after.statedAge() == null);
    }

    /**
     * A recipient as a conversation knows them: what they said of their own age in this conversation (kept in
     * the conversation state) makes them a likely minor at once, even before the learned facts carry it to
     * other conversations.
     *
     * @param learned the conversation's view of the user's age; null when it has none
     */
    public static UserState inConversation(UserState user, io.vigie.core.contract.Alert.PersonAge learned,
                                           Instant at) {
        if (learned == null || !learned.likelyMinor() || user.likelyMinor()) {
            return user;
        }
        return learned.stated() != null ? user.withStatedAge(learned.stated(), at) : user.withMinorHint(at);
    }

    /**
     * Only what reviewers decided of a user (confirmations, ban), for the conversations where what was said in
     * chat does not count: null when nothing.
     */
    public static UserState reviewersOnly(UserState learned) {
        if (learned == null || (!learned.banned() && learned.confirmedAlerts() == 0)) {
            return null;
        }
        return new UserState(learned.userId(), null, null, null, null, null, null, null, null, 0, learned.banned(),
                learned.confirmedAlerts(), learned.lastSeen());
    }

    /** The learned facts with {@code l} applied. */
    public static UserState apply(UserState learned, Learned l) {
        UserState s = learned.withSnapshot(l.snapshot() != null ? l.snapshot() : NOTHING, l.at());
        if (l.statedAge() != null) {
            s = s.withStatedAge(l.statedAge(), l.statedAgeAt() != null ? l.statedAgeAt() : l.at());
        } else if (l.statedAgeWithdrawn() && s.statedAge() != null) {
            s = new UserState(s.userId(), s.declaredAge(), s.gender(), s.postalCode(), s.accountCreatedAt(),
                    s.deviceId(), s.ipHash(), null, l.at(), s.minorHints(), s.banned(), s.confirmedAlerts(),
                    s.lastSeen());
        }
        for (int i = 0; i < l.minorHintsAdded(); i++) {
            s = s.withMinorHint(l.at());
        }
        return s;
    }

    /** The learned facts after a reviewer confirmed one of the user's alerts at {@code at} (a ban with it). */
    public static UserState confirmed(UserState learned, boolean ban, Instant at) {
        return learned.withConfirmedAlert(ban).withSnapshot(NOTHING, at);
    }

    /**
     * Whether learned facts last active at {@code lastSeen} are past their retention at event time {@code at}:
     * then they are read as absent, whether or not a sweep deleted them yet.
     */
    public static boolean expired(UserState learned, Instant at, long retentionMs, long banRetentionMs) {
        if (learned.lastSeen() == null) {
            return false;
        }
        long keep = learned.banned() ? banRetentionMs : retentionMs;
        return learned.lastSeen().toEpochMilli() < at.toEpochMilli() - keep;
    }

    private static boolean sameProfile(UserState a, UserState b) {
        return Objects.equals(a.declaredAge(), b.declaredAge()) && Objects.equals(a.gender(), b.gender())
                && Objects.equals(a.postalCode(), b.postalCode())
                && Objects.equals(a.accountCreatedAt(), b.accountCreatedAt())
                && Objects.equals(a.deviceId(), b.deviceId()) && Objects.equals(a.ipHash(), b.ipHash());
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
