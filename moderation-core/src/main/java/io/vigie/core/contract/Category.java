package io.vigie.core.contract;

import java.util.Locale;

/** The closed set of harm categories of the wire contract. {@link #value()} is the wire string. */
public enum Category {
    CHILD_GROOMING,
    MINOR_SEXUALIZATION,
    CSAM,
    AMBUSH,
    HATE_HOMOPHOBIC,
    SEXUAL_VIOLENCE,
    PROSTITUTION,
    OFF_PLATFORM,
    THREAT;

    /** The contract string, never null. */
    public String value() {
        return name();
    }

    /**
     * Parses a contract string, case-insensitively.
     *
     * @throws IllegalArgumentException naming the bad value and the allowed ones
     */
    public static Category parse(String value) {
        if (value != null) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // fall through to the explanatory message
            }
        }
        throw new IllegalArgumentException("unknown category '" + value + "', expected one of "
                + java.util.Arrays.toString(values()));
    }
}
