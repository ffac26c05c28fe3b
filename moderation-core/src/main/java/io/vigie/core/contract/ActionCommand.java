package io.vigie.core.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An enforcement command for the chat service (contract {@code Action}, key userId).
 *
 * @param until     end of a temporary measure; null means until a human decides
 * @param reason    one line for the operator's logs, never message text
 * @param statement statement of reasons a user could be shown (EU DSA art. 17); never null
 */
public record ActionCommand(String userId, Action action, String alertId, String messageId, Instant until,
                            String reason, StatementOfReasons statement) {
    public ActionCommand {
        Objects.requireNonNull(userId, "userId must not be null");
        Objects.requireNonNull(action, "action must not be null");
    }

    /**
     * Why the measure was taken, in terms a user can be shown.
     *
     * @param automated  true when no human took part in the decision
     * @param categories the harms at stake
     * @param rules      ids of the rules that fired
     * @param facts      plain-language facts relied on (e.g. "the recipient is likely a minor")
     * @param redress    how to contest the measure
     */
    public record StatementOfReasons(boolean automated, List<Category> categories, List<String> rules,
                                     List<String> facts, String redress) {
        public StatementOfReasons {
            categories = categories == null ? List.of() : List.copyOf(categories);
            rules = rules == null ? List.of() : List.copyOf(rules);
            facts = facts == null ? List.of() : List.copyOf(facts);
        }
    }
}
