package io.vigie.stream.topology;

import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.state.DeviceState;
import io.vigie.core.state.UserState;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;
import java.util.Objects;

/**
 * Every topic the application reads or writes, once: its name (from the configuration), its key and value serdes,
 * who owns it and how it is cleaned. The topology, the topic provisioning, the demo, {@code replay} and the deploy
 * tests all take their topic list from here.
 *
 * <p>The operator's topics (inputs and outputs) are created by the operator, or by the application when
 * {@code moderation.topics.create=true}. The application's own topics (the facts, dismissals and banned-devices
 * tables it reads back as global stores, and the four event topics between its processors) are named after the
 * {@code application.id} unless configured, and are always created at startup when missing: the event topics
 * with as many partitions as the messages topic.
 *
 * @param messages       {@code chat.messages}, key conversationId (input)
 * @param profiles       {@code chat.profiles}, key userId, compacted (input; read as a global store)
 * @param decisions      {@code moderation.decisions}, key alertId (input)
 * @param erasure        {@code moderation.erasure}, key userId, compacted (input: the latest request per user)
 * @param alerts         {@code moderation.alerts}, key conversationId (output)
 * @param actions        {@code moderation.actions}, key userId (output)
 * @param dlq            {@code chat.messages.dlq}, original key and bytes (output)
 * @param facts          what was learned of each user from chat and reviewers, key userId, compacted (own table)
 * @param dismissals     reviewers' dismissals, key conversationId + SEP + alertId, compacted (own table)
 * @param bannedDevices  devices that carry a ban, key device key, compacted (own table)
 * @param userEvents     events about a user for the facts keeper, key userId (own)
 * @param senderEvents   messages that matter for fan-out or bursts, erasures; key senderId (own)
 * @param deviceEvents   messages on a banned device, bans, erasures; key device key (own)
 * @param indexEvents    emitted alerts and reviewers' decisions, key alertId (own)
 */
public record Topics(Topic<byte[], byte[]> messages, Topic<byte[], byte[]> profiles,
                     Topic<byte[], byte[]> decisions, Topic<byte[], byte[]> erasure,
                     Topic<String, Alert> alerts, Topic<String, ActionCommand> actions, Topic<byte[], byte[]> dlq,
                     Topic<String, UserState> facts, Topic<String, Events.Dismissal> dismissals,
                     Topic<String, DeviceState> bannedDevices, Topic<String, Events.UserEvent> userEvents,
                     Topic<String, Events.SideEvent> senderEvents, Topic<String, Events.SideEvent> deviceEvents,
                     Topic<String, Events.IndexEvent> indexEvents) {

    /** Who creates a topic and what its records are. */
    public enum Owner {
        /** Operator's input: created by the operator (or by {@code moderation.topics.create}). */
        INPUT,
        /** Operator's output: created by the operator (or by {@code moderation.topics.create}). */
        OUTPUT,
        /** The application's own: created at startup when missing. */
        APPLICATION
    }

    /**
     * One topic.
     *
     * @param configKey     the setting that names it
     * @param compacted     cleanup.policy=compact (a table: latest value per key)
     * @param copartitioned created with as many partitions as the messages topic
     */
    public record Topic<K, V>(String name, String configKey, Serde<K> keySerde, Serde<V> valueSerde, Owner owner,
                              boolean compacted, boolean copartitioned) {
        public Topic {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(keySerde, "keySerde must not be null");
            Objects.requireNonNull(valueSerde, "valueSerde must not be null");
            Objects.requireNonNull(owner, "owner must not be null");
        }
    }

    private static final Serde<String> KEY = Serdes.String();
    private static final Serde<byte[]> BYTES = Serdes.ByteArray();

    /** The topics of a configuration. */
    public static Topics of(ModerationConfig config) {
        String app = config.getString(ModerationConfig.APPLICATION_ID);
        return new Topics(
                raw(config, ModerationConfig.TOPIC_MESSAGES, Owner.INPUT, false),
                raw(config, ModerationConfig.TOPIC_PROFILES, Owner.INPUT, true),
                raw(config, ModerationConfig.TOPIC_DECISIONS, Owner.INPUT, false),
                raw(config, ModerationConfig.TOPIC_ERASURE, Owner.INPUT, true),
                new Topic<>(config.getString(ModerationConfig.TOPIC_ALERTS), ModerationConfig.TOPIC_ALERTS, KEY,
                        JsonSerde.of(Alert.class), Owner.OUTPUT, false, false),
                new Topic<>(config.getString(ModerationConfig.TOPIC_ACTIONS), ModerationConfig.TOPIC_ACTIONS, KEY,
                        JsonSerde.of(ActionCommand.class), Owner.OUTPUT, false, false),
                raw(config, ModerationConfig.TOPIC_DLQ, Owner.OUTPUT, false),
                new Topic<>(config.getString(ModerationConfig.TOPIC_FACTS), ModerationConfig.TOPIC_FACTS, KEY,
                        Stores.USER_SERDE, Owner.APPLICATION, true, false),
                new Topic<>(config.getString(ModerationConfig.TOPIC_DISMISSALS), ModerationConfig.TOPIC_DISMISSALS,
                        KEY, Stores.DISMISSAL_SERDE, Owner.APPLICATION, true, false),
                own(config, ModerationConfig.TOPIC_BANNED_DEVICES, app, "banned-devices", Stores.DEVICE_SERDE,
                        true, false),
                own(config, ModerationConfig.TOPIC_USER_EVENTS, app, "user-events",
                        JsonSerde.of(Events.UserEvent.class), false, true),
                own(config, ModerationConfig.TOPIC_SENDER_EVENTS, app, "sender-events", new SideEventSerde(), false,
                        true),
                own(config, ModerationConfig.TOPIC_DEVICE_EVENTS, app, "device-events", new SideEventSerde(), false,
                        true),
                own(config, ModerationConfig.TOPIC_INDEX_EVENTS, app, "alert-index-events",
                        JsonSerde.of(Events.IndexEvent.class), false, true));
    }

    private static Topic<byte[], byte[]> raw(ModerationConfig config, String key, Owner owner, boolean compacted) {
        return new Topic<>(config.getString(key), key, BYTES, BYTES, owner, compacted, false);
    }

    private static <V> Topic<String, V> own(ModerationConfig config, String key, String applicationId,
                                            String suffix, Serde<V> serde, boolean compacted,
                                            boolean copartitioned) {
        String configured = config.getString(key);
        String name = configured == null || configured.isBlank() ? applicationId + "." + suffix : configured;
        return new Topic<>(name, key, KEY, serde, Owner.APPLICATION, compacted, copartitioned);
    }

    /** Every topic, inputs first. */
    public List<Topic<?, ?>> all() {
        return List.of(messages, profiles, decisions, erasure, alerts, actions, dlq, facts, dismissals,
                bannedDevices, userEvents, senderEvents, deviceEvents, indexEvents);
    }

    /** The topics of one owner. */
    public List<Topic<?, ?>> owned(Owner owner) {
        return all().stream().filter(t -> t.owner() == owner).toList();
    }
}
