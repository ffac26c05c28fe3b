package io.vigie.core.assess;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Severity;

import java.util.Objects;
import java.util.Set;

/**
 * Turns scores into severity and action, and sets the windows and bounds of behavioural detection. An
 * immutable value; every time is event time (sentAt), every duration is in milliseconds unless the name says
 * otherwise.
 *
 * <p>A score maps to LOW below {@code mediumAt}, MEDIUM from {@code mediumAt}, HIGH from {@code highAt},
 * CRITICAL from {@code criticalAt}. A message's severity is that of its own score, raised by the conversation
 * risk up to HIGH at most, then adjusted by the grooming-stage and known-media rules (see
 * {@link io.vigie.core.ModerationSession}). Only severities of ordinal {@code alertMinSeverityOrdinal} and up
 * (MEDIUM by default) reach a human.
 *
 * @param mediumAt                score (0..100) from which a message is MEDIUM
 * @param highAt                  score from which a message is HIGH
 * @param criticalAt              score from which a message is CRITICAL
 * @param alertMinSeverityOrdinal lowest {@link Severity} ordinal that raises an alert (1 = MEDIUM)
 * @param riskHalfLifeMinutes     half-life of the conversation risk, in event-time minutes
 * @param fanOutMinors            distinct likely-minor recipients within {@code fanOutWindowMs} that make a fan-out
 * @param fanOutWindowMs          fan-out window
 * @param burstContacts           first contacts within {@code burstWindowMs} that make a new-account burst
 * @param burstWindowMs           burst window
 * @param newAccountMs            an account younger than this is new
 * @param graceMs                 a message older than the conversation's latest sentAt minus this is late
 * @param groomingHoldStages      grooming stages (AGE_CHECK not counted) with a likely minor that make HIGH/HOLD
 * @param groomingEscalateStages  stages that make CRITICAL/ESCALATE
 * @param dismissedWeight         factor (0..1) on the score of a rule a reviewer dismissed in the conversation
 * @param repeatWeight            factor (0..1) on the risk a rule adds when it already fired in the conversation
 * @param maxParticipants         participants kept per conversation (most recent)
 * @param maxEvidence             evidence signals kept per conversation (newest)
 * @param maxTracked              contacts kept per sender and accounts kept per device (most recent)
 * @param redress                 how a user contests a measure, shown in every statement of reasons; never null
 */
