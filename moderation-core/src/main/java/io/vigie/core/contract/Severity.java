package io.vigie.core.contract;

import java.util.Locale;

/** Alert severity of the wire contract, ordered from least to most severe. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** The contract string, never null. */
    public String value() {
        return name();
    }

    /** True when this severity is strictly more severe than {@code other}; a null other counts as below LOW. */
    public boolean above(Severity other) {
        return other == null || compareTo(other) > 0;
    }

    /**
     * Parses a contract string, case-insensitively.
     *
     * @throws IllegalArgumentException naming the bad value and the allowed ones
     */
    public static Severity parse(String value) {
        if (value != null) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // fall through to the explanatory message
            }
        }
        throw new IllegalArgumentException("unknown severity '" + value + "', expected one of "
                + java.util.Arrays.toString(values()));
    }
}
