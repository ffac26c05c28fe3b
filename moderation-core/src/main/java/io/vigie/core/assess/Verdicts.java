package io.vigie.core.assess;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Severity;
import io.vigie.core.contract.Stage;

import java.util.EnumSet;
import java.util.Set;

/**
 * Step 4 of a message's assessment: severity and action. Severity comes from the message score, raised by the
 * conversation risk up to HIGH at most (what adds up over time deserves a human look; CRITICAL, which may escalate
 * to authorities, needs the message's own evidence), except in a public room and for grooming talk between people
 * none of whom is a likely minor, where the message is judged on its own score. Grooming talk (CHILD_GROOMING,
 * OFF_PLATFORM, nothing sexual) goes CRITICAL only through its stage pattern: an adult (or unknown) writing to a
 * likely minor with {@link Policy.Grooming#holdStages()} stages (AGE_CHECK not counted) is at least HIGH, with
 * {@link Policy.Grooming#escalateStages()} CRITICAL. A known-media attachment is CRITICAL. The action follows
 * {@link Policy#actionOf}; a banned sender's every message is at least BLOCK, findings or not. Stateless.
 */
final class Verdicts {

    /** Categories of grooming talk that carries no sexual content or material of its own. */
    static final Set<Category> GROOMING_TALK = EnumSet.of(Category.CHILD_GROOMING, Category.OFF_PLATFORM);

    private static final int AGE_CHECK_BIT = 1 << Stage.AGE_CHECK.ordinal();

    private Verdicts() {
    }

    /**
     * The verdict on one message.
     *
     * @param severity        null when nothing active fired
     * @param action          null when none
     * @param groomingPattern true when the stage pattern set the floor (the statement of reasons says so)
     * @param groomingStages  grooming stages reached, AGE_CHECK not counted
     */
    record Verdict(Severity severity, Action action, boolean groomingPattern, int groomingStages) {
    }

    /**
     * @param w            the weighed findings (its categories may gain CHILD_GROOMING from the stage pattern)
     * @param riskNow      the conversation risk after the message, decayed to its time
     * @param publicRoom   true in a public room
     * @param adultToMinor true when a sender who is not a likely minor writes to a likely minor
     * @param knownMedia   true when an attachment is on a known-media list
     * @param banned       true when the sender is banned
     */
    static Verdict decide(Weighing w, int riskNow, boolean publicRoom, boolean adultToMinor, boolean knownMedia,
                          boolean banned, Policy policy) {
        int groomingStages = Integer.bitCount(w.stagesAfter & ~AGE_CHECK_BIT);
        boolean groomingPattern = false;
        Severity severity = null;
        if (w.active) {
            EnumSet<Category> categories = w.categories;
            // risk only carries where it means harm adding up: not in a public room (its risk mixes unrelated
            // people), and not for grooming talk or a contact move between people none of whom is a likely minor
            boolean riskCarries = !publicRoom && (adultToMinor || !GROOMING_TALK.containsAll(categories));
            Severity fromRisk = riskCarries ? policy.severityOf(riskNow) : Severity.LOW;
            severity = policy.severityOf(w.score);
            if (Severity.CRITICAL.above(fromRisk) && fromRisk.above(severity)) {
                severity = fromRisk;
            } else if (fromRisk == Severity.CRITICAL && Severity.HIGH.above(severity)) {
                severity = Severity.HIGH;
            }
            boolean grooming = w.newStage || categories.contains(Category.CHILD_GROOMING)
                    || categories.contains(Category.MINOR_SEXUALIZATION);
            if (severity == Severity.CRITICAL && GROOMING_TALK.containsAll(categories)
                    && categories.contains(Category.CHILD_GROOMING)
                    && groomingStages < policy.grooming().escalateStages()) {
                severity = Severity.HIGH;
            }
            if (grooming && adultToMinor && groomingStages >= policy.grooming().holdStages()) {
                groomingPattern = true;
                categories.add(Category.CHILD_GROOMING);
                Severity floor = groomingStages >= policy.grooming().escalateStages() ? Severity.CRITICAL
                        : Severity.HIGH;
                if (floor.above(severity)) {
                    severity = floor;
                }
            }
            if (knownMedia) {
                severity = Severity.CRITICAL;
            }
        }
        Set<Category> categories = w.categories == null ? Set.of() : w.categories;
        Action action = policy.actionOf(severity, categories, adultToMinor);
        if (banned && (action == null || action.compareTo(Action.BLOCK) < 0)) {
            action = Action.BLOCK;
        }
        return new Verdict(severity, action, groomingPattern, groomingStages);
    }
}
