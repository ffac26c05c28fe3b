package io.vigie.stream.topology;

import java.util.Objects;

/**
 * A typed output of a processor: the processor forwards {@code Record<K, V>} to it, and the topology connects it
 * to a {@link Topics.Topic Topic&lt;K, V&gt;} (a sink named {@code <processor>.<output>}), so a value can only
 * reach a topic whose serde writes its type.
 *
 * @param name the output's name, unique within a processor
 */
record Output<K, V>(String name) {

    static final Output<String, io.vigie.core.contract.Alert> ALERTS = new Output<>("alerts");
    static final Output<String, io.vigie.core.contract.ActionCommand> ACTIONS = new Output<>("actions");
    static final Output<byte[], byte[]> DLQ = new Output<>("dlq");
    static final Output<String, io.vigie.core.state.UserState> FACTS = new Output<>("facts");
    static final Output<String, Events.Dismissal> DISMISSALS = new Output<>("dismissals");
    static final Output<String, io.vigie.core.state.DeviceState> BANNED_DEVICES = new Output<>("banned-devices");
    static final Output<String, Events.UserEvent> USER_EVENTS = new Output<>("user-events");
    static final Output<String, Events.SideEvent> SENDER_EVENTS = new Output<>("sender-events");
    static final Output<String, Events.SideEvent> DEVICE_EVENTS = new Output<>("device-events");
    static final Output<String, Events.IndexEvent> INDEX_EVENTS = new Output<>("index-events");

    Output {
        Objects.requireNonNull(name, "name must not be null");
    }

    /** The sink node's name for this output of {@code processor}. */
    String sinkOf(String processor) {
        return processor + "." + name;
    }
}
