package io.vigie.stream.topology;

import io.vigie.core.state.ConversationState;
import io.vigie.core.state.DeviceState;
import io.vigie.core.state.SenderState;
import io.vigie.core.state.UserState;
import io.vigie.stream.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Names and serdes of the state stores. The names are part of the deployed application: they name the
 * changelog topics ({@code <application.id>-<store>-changelog}) and must not change between releases.
 */
public final class Stores {

    public static final String CONVERSATIONS = "conversations";
    public static final String USERS = "users";
    public static final String SENDERS = "senders";
    public static final String DEVICES = "devices";
    public static final String ALERT_INDEX = "alert-index";
    public static final String CHAIN_CONVERSATIONS = "alert-chain-conversations";
    public static final String CHAIN_SENDERS = "alert-chain-senders";
    public static final String CHAIN_DEVICES = "alert-chain-devices";
    /** Global store of the facts learned of each user ({@link UserState}) by userId, read from the facts topic. */
    public static final String USER_FACTS = "user-facts";
    /** Global store of each user's profile part ({@link UserState}) by userId, read from the profiles topic. */
    public static final String PROFILES = "profiles";
    /** Global store of the devices that carry a ban ({@link DeviceState}) by device key. */
    public static final String BANNED_DEVICES = "banned-devices";
    /** Global store of dismissed rules by {@code conversationId + SEP + alertId}. */
    public static final String DISMISSALS = "dismissals";
    /** Separates conversationId and alertId in dismissal keys (a control char: ids never contain it). */
    public static final char SEP = '\u001f';

    static final Serde<ConversationState> CONVERSATION_SERDE = io.vigie.stream.serde.CompactSerde.conversations();
    static final Serde<UserState> USER_SERDE = io.vigie.stream.serde.CompactSerde.users();
    static final Serde<SenderState> SENDER_SERDE = io.vigie.stream.serde.CompactSerde.senders();
    static final Serde<DeviceState> DEVICE_SERDE = io.vigie.stream.serde.CompactSerde.devices();
    static final Serde<Events.AlertRef> ALERT_REF_SERDE = JsonSerde.of(Events.AlertRef.class);
    static final Serde<Events.ChainHead> CHAIN_SERDE = JsonSerde.of(Events.ChainHead.class);
    static final Serde<Events.Dismissal> DISMISSAL_SERDE = JsonSerde.of(Events.Dismissal.class);

    private Stores() {
    }

    static <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, Serde<V> serde, boolean inMemory,
                                                               boolean logged) {
        KeyValueBytesStoreSupplier supplier = inMemory
                ? org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore(name)
                : org.apache.kafka.streams.state.Stores.persistentKeyValueStore(name);
        StoreBuilder<KeyValueStore<String, V>> b = org.apache.kafka.streams.state.Stores
                .keyValueStoreBuilder(supplier, Serdes.String(), serde);
        return logged ? b.withLoggingEnabled(java.util.Map.of()) : b.withLoggingDisabled();
    }

    /** The key of a dismissal in the global dismissals store. */
    static String dismissalKey(String conversationId, String alertId) {
        return conversationId + SEP + alertId;
    }
}
