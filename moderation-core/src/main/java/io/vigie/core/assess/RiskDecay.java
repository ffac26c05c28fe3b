package io.vigie.core.assess;

import java.time.Instant;

/**
 * Exponential decay of a conversation's risk by event time. The risk at time T is the sum of every
 * contribution c_i made at t_i, times {@code 0.5^((T - t_i) / halfLife)}, capped at 100. Adding a late
 * contribution (t_i before the reference time) decays it forward to the reference time instead of moving the
 * reference back, so the result depends on the messages and their sentAt, never on their arrival order (up to
 * the cap) and never on the wall clock. Stateless and thread-safe.
 */
public final class RiskDecay {

    /** Upper bound of a risk value. */
    public static final double MAX = 100.0;

    private RiskDecay() {
    }

    /**
     * The risk at {@code at}.
     *
     * @param risk   risk at {@code riskAt}
     * @param riskAt reference time of {@code risk}; null when there is no risk yet
     * @param at     the time to read the risk at; at or before {@code riskAt} gives {@code risk} unchanged
     */
    public static double at(double risk, Instant riskAt, Instant at, double halfLifeMinutes) {
        if (riskAt == null || risk <= 0 || !at.isAfter(riskAt)) {
            return risk;
        }
        return risk * factor(at.toEpochMilli() - riskAt.toEpochMilli(), halfLifeMinutes);
    }

    /** The reference time after adding a contribution at {@code at}: the later of both. */
    public static Instant referenceAfter(Instant riskAt, Instant at) {
        return riskAt == null || at.isAfter(riskAt) ? at : riskAt;
    }

    /**
     * The risk after adding {@code contribution} made at {@code at}, expressed at {@link #referenceAfter}.
     *
     * @param contribution added risk, >= 0
     */
    public static double add(double risk, Instant riskAt, double contribution, Instant at, double halfLifeMinutes) {
        double next;
        if (riskAt == null || !at.isBefore(riskAt)) {
            next = at(risk, riskAt, at, halfLifeMinutes) + contribution;
        } else {
            // a late message: its contribution has already decayed by the time the risk refers to
            next = risk + contribution * factor(riskAt.toEpochMilli() - at.toEpochMilli(), halfLifeMinutes);
        }
        return Math.min(MAX, next);
    }

    private static double factor(long elapsedMs, double halfLifeMinutes) {
        return Math.pow(0.5, elapsedMs / (halfLifeMinutes * 60_000.0));
    }
}
