package io.vigie.core.rule;

/**
 * How one rule fared on one message, for explanations ({@code score --explain}): fired, or which condition was
 * missing.
 *
 * @param missing null when the rule fired; otherwise the first condition that failed, as a sentence
 */
public record RuleCheck(String ruleId, String description, int score, String missing) {

    /** True when the rule fired. */
    public boolean fired() {
        return missing == null;
    }
}
