package io.vigie.core.assess;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.ActionCommand.StatementOfReasons;
import io.vigie.core.contract.Category;

import java.util.List;

/**
 * Builds the enforcement commands with the statement of reasons a user could be shown (EU DSA art. 17): that
 * the decision was automated, the harms at stake, the rules that fired, the facts relied on in plain language,
 * and how to contest. Never puts message text or another user's id in a statement. Thread-safe.
 */
public final class Statements {

    /** Fact: a recipient is likely a minor. */
    public static final String FACT_RECIPIENT_MINOR = "the recipient is likely a minor";
    /** Fact: the sender was banned by a reviewer. */
    public static final String FACT_BANNED = "the account was banned after a human review of earlier messages";
    /** Fact: an attachment is on a known-media list. */
    public static final String FACT_KNOWN_MEDIA =
            "an attachment matches a list of known child sexual abuse material";

    private Statements() {
    }

    /**
     * One enforcement command on {@code userId} with its statement of reasons.
     *
     * @param alertId   the alert the measure belongs to; may be null (e.g. a banned user's next message)
     * @param rules     ids of the rules relied on; never shadow rules
     * @param facts     plain-language facts relied on
     */
    public static ActionCommand command(Policy policy, String userId, Action action, String alertId,
                                        String messageId, List<Category> categories, List<String> rules,
                                        List<String> facts) {
        StatementOfReasons statement = new StatementOfReasons(true, categories, rules, facts, policy.redress());
        // one exact-enough builder instead of a concatenation over two List.toString() builders
        StringBuilder sb = new StringBuilder(64 + 24 * (categories.size() + rules.size()));
        sb.append(action.value()).append(" by automated moderation; categories ");
        appendList(sb, categories);
        sb.append("; rules ");
        appendList(sb, rules);
        String reason = sb.toString();
        return new ActionCommand(userId, action, alertId, messageId, null, reason, statement);
    }

    /** Appends {@code list} as {@link java.util.AbstractCollection#toString()} writes it: "[a, b]". */
    private static void appendList(StringBuilder sb, List<?> list) {
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(list.get(i));
        }
        sb.append(']');
    }
}
