package io.vigie.core.rule;

import java.util.List;

/** A rule pack or data file was refused. Carries every error found, not just the first. */
public final class RulePackException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<RuleError> errors;

    public RulePackException(List<RuleError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** Every error found, in file then line order; never empty. */
    public List<RuleError> errors() {
        return errors;
    }

    private static String summary(List<RuleError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a RulePackException needs at least one error");
        }
        return errors.size() == 1 ? errors.get(0).toString()
                : errors.size() + " errors, first: " + errors.get(0);
    }
}
