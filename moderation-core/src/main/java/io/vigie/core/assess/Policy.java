package io.vigie.core.assess;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Severity;

import java.util.Objects;
import java.util.Set;

/**
 * Turns scores into severity and action, and sets the windows and bounds of behavioural detection: named parts,
 * each a small immutable record that validates itself and maps onto one group of {@code moderation.policy.*}
 * settings. Every time is event time (sentAt); every duration is in milliseconds unless its name says otherwise.
 *
 * @param thresholds when a score is MEDIUM, HIGH, CRITICAL, and from which severity a human is alerted
 * @param risk       how conversation risk decays and how repeated or dismissed rules count
 * @param grooming   the grooming-stage floors
 * @param behaviour  fan-out, new-account bursts, late messages
 * @param bounds     how much each state keeps
 * @param window     the conversation window conversation-scoped rules look back over
 * @param context    the recent message text kept for reviewers in conversations that carry risk
 * @param redress    how a user contests a measure, shown in every statement of reasons; never null
 */
public record Policy(Thresholds thresholds, Risk risk, Grooming grooming, Behaviour behaviour, Bounds bounds,
                     Window window, Context context, String redress) {

    /** The default redress text of a statement of reasons. */
    public static final String DEFAULT_REDRESS = "You can contest this measure from your account's appeal page;"
            + " a person, not a machine, reviews every appeal (EU DSA art. 20).";

    private static final Set<Category> CHILD_HARM =
            Set.of(Category.CHILD_GROOMING, Category.MINOR_SEXUALIZATION, Category.CSAM);

    public Policy {
        Objects.requireNonNull(thresholds, "thresholds must not be null");
        Objects.requireNonNull(risk, "risk must not be null");
        Objects.requireNonNull(grooming, "grooming must not be null");
        Objects.requireNonNull(behaviour, "behaviour must not be null");
        Objects.requireNonNull(bounds, "bounds must not be null");
        Objects.requireNonNull(window, "window must not be null");
        Objects.requireNonNull(context, "context must not be null");
        Objects.requireNonNull(redress, "redress must not be null");
    }

    /**
     * Score thresholds. A score maps to LOW below {@code mediumAt}, MEDIUM from {@code mediumAt}, HIGH from
     * {@code highAt}, CRITICAL from {@code criticalAt}; severities from {@code alertMin} up reach a human.
     *
     * <p>{@code aloneAt}: a conversation's first alert, when it is MEDIUM, enforces nothing and its message scores
     * below this, is held back until a second message of the conversation deserves an alert; that alert then carries
     * the held one's categories and evidence. One weak finding alone is what most look-alike conversations raise
     * (banter, a parent, a news story), while harm rarely shows only once. 0 holds nothing back.
     */
    public record Thresholds(int mediumAt, int highAt, int criticalAt, Severity alertMin, int aloneAt) {
        public Thresholds {
            if (!(0 < mediumAt && mediumAt <= highAt && highAt <= criticalAt && criticalAt <= 100)) {
                throw new IllegalArgumentException("thresholds must satisfy 0 < mediumAt <= highAt <= criticalAt"
                        + " <= 100, got " + mediumAt + ", " + highAt + ", " + criticalAt);
            }
            Objects.requireNonNull(alertMin, "alertMin must not be null");
            if (aloneAt < 0 || aloneAt > 100) {
                throw new IllegalArgumentException("aloneAt must be within 0..100, got " + aloneAt);
            }
        }

        /** Thresholds that hold no alert back. */
        public Thresholds(int mediumAt, int highAt, int criticalAt, Severity alertMin) {
            this(mediumAt, highAt, criticalAt, alertMin, 0);
        }
    }

    /**
     * Conversation risk.
     *
     * @param halfLifeMinutes half-life of the conversation risk, in event-time minutes
     * @param dismissedWeight factor (0..1) on the score of a rule a reviewer dismissed in the conversation
     * @param repeatWeight    factor (0..1) on the risk a rule adds when it already fired in the conversation
     */
    public record Risk(double halfLifeMinutes, double dismissedWeight, double repeatWeight) {
        public Risk {
            requirePositive(halfLifeMinutes, "halfLifeMinutes");
            if (!(dismissedWeight >= 0 && dismissedWeight <= 1) || !(repeatWeight >= 0 && repeatWeight <= 1)) {
                throw new IllegalArgumentException("dismissedWeight and repeatWeight must be within 0..1, got "
                        + dismissedWeight + ", " + repeatWeight);
            }
        }
    }

    /**
     * Grooming floors: an adult (or unknown) writing to a likely minor with {@code holdStages} grooming stages
     * (AGE_CHECK not counted) is at least HIGH, with {@code escalateStages} CRITICAL.
     */
    public record Grooming(int holdStages, int escalateStages) {
        public Grooming {
            requirePositive(holdStages, "holdStages");
            if (escalateStages < holdStages) {
                throw new IllegalArgumentException("escalateStages (" + escalateStages + ") must be >= holdStages ("
                        + holdStages + ")");
            }
        }
    }

    /**
     * Behaviour across conversations.
     *
     * @param fanOutMinors   distinct likely-minor recipients within {@code fanOutWindowMs} that make a fan-out
     * @param burstContacts  first contacts within {@code burstWindowMs} that make a new-account burst
     * @param newAccountMs   an account younger than this is new
     * @param graceMs        a message older than the conversation's latest sentAt minus this is late
     */
    public record Behaviour(int fanOutMinors, long fanOutWindowMs, int burstContacts, long burstWindowMs,
                            long newAccountMs, long graceMs) {
        public Behaviour {
            requirePositive(fanOutMinors, "fanOutMinors");
            requirePositive(fanOutWindowMs, "fanOutWindowMs");
            requirePositive(burstContacts, "burstContacts");
            requirePositive(burstWindowMs, "burstWindowMs");
            if (newAccountMs < 0 || graceMs < 0) {
                throw new IllegalArgumentException("newAccountMs and graceMs must be >= 0, got " + newAccountMs
                        + ", " + graceMs);
            }
        }
    }

    /**
     * State bounds.
     *
     * @param maxParticipants participants kept per conversation (most recent)
     * @param maxEvidence     evidence signals kept per conversation (newest)
     * @param maxTracked      contacts kept per sender and accounts kept per device (most recent)
     */
    public record Bounds(int maxParticipants, int maxEvidence, int maxTracked) {
        public Bounds {
            requirePositive(maxParticipants, "maxParticipants");
            requirePositive(maxEvidence, "maxEvidence");
            requirePositive(maxTracked, "maxTracked");
        }
    }

    /**
     * The conversation window that conversation-scoped rules see: the cues they name, kept per earlier message
     * (cue names and spans, never text) for at most {@code messages} messages and {@code maxAgeMs} of event time.
     * A rule may look back less, never more.
     */
    public record Window(int messages, long maxAgeMs) {
        public Window {
            requirePositive(messages, "window messages");
            requirePositive(maxAgeMs, "window maxAgeMs");
        }
    }

    /**
     * The lead-up a reviewer sees with an alert: the last {@code messages} message texts (each cut to
     * {@code maxChars}) of a conversation that carries risk (decayed risk of 1 or more, a likely minor taking part,
     * or an alert not yet decided). Text is never kept for a conversation without risk; it is dropped once the risk
     * is gone, or {@code retentionMs} after a reviewer's decision.
     */
    public record Context(int messages, int maxChars, long retentionMs) {
        public Context {
            if (messages < 0 || maxChars < 0) {
                throw new IllegalArgumentException("context messages and maxChars must be >= 0, got " + messages
                        + ", " + maxChars);
            }
            requirePositive(retentionMs, "context retentionMs");
        }
    }

    /** The default policy. */
    public static Policy defaults() {
        return new Policy(new Thresholds(40, 70, 90, Severity.MEDIUM, 50), new Risk(24 * 60, 0.25, 0.5),
                new Grooming(2, 4), new Behaviour(3, 24L * 3600_000, 10, 3600_000, 7L * 24 * 3600_000, 300_000),
                new Bounds(50, 20, 500), new Window(24, 7L * 24 * 3600_000), new Context(12, 500, 7L * 24 * 3600_000),
                DEFAULT_REDRESS);
    }

    /** Severity of an effective score (0..100); never null. */
    public Severity severityOf(int score) {
        if (score >= thresholds.criticalAt()) {
            return Severity.CRITICAL;
        }
        if (score >= thresholds.highAt()) {
            return Severity.HIGH;
        }
        if (score >= thresholds.mediumAt()) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }

    /** True when a severity is high enough to reach a human. */
    public boolean alerts(Severity severity) {
        return severity != null && severity.ordinal() >= thresholds.alertMin().ordinal();
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

    /** A copy whose lone weak first alert waits for corroboration below {@code aloneAt} (0: never waits). */
    public Policy withAloneAt(int aloneAt) {
        Thresholds t = thresholds;
        return withThresholds(new Thresholds(t.mediumAt(), t.highAt(), t.criticalAt(), t.alertMin(), aloneAt));
    }

    /** A copy with other thresholds. */
    public Policy withThresholds(Thresholds thresholds) {
        return new Policy(thresholds, risk, grooming, behaviour, bounds, window, context, redress);
    }

    /** A copy with other risk settings. */
    public Policy withRisk(Risk risk) {
        return new Policy(thresholds, risk, grooming, behaviour, bounds, window, context, redress);
    }

    /** A copy with other grooming floors. */
    public Policy withGrooming(Grooming grooming) {
        return new Policy(thresholds, risk, grooming, behaviour, bounds, window, context, redress);
    }

    /** A copy with other behaviour settings. */
    public Policy withBehaviour(Behaviour behaviour) {
        return new Policy(thresholds, risk, grooming, behaviour, bounds, window, context, redress);
    }

    /** A copy with other state bounds. */
    public Policy withBounds(Bounds bounds) {
        return new Policy(thresholds, risk, grooming, behaviour, bounds, window, context, redress);
    }

    /** A copy with another conversation window. */
    public Policy withWindow(Window window) {
        return new Policy(thresholds, risk, grooming, behaviour, bounds, window, context, redress);
    }

    /** A copy with other reviewer-context settings. */
    public Policy withContext(Context context) {
        return new Policy(thresholds, risk, grooming, behaviour, bounds, window, context, redress);
    }

    /** A copy with another redress text. */
    public Policy withRedress(String redress) {
        return new Policy(thresholds, risk, grooming, behaviour, bounds, window, context, redress);
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }
}
