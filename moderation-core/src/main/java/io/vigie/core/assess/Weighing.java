package io.vigie.core.assess;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.rule.Finding;
import io.vigie.core.state.ConversationState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Step 3 of a message's assessment: the findings weighed. Shadow findings never count. The message score is the
 * sum of the active findings' scores (a rule a reviewer dismissed in this conversation counts
 * {@link Policy.Risk#dismissedWeight()}), capped at 100; the conversation risk receives the same sum, except that a
 * rule already in the conversation's evidence adds {@link Policy.Risk#repeatWeight()} of it. A category whose own
 * findings add up to less than {@link #HEADLINE_MIN_SCORE} in a message that carries a stronger one is kept as
 * evidence but does not headline the alert, except a qualifier (OFF_PLATFORM). Reused per session: not thread-safe.
 */
final class Weighing {

    /** A weaker side category than this does not headline an alert (an ambush lure that brushed a grooming cue). */
    static final int HEADLINE_MIN_SCORE = 20;
    /**
     * Categories that qualify another harm rather than stand beside it: a contact move is a literal cue (an app, a
     * number), never a brushed one, and says where the harm goes next, so it stays on an alert however small.
     */
    private static final Set<Category> QUALIFIERS = EnumSet.of(Category.OFF_PLATFORM);

    private static final Category[] CATEGORIES = Category.values();

    private final int[] categoryScore = new int[CATEGORIES.length];

    /** True when any non-shadow finding fired. */
    boolean active;
    /** Message score, 0..100. */
    int score;
    /** What the message adds to the conversation risk. */
    double contribution;
    /** The message's headline categories; null when nothing active fired. */
    EnumSet<Category> categories;
    /** Grooming stages as ordinal bits after this message. */
    int stagesAfter;
    /** True when a finding marked a stage. */
    boolean newStage;
    /** Distinct active rule ids, in finding order; null when none. */
    List<String> activeRules;

    /** Weighs {@code findings} in {@code conv} whose stages before the message are {@code stagesBefore}. */
    void weigh(List<Finding> findings, ConversationState conv, int stagesBefore, Policy policy) {
        active = false;
        contribution = 0;
        categories = null;
        stagesAfter = stagesBefore;
        newStage = false;
        activeRules = null;
        double sum = 0;
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.shadow()) {
                continue;
            }
            active = true;
            double w = Math.max(0, f.score());
            if (conv.dismissedRules().contains(f.ruleId())) {
                w *= policy.risk().dismissedWeight();
            }
            sum += w;
            contribution += inEvidence(conv.evidence(), f.ruleId()) ? w * policy.risk().repeatWeight() : w;
            if (categories == null) {
                categories = EnumSet.noneOf(Category.class);
            }
            categories.addAll(f.categories());
            for (Category c : f.categories()) {
                categoryScore[c.ordinal()] += (int) Math.round(w);
            }
            if (f.stage() != null) {
                stagesAfter |= 1 << f.stage().ordinal();
                newStage = true;
            }
            if (activeRules == null) {
                activeRules = new ArrayList<>(4);
            }
            if (!activeRules.contains(f.ruleId())) {
                activeRules.add(f.ruleId());
            }
        }
        score = (int) Math.min(100, Math.round(sum));
        headline();
    }

    private static boolean inEvidence(List<Alert.Signal> evidence, String ruleId) {
        for (int i = 0; i < evidence.size(); i++) {
            if (evidence.get(i).ruleId().equals(ruleId)) {
                return true;
            }
        }
        return false;
    }

    /** Drops weak side categories from the headline and resets the tally. */
    private void headline() {
        if (categories != null && categories.size() > 1) {
            boolean strong = false;
            for (Category c : CATEGORIES) {
                strong |= categoryScore[c.ordinal()] >= HEADLINE_MIN_SCORE;
            }
            if (strong) {
                for (Category c : CATEGORIES) {
                    if (categoryScore[c.ordinal()] < HEADLINE_MIN_SCORE && !QUALIFIERS.contains(c)) {
                        categories.remove(c);
                    }
                }
            }
        }
        Arrays.fill(categoryScore, 0);
    }
}
