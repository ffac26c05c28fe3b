package io.vigie.core.rule.internal;

import io.vigie.core.rule.ScoringContext;

import java.util.List;
import java.util.Objects;

/**
 * One example a rule carries: a text in a context that must make the rule fire ({@code fire}) or not.
 *
 * @param text    the message text, never null
 * @param context the scoring context the example describes, never null
 * @param fire    true for a {@code fire} example, false for a {@code pass} one
 * @param file    the pack file, never null
 * @param line    1-based line of the example
 * @param before  earlier messages of the conversation, oldest first (for conversation-scoped rules); never null
 */
public record RuleExample(String text, ScoringContext context, boolean fire, String file, int line,
                          List<Before> before) {
    public RuleExample {
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(context, "context must not be null");
        Objects.requireNonNull(file, "file must not be null");
        before = before == null ? List.of() : List.copyOf(before);
    }

    /**
     * An earlier message of an example's conversation.
     *
     * @param other true when someone else wrote it, false when the example's sender did
     */
    public record Before(String text, boolean other) {
        public Before {
            Objects.requireNonNull(text, "text must not be null");
        }
    }
}
