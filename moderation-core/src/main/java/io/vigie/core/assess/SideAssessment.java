package io.vigie.core.assess;

import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.state.DeviceState;
import io.vigie.core.state.SenderState;
import java.util.List;

/**
 * Result of assessing a sender's or a device's behaviour across conversations.
 *
 * @param state   the next state to store, never null
 * @param alert   an alert to emit (fan-out, burst, ban evasion); may be null
 * @param actions enforcement commands; never null
 * @param <S>     {@link SenderState} or {@link DeviceState}
 */
public record SideAssessment<S>(S state, Alert alert, List<ActionCommand> actions) {
    public SideAssessment {
        java.util.Objects.requireNonNull(state, "state must not be null");
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
