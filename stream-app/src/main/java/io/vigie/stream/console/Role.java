package io.vigie.stream.console;

import java.util.Locale;

/** What a console user may do. A lead may do everything a reviewer does. */
public enum Role {
    /** Works the queue: views, reveals, claims and decides alerts. */
    REVIEWER,
    /** A reviewer who also sees the lead's view (throughput, queue age, disagreements, export) and may release
     * anyone's claim. */
    LEAD;

    /** The name used in the users file and on screen. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this role includes {@code other}'s rights. */
    public boolean covers(Role other) {
        return this == LEAD || this == other;
    }

    /**
     * Parses {@code reviewer} or {@code lead}.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static Role parse(String s) {
        for (Role r : values()) {
            if (r.value().equals(s)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be reviewer or lead, got '" + s + "'");
    }
}
