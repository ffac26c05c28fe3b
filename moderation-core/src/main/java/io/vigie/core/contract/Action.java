package io.vigie.core.contract;

import java.util.Locale;

/**
 * What the chat service is asked to do, ordered from least to most intrusive.
 * REVIEW: a human looks, the message goes through. HOLD: the message is held until review.
 * BLOCK: the message is not delivered and the user is blocked from sending. ESCALATE: BLOCK, and the
 * case goes to the team that reports to authorities.
 */
public enum Action {
    REVIEW,
    HOLD,
    BLOCK,
    ESCALATE;

    /** The contract string, never null. */
    public String value() {
        return name();
    }

    /** True when this action is an enforcement command for the actions topic (everything above REVIEW). */
    public boolean enforces() {
        return this != REVIEW;
    }

    /**
     * Parses a contract string, case-insensitively.
     *
     * @throws IllegalArgumentException naming the bad value and the allowed ones
     */
    public static Action parse(String value) {
        if (value != null) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // fall through to the explanatory message
            }
        }
        throw new IllegalArgumentException("unknown action '" + value + "', expected one of "
                + java.util.Arrays.toString(values()));
    }
}
