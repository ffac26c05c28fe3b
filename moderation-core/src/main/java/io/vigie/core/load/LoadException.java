package io.vigie.core.load;

import java.util.List;

/** A rule pack or data file was refused. Carries every error found, not just the first. */
public final class LoadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<LoadError> errors;

    public LoadException(List<LoadError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** Every error found, in file then line order; never empty. */
    public List<LoadError> errors() {
        return errors;
    }

    private static String summary(List<LoadError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a LoadException needs at least one error");
        }
        return errors.size() == 1 ? errors.get(0).toString()
                : errors.size() + " errors, first: " + errors.get(0);
    }
}
