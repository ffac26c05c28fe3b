package io.vigie.core.rule;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Stage;
import java.util.List;
import java.util.Objects;

/**
 * A rule hit on one message: the rule, its categories and score, and the evidence as a span of the
 * original (raw) text.
 *
 * @param start  UTF-16 offset into the raw text, inclusive; -1 when the finding has no span (e.g. a hash match)
 * @param end    UTF-16 offset into the raw text, exclusive; -1 likewise
 * @param stage  grooming stage this finding marks; may be null
 * @param shadow  true for a shadow rule: reported and scored in metrics, never drives an action
 * @param related for a conversation-scoped rule, the evidence it relied on in earlier messages (each naming its
 *                message); empty otherwise
 */
public record Finding(String ruleId, List<Category> categories, int score, String evidence, int start, int end,
                      Stage stage, boolean shadow, List<Alert.Signal> related) {
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId must not be null");
        categories = List.copyOf(categories);
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** A finding on this message alone. */
    public Finding(String ruleId, List<Category> categories, int score, String evidence, int start, int end,
                   Stage stage, boolean shadow) {
        this(ruleId, categories, score, evidence, start, end, stage, shadow, List.of());
    }
}
