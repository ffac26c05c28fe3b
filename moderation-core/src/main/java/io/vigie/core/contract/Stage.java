package io.vigie.core.contract;

import java.util.Locale;

/**
 * Stages of online grooming as the literature describes them (O'Connell; Lorenzo-Dus et al.;
 * Winters et al.). A conversation remembers the stages it has reached; several of them in one
 * conversation with a likely minor is the strongest grooming evidence there is.
 */
public enum Stage {
    /** Asking the other person's age, sex, place ("asv ?"). */
    AGE_CHECK,
    /** Trust building and flattery ("t'es mature pour ton age"). */
    TRUST,
    /** Risk assessment: is the child alone, are the parents around. */
    RISK_ASSESSMENT,
    /** Exclusivity: "only I understand you". */
    EXCLUSIVITY,
    /** Isolation from family and friends. */
    ISOLATION,
    /** Secrecy: "don't tell anyone", "delete the chat". */
    SECRECY,
    /** Turn of the talk towards sexuality. */
    SEXUAL_TURN,
    /** Requests for photos or camera. */
    PHOTO_REQUEST,
    /** Gifts, money, phone credit. */
    GIFTS,
    /** Moving to another app or a phone. */
    OFF_PLATFORM,
    /** Meeting proposal, pick-up. */
    MEETING;

    /** The wire string, never null. */
    public String value() {
        return name();
    }

    /**
     * Parses a stage name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the bad value and the allowed ones
     */
    public static Stage parse(String value) {
        if (value != null) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // fall through to the explanatory message
            }
        }
        throw new IllegalArgumentException("unknown stage '" + value + "', expected one of "
                + java.util.Arrays.toString(values()));
    }
}