public record Policy(int mediumAt, int highAt, int criticalAt, int alertMinSeverityOrdinal,
                     double riskHalfLifeMinutes, int fanOutMinors, long fanOutWindowMs, int burstContacts,
                     long burstWindowMs, long newAccountMs, long graceMs, int groomingHoldStages,
                     int groomingEscalateStages, double dismissedWeight, double repeatWeight, int maxParticipants,
                     int maxEvidence, int maxTracked, String redress) {

    /** The default redress text of a statement of reasons. */
    public static final String DEFAULT_REDRESS = "You can contest this measure from your account's appeal page;"
            + " a person, not a machine, reviews every appeal (EU DSA art. 20).";

    private static final Set<Category> CHILD_HARM =
            Set.of(Category.CHILD_GROOMING, Category.MINOR_SEXUALIZATION, Category.CSAM);

    public Policy {
        if (!(0 < mediumAt && mediumAt <= highAt && highAt <= criticalAt && criticalAt <= 100)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < mediumAt <= highAt <= criticalAt <= 100,"
                    + " got " + mediumAt + ", " + highAt + ", " + criticalAt);
        }
        if (alertMinSeverityOrdinal < 0 || alertMinSeverityOrdinal >= Severity.values().length) {
            throw new IllegalArgumentException("alertMinSeverityOrdinal must be 0..3, got " + alertMinSeverityOrdinal);
        }
        requirePositive(riskHalfLifeMinutes, "riskHalfLifeMinutes");
        requirePositive(fanOutMinors, "fanOutMinors");
        requirePositive(fanOutWindowMs, "fanOutWindowMs");
        requirePositive(burstContacts, "burstContacts");
        requirePositive(burstWindowMs, "burstWindowMs");
        if (newAccountMs < 0 || graceMs < 0) {
            throw new IllegalArgumentException("newAccountMs and graceMs must be >= 0, got " + newAccountMs
                    + ", " + graceMs);
        }
        requirePositive(groomingHoldStages, "groomingHoldStages");
        if (groomingEscalateStages < groomingHoldStages) {
            throw new IllegalArgumentException("groomingEscalateStages (" + groomingEscalateStages
                    + ") must be >= groomingHoldStages (" + groomingHoldStages + ")");
        }
        if (!(dismissedWeight >= 0 && dismissedWeight <= 1) || !(repeatWeight >= 0 && repeatWeight <= 1)) {
            throw new IllegalArgumentException("dismissedWeight and repeatWeight must be within 0..1, got "
                    + dismissedWeight + ", " + repeatWeight);
        }
        requirePositive(maxParticipants, "maxParticipants");
        requirePositive(maxEvidence, "maxEvidence");
        requirePositive(maxTracked, "maxTracked");
        Objects.requireNonNull(redress, "redress must not be null");
    }

    /** The first eleven settings; every later one takes its default. */
    public Policy(int mediumAt, int highAt, int criticalAt, int alertMinSeverityOrdinal, double riskHalfLifeMinutes,
                  int fanOutMinors, long fanOutWindowMs, int burstContacts, long burstWindowMs, long newAccountMs,
                  long graceMs) {
        this(mediumAt, highAt, criticalAt, alertMinSeverityOrdinal, riskHalfLifeMinutes, fanOutMinors,
                fanOutWindowMs, burstContacts, burstWindowMs, newAccountMs, graceMs, 2, 4, 0.25, 0.5, 50, 20, 500,
                DEFAULT_REDRESS);
    }

    /** The default policy. */
    public static Policy defaults() {
        return new Policy(40, 70, 90, 1, 24 * 60, 3, 24L * 3600_000, 10, 3600_000, 7L * 24 * 3600_000, 300_000);
    }

    /** Severity of an effective score (0..100); never null. */
    public Severity severityOf(int score) {
        if (score >= criticalAt) {
            return Severity.CRITICAL;
        }
        if (score >= highAt) {
            return Severity.HIGH;
        }
        if (score >= mediumAt) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }

    /** True when a severity is high enough to reach a human. */
    public boolean alerts(Severity severity) {
        return severity != null && severity.ordinal() >= alertMinSeverityOrdinal;
    }

    /**
     * The action for a severity: none for LOW (null), REVIEW for MEDIUM, HOLD for HIGH, and for CRITICAL
     * ESCALATE when a child is at stake (CSAM, or grooming / sexualization with a likely minor), BLOCK otherwise.
     *
     * @param minorInvolved true when a likely minor takes part in the conversation
     * @return the action, null when none
     */
    public Action actionOf(Severity severity, Set<Category> categories, boolean minorInvolved) {
        if (severity == null) {
            return null;
        }
        switch (severity) {
            case MEDIUM:
                return Action.REVIEW;
            case HIGH:
                return Action.HOLD;
            case CRITICAL:
                if (categories.contains(Category.CSAM)) {
                    return Action.ESCALATE;
                }
                for (Category c : categories) {
                    if (CHILD_HARM.contains(c) && minorInvolved) {
                        return Action.ESCALATE;
                    }
                }
                return Action.BLOCK;
            default:
                return null;
        }
    }

    /** A copy with other severity thresholds. */
    public Policy withThresholds(int mediumAt, int highAt, int criticalAt) {
        return new Policy(mediumAt, highAt, criticalAt, alertMinSeverityOrdinal, riskHalfLifeMinutes, fanOutMinors,
                fanOutWindowMs, burstContacts, burstWindowMs, newAccountMs, graceMs, groomingHoldStages,
                groomingEscalateStages, dismissedWeight, repeatWeight, maxParticipants, maxEvidence, maxTracked,
                redress);
    }

    /** A copy with other state bounds (participants and evidence per conversation, contacts and accounts). */
    public Policy withBounds(int maxParticipants, int maxEvidence, int maxTracked) {
        return new Policy(mediumAt, highAt, criticalAt, alertMinSeverityOrdinal, riskHalfLifeMinutes, fanOutMinors,
                fanOutWindowMs, burstContacts, burstWindowMs, newAccountMs, graceMs, groomingHoldStages,
                groomingEscalateStages, dismissedWeight, repeatWeight, maxParticipants, maxEvidence, maxTracked,
                redress);
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }
}
