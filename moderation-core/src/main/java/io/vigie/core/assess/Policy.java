package io.vigie.core.assess;

/**
 * Turns scores into severity and action, and sets the windows of behavioural detection. OWNER: assess
 * helper (extend freely; keep {@link #defaults()}).
 */
public record Policy(int mediumAt, int highAt, int criticalAt, int alertMinSeverityOrdinal,
                     double riskHalfLifeMinutes, int fanOutMinors, long fanOutWindowMs, int burstContacts,
                     long burstWindowMs, long newAccountMs, long graceMs) {

    /** The default policy. */
    public static Policy defaults() {
        return new Policy(40, 70, 90, 1, 24 * 60, 3, 24L * 3600_000, 10, 3600_000, 7L * 24 * 3600_000, 300_000);
    }
}
