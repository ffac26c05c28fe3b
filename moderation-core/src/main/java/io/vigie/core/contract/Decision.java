package io.vigie.core.contract;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A reviewer's verdict on an alert (contract {@code Decision}), fed back into state.
 *
 * @param ban true when the reviewer bans the alert's sender (meaningful with CONFIRMED)
 */
public record Decision(String alertId, String reviewer, Verdict verdict, boolean ban, Instant decidedAt,
                       String note) {
    public Decision {
        Objects.requireNonNull(alertId, "alertId must not be null");
        Objects.requireNonNull(verdict, "verdict must not be null");
    }

    /** CONFIRMED or DISMISSED. */
    public enum Verdict {
        CONFIRMED, DISMISSED;

        public static Verdict parse(String value) {
            if (value != null) {
                try {
                    return valueOf(value.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ignored) {
                    // fall through
                }
            }
            throw new IllegalArgumentException("unknown verdict '" + value + "', expected CONFIRMED or DISMISSED");
        }
    }
}
