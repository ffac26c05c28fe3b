package io.vigie.core.state;

import io.vigie.core.contract.Profile;
import io.vigie.core.contract.SenderSnapshot;
import java.time.Instant;

/**
 * What is known of one user: the declared profile (latest Profile record or sender snapshot) merged with
 * facts learned from chat and from reviewers. A plain value: the stream app stores it and hands it
 * back; core never keeps it.
 *
 * <p>Every field but {@code userId} may be null / false / 0 when unknown.
 *
 * @param statedAge     the age the user last stated in chat ("j'ai 13 ans"), learned in any conversation
 * @param statedAgeAt   event time of that statement
 * @param minorHints    count of school / parental-control hints seen ("au collège", "ma mère veut pas")
 * @param banned        true after a CONFIRMED decision with ban
 * @param confirmedAlerts number of this user's alerts confirmed by reviewers
 * @param lastSeen      event time of the user's latest message or profile update
 */
public record UserState(String userId, Integer declaredAge, String gender, String postalCode,
                        Instant accountCreatedAt, String deviceId, String ipHash, Integer statedAge,
                        Instant statedAgeAt, int minorHints, boolean banned, int confirmedAlerts, Instant lastSeen) {

    public UserState {
        java.util.Objects.requireNonNull(userId, "userId must not be null");
    }

    /** Youngest and oldest declared age believed; anything else is garbage and reads as unknown. */
    static final int MIN_PLAUSIBLE_AGE = 5;
    static final int MAX_PLAUSIBLE_AGE = 120;

    /** A declared age, or null when absent or implausible (-5, 0, 10^6 are typing errors or attacks). */
    static Integer plausible(Integer age) {
        return age != null && age >= MIN_PLAUSIBLE_AGE && age <= MAX_PLAUSIBLE_AGE ? age : null;
    }

    /** An unknown user. */
    public static UserState unknown(String userId) {
        return new UserState(userId, null, null, null, null, null, null, null, null, 0, false, 0, null);
    }

    /** The state from a Profile record, keeping the facts already learned. */
    public UserState withProfile(Profile p) {
        return new UserState(userId, plausible(p.declaredAge()) != null ? p.declaredAge() : declaredAge,
                p.gender() != null ? p.gender() : gender, p.postalCode() != null ? p.postalCode() : postalCode,
                p.accountCreatedAt() != null ? p.accountCreatedAt() : accountCreatedAt,
                p.deviceId() != null ? p.deviceId() : deviceId, p.ipHash() != null ? p.ipHash() : ipHash,
                statedAge, statedAgeAt, minorHints, banned, confirmedAlerts,
                latest(lastSeen, p.updatedAt()));
    }

    /** The state updated from a message's sender snapshot; null snapshot changes nothing. */
    public UserState withSnapshot(SenderSnapshot s, Instant at) {
        if (s == null) {
            return this;
        }
        return new UserState(userId, plausible(s.declaredAge()) != null ? s.declaredAge() : declaredAge,
                s.gender() != null ? s.gender() : gender, s.postalCode() != null ? s.postalCode() : postalCode,
                s.accountCreatedAt() != null ? s.accountCreatedAt() : accountCreatedAt,
                s.deviceId() != null ? s.deviceId() : deviceId, s.ipHash() != null ? s.ipHash() : ipHash,
                statedAge, statedAgeAt, minorHints, banned, confirmedAlerts, latest(lastSeen, at));
    }

    /** A copy with a stated age learned at {@code at}. */
    public UserState withStatedAge(int age, Instant at) {
        return new UserState(userId, declaredAge, gender, postalCode, accountCreatedAt, deviceId, ipHash, age, at,
                minorHints, banned, confirmedAlerts, latest(lastSeen, at));
    }

    /** A copy with one more minor hint. */
    public UserState withMinorHint(Instant at) {
        return new UserState(userId, declaredAge, gender, postalCode, accountCreatedAt, deviceId, ipHash, statedAge,
                statedAgeAt, minorHints + 1, banned, confirmedAlerts, latest(lastSeen, at));
    }

    /** A copy after a reviewer's confirmed decision. */
    public UserState withConfirmedAlert(boolean ban) {
        return new UserState(userId, declaredAge, gender, postalCode, accountCreatedAt, deviceId, ipHash, statedAge,
                statedAgeAt, minorHints, banned || ban, confirmedAlerts + 1, lastSeen);
    }

    /** The best age estimate: a stated minor age wins over a declared adult one (people lie upward at sign-up). */
    public Integer bestAge() {
        if (statedAge != null) {
            return statedAge;
        }
        return declaredAge;
    }

    /** Likely a minor: stated or declared under 18, or school/parental hints without an adult statement. */
    public boolean likelyMinor() {
        if (statedAge != null) {
            return statedAge < 18;
        }
        if (minorHints > 0) {
            return true;
        }
        return declaredAge != null && declaredAge < 18;
    }

    /** Likely an adult: a stated or declared age of 18 or more, and nothing that says minor. */
    public boolean likelyAdult() {
        Integer age = bestAge();
        return age != null && age >= 18 && !likelyMinor();
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }
}
