package io.vigie.core.assess;

import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Severity;
import io.vigie.core.rule.Finding;
import io.vigie.core.state.ConversationState;
import io.vigie.core.state.UserState;
import java.util.List;

/**
 * The result of assessing one message in its conversation: the next states to store, and what to emit.
 *
 * @param conversation next conversation state, never null
 * @param sender       next state of the sender (stated age learned, hints), never null
 * @param findings     rule hits on this message, shadow ones included; never null
 * @param score        message score after context, 0..100
 * @param severity     severity of this message's findings; null when nothing fired
 * @param alert        the alert to emit; null when the conversation does not deserve a (new) human look
 * @param actions      enforcement commands to emit now (same processing step as the alert); never null
 */
public record Assessment(ConversationState conversation, UserState sender, List<Finding> findings, int score,
                         Severity severity, Alert alert, List<ActionCommand> actions) {
    public Assessment {
        java.util.Objects.requireNonNull(conversation, "conversation must not be null");
        java.util.Objects.requireNonNull(sender, "sender must not be null");
        findings = findings == null ? List.of() : List.copyOf(findings);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
