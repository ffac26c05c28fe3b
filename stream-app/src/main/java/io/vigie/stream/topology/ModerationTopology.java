package io.vigie.stream.topology;

import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.Decision;
import io.vigie.core.contract.Profile;
import io.vigie.core.state.UserState;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.serde.InputReader;
import io.vigie.stream.serde.JsonSerde;
import io.vigie.stream.serde.Parsed;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one topology factory of the application: {@code run}, {@code replay}, {@code demo} and the tests all
 * build the graph here, so they share the same state logic. Every source, processor, store, repartition and
 * sink is named, so internal topic names are stable across releases (a golden test guards them).
 *
 * <pre>
 * chat.messages ─► message-reader ─┬─► DLQ (unreadable: original key and bytes, reason headers)
 *                                  └─► conversation-assessor [conversations] ─► alerts, actions
 *                                        ├─► user-events repartition ─► user-facts-keeper [users] ─► facts topic
 *                                        ├─► sender-events repartition ─► sender-assessor [senders]
 *                                        └─► device-events repartition ─► device-assessor [devices]
 * chat.profiles ─► profile-reader ─► user-events            facts topic ─► global store user-facts
 * moderation.decisions ─► decision-reader ─► alert-index-events ─► decision-applier [alert-index]
 *                                              ─► user-events (CONFIRMED, ban) / dismissals topic (DISMISSED)
 * moderation.erasure ─► erasure-reader ─► user-events, sender-events (tombstones on every changelog)
 * </pre>
 *
 * <p>Alerts and actions of one input record are forwarded in the same processing step (one transaction under
 * exactly_once_v2).
 */
public final class ModerationTopology {

    private static final Serde<String> KEY = Serdes.String();
    /** Two side events per message cross the repartitions: binary, not JSON. */
    private static final Serde<Events.SideEvent> SIDE_EVENTS = new SideEventSerde();

    private ModerationTopology() {
    }

    /** Builds the topology with {@link Wiring#of} (in-memory metrics, one repartition partition). */
    public static Topology build(StreamsBuilder builder, ModerationConfig config, EngineSupplier engine) {
        return build(builder, config, Wiring.of(engine));
    }

    /** Builds the whole topology into {@code builder} and returns it, with the stores the configuration says. */
    public static Topology build(StreamsBuilder builder, ModerationConfig config, Wiring wiring) {
        return build(builder, config, wiring, false);
    }

    /**
     * Builds the whole topology into {@code builder} and returns it.
     *
     * @param objectStores true for {@code replay}: every store keeps the state records themselves in memory,
     *                     without changelog or serialization (same graph, names and processors; the configured
     *                     store kind and changelog setting are ignored)
     */
    public static Topology build(StreamsBuilder builder, ModerationConfig config, Wiring wiring,
                                 boolean objectStores) {
        boolean memory = config.inMemoryStores();
        boolean logged = config.changelogged();
        StoreFactory stores = new StoreFactory() {
            @Override
            public <V> org.apache.kafka.streams.state.StoreBuilder<KeyValueStore<String, V>> keyValue(
                    String name, Serde<V> serde, boolean changelog) {
                return objectStores ? ObjectStore.builder(name)
                        : Stores.keyValue(name, serde, memory, changelog && logged);
            }
        };
        String factsTopic = config.getString(ModerationConfig.TOPIC_FACTS);
        String dismissalsTopic = config.getString(ModerationConfig.TOPIC_DISMISSALS);
        int maxBytes = config.getInt(ModerationConfig.MESSAGE_MAX_BYTES);
        long maxSkewMs = config.getLong(ModerationConfig.CLOCK_SKEW_MAX_MS);
        EventTimeExtractor eventTime = new EventTimeExtractor(wiring.clock(), maxSkewMs);

        // ---- global stores: what is known of every user, and reviewers' dismissals; read on every instance
        builder.addGlobalStore(stores.keyValue(Stores.USER_FACTS, Stores.USER_SERDE, false),
                factsTopic, Consumed.with(KEY, Stores.USER_SERDE).withName("user-facts-source"),
                () -> new GlobalUpsert<UserState>(Stores.USER_FACTS));
        builder.addGlobalStore(stores.keyValue(Stores.DISMISSALS, Stores.DISMISSAL_SERDE, false),
                dismissalsTopic, Consumed.with(KEY, Stores.DISMISSAL_SERDE).withName("dismissals-source"),
                () -> new GlobalUpsert<Events.Dismissal>(Stores.DISMISSALS));

        // ---- local stores
        builder.addStateStore(stores.keyValue(Stores.CONVERSATIONS, Stores.CONVERSATION_SERDE, true));
        builder.addStateStore(stores.keyValue(Stores.USERS, Stores.USER_SERDE, true));
        builder.addStateStore(stores.keyValue(Stores.SENDERS, Stores.SENDER_SERDE, true));
        builder.addStateStore(stores.keyValue(Stores.DEVICES, Stores.DEVICE_SERDE, true));
        builder.addStateStore(stores.keyValue(Stores.ALERT_INDEX, Stores.ALERT_REF_SERDE, true));
        builder.addStateStore(stores.keyValue(Stores.CHAIN_CONVERSATIONS, Stores.CHAIN_SERDE, true));
        builder.addStateStore(stores.keyValue(Stores.CHAIN_SENDERS, Stores.CHAIN_SERDE, true));
        builder.addStateStore(stores.keyValue(Stores.CHAIN_DEVICES, Stores.CHAIN_SERDE, true));

        Sinks sinks = new Sinks(config);

        // ---- chat messages
        InputReader<ChatMessage> messageReader = InputReader.messages(maxBytes,
                config.getInt(ModerationConfig.MESSAGE_TEXT_MAX_CHARS),
                config.getInt(ModerationConfig.MESSAGE_RECIPIENTS_MAX));
        KStream<String, Out> messages = source(builder, config.getString(ModerationConfig.TOPIC_MESSAGES),
                messageReader, "messages", eventTime)
                .process(() -> new InputRouter<ChatMessage>((key, m, rec, out) -> {
                    if (m.sentAt().toEpochMilli() > wiring.clock().millis() + maxSkewMs) {
                        wiring.metrics().messageClockSkew();
                    }
                    out.emit(Out.Route.MESSAGE, m.conversationId(), m);
                    return null;
                }, wiring, false), Named.as("message-reader"));
        Map<Out.Route, KStream<String, Out>> read = split(messages, "message-reader", Out.Route.MESSAGE,
                Out.Route.DLQ);
        sinks.add(read);
        KStream<String, Out> assessed = read.get(Out.Route.MESSAGE)
                .mapValues(o -> (ChatMessage) o.value(), Named.as("message-value"))
                .process(() -> new ConversationAssessor(config, wiring), Named.as("conversation-assessor"),
                        Stores.CONVERSATIONS, Stores.CHAIN_CONVERSATIONS);
        sinks.add(split(assessed, "conversation-assessor", Out.Route.ALERT, Out.Route.ACTION,
                Out.Route.INDEX_EVENT, Out.Route.USER_EVENT, Out.Route.SENDER_EVENT, Out.Route.DEVICE_EVENT,
                Out.Route.DISMISSAL));

        // ---- profiles
        KStream<String, Out> profiles = source(builder, config.getString(ModerationConfig.TOPIC_PROFILES),
                InputReader.of(Profile.class, maxBytes), "profiles", eventTime)
                .process(() -> new InputRouter<Profile>((key, p, rec, out) -> {
                    if (p == null) {
                        return null; // a tombstone on the operator's compacted topic: nothing to learn
                    }
                    Instant at = p.updatedAt() != null ? p.updatedAt() : Instant.ofEpochMilli(rec.timestamp());
                    Profile withTime = new Profile(p.type(), p.userId(), p.declaredAge(), p.gender(),
                            p.postalCode(), p.accountCreatedAt(), p.deviceId(), p.ipHash(), at);
                    out.emit(Out.Route.USER_EVENT, p.userId(), Events.UserEvent.profile(withTime, at));
                    return null;
                }, wiring, true), Named.as("profile-reader"));
        sinks.add(split(profiles, "profile-reader", Out.Route.USER_EVENT, Out.Route.DLQ));

        // ---- decisions
        KStream<String, Out> decisions = source(builder, config.getString(ModerationConfig.TOPIC_DECISIONS),
                InputReader.of(Decision.class, maxBytes), "decisions", eventTime)
                .process(() -> new InputRouter<Decision>((key, d, rec, out) -> {
                    out.emit(Out.Route.INDEX_EVENT, d.alertId(), new Events.IndexEvent(null, d));
                    return null;
                }, wiring, false), Named.as("decision-reader"));
        sinks.add(split(decisions, "decision-reader", Out.Route.INDEX_EVENT, Out.Route.DLQ));

        // ---- erasure requests: the key is the user id, the value is not read
        KStream<String, Out> erasures = builder.stream(config.getString(ModerationConfig.TOPIC_ERASURE),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withTimestampExtractor(eventTime)
                                .withName("erasure-source"))
                .mapValues(v -> Parsed.ok(v == null ? new byte[0] : v, (Object) Boolean.TRUE),
                        Named.as("erasure-value"))
                .process(() -> new InputRouter<Object>((key, ignored, rec, out) -> {
                    if (key == null || key.isBlank()) {
                        return "erasure request without a user id key";
                    }
                    Instant at = Instant.ofEpochMilli(rec.timestamp());
                    out.emit(Out.Route.USER_EVENT, key, Events.UserEvent.erase(at));
                    Events.SideEvent erase = new Events.SideEvent(Events.SideEventKind.ERASE, null, key, at);
                    out.emit(Out.Route.SENDER_EVENT, key, erase);
                    for (String device : UserFactsKeeper.deviceKeys(out.user(key))) {
                        out.emit(Out.Route.DEVICE_EVENT, device, erase);
                    }
                    return null;
                }, wiring, false), Named.as("erasure-reader"));
        sinks.add(split(erasures, "erasure-reader", Out.Route.USER_EVENT, Out.Route.SENDER_EVENT,
                Out.Route.DEVICE_EVENT, Out.Route.DLQ));

        int partitions = wiring.repartitionPartitions();

        // ---- senders
        KStream<String, Events.SideEvent> senderEvents = sinks.merged(Out.Route.SENDER_EVENT,
                        Events.SideEvent.class)
                .repartition(repartitioned("sender-events", SIDE_EVENTS, partitions));
        sinks.add(split(senderEvents.process(() -> new SenderAssessor(config, wiring), Named.as("sender-assessor"),
                Stores.SENDERS, Stores.CHAIN_SENDERS), "sender-assessor", Out.Route.ALERT, Out.Route.ACTION,
                Out.Route.INDEX_EVENT));

        // ---- devices
        KStream<String, Events.SideEvent> deviceEvents = sinks.merged(Out.Route.DEVICE_EVENT,
                        Events.SideEvent.class)
                .repartition(repartitioned("device-events", SIDE_EVENTS, partitions));
        sinks.add(split(deviceEvents.process(() -> new DeviceAssessor(config, wiring), Named.as("device-assessor"),
                Stores.DEVICES, Stores.CHAIN_DEVICES), "device-assessor", Out.Route.ALERT, Out.Route.ACTION,
                Out.Route.INDEX_EVENT));

        // ---- alert index and decisions
        KStream<String, Events.IndexEvent> indexEvents = sinks.merged(Out.Route.INDEX_EVENT, Events.IndexEvent.class)
                .repartition(repartitioned("alert-index-events", JsonSerde.of(Events.IndexEvent.class),
                        partitions));
        sinks.add(split(indexEvents.process(() -> new DecisionApplier(config, wiring),
                Named.as("decision-applier"), Stores.ALERT_INDEX), "decision-applier", Out.Route.USER_EVENT,
                Out.Route.DISMISSAL));

        // ---- users: the single writer of the facts topic
        KStream<String, Events.UserEvent> userEvents = sinks.merged(Out.Route.USER_EVENT, Events.UserEvent.class)
                .repartition(repartitioned("user-events", JsonSerde.of(Events.UserEvent.class), partitions));
        sinks.add(split(userEvents.process(() -> new UserFactsKeeper(config, wiring), Named.as("user-facts-keeper"),
                Stores.USERS), "user-facts-keeper", Out.Route.FACTS));

        // the repartitions above consumed their routes; everything left goes to topics
        sinks.toTopics();
        return builder.build();
    }

    private static <V> Repartitioned<String, V> repartitioned(String name, Serde<V> values, int partitions) {
        Repartitioned<String, V> r = Repartitioned.<String, V>as(name).withKeySerde(KEY).withValueSerde(values);
        return partitions > 0 ? r.withNumberOfPartitions(partitions) : r;
    }

    private static <T> KStream<byte[], Parsed<T>> source(StreamsBuilder builder, String topic,
                                                        Deserializer<Parsed<T>> reader, String name,
                                                        EventTimeExtractor eventTime) {
        Serde<Parsed<T>> serde = Serdes.serdeFrom(new NoWrite<>(), reader);
        return builder.stream(topic, Consumed.with(Serdes.ByteArray(), serde)
                .withTimestampExtractor(eventTime).withName(name + "-source"));
    }

    /** Splits a processor's output by route; one named branch per route. */
    private static Map<Out.Route, KStream<String, Out>> split(KStream<String, Out> stream, String name,
                                                              Out.Route... routes) {
        BranchedKStream<String, Out> branched = stream.split(Named.as(name + "-"));
        for (Out.Route route : routes) {
            branched = branched.branch((k, v) -> v.route() == route,
                    Branched.as(route.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        }
        Map<String, KStream<String, Out>> byName = branched.noDefaultBranch();
        Map<Out.Route, KStream<String, Out>> out = new EnumMap<>(Out.Route.class);
        for (Out.Route route : routes) {
            out.put(route, byName.get(name + "-" + route.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-')));
        }
        return out;
    }

    /** Collects every processor's branches per route, then merges them into one sink or repartition each. */
    private static final class Sinks {
        private final ModerationConfig config;
        private final Map<Out.Route, List<KStream<String, Out>>> pending = new EnumMap<>(Out.Route.class);

        Sinks(ModerationConfig config) {
            this.config = config;
        }

        void add(Map<Out.Route, KStream<String, Out>> branches) {
            branches.forEach((route, stream) -> {
                if (route != Out.Route.MESSAGE) {
                    pending.computeIfAbsent(route, r -> new ArrayList<>()).add(stream);
                }
            });
        }

        <V> KStream<String, V> merged(Out.Route route, Class<V> type) {
            List<KStream<String, Out>> streams = pending.remove(route);
            KStream<String, Out> m = streams.get(0);
            for (int i = 1; i < streams.size(); i++) {
                m = m.merge(streams.get(i), Named.as(slug(route) + "-merge-" + i));
            }
            return m.mapValues(o -> type.cast(o.value()), Named.as(slug(route) + "-value"));
        }

        void toTopics() {
            to(Out.Route.ALERT, ModerationConfig.TOPIC_ALERTS, JsonSerde.of(Alert.class));
            to(Out.Route.ACTION, ModerationConfig.TOPIC_ACTIONS, JsonSerde.of(ActionCommand.class));
            to(Out.Route.FACTS, ModerationConfig.TOPIC_FACTS, Stores.USER_SERDE);
            to(Out.Route.DISMISSAL, ModerationConfig.TOPIC_DISMISSALS, Stores.DISMISSAL_SERDE);
            List<KStream<String, Out>> dlq = pending.remove(Out.Route.DLQ);
            KStream<String, Out> m = dlq.get(0);
            for (int i = 1; i < dlq.size(); i++) {
                m = m.merge(dlq.get(i), Named.as("dlq-merge-" + i));
            }
            m.map((k, o) -> KeyValue.pair(o.rawKey(), o.rawValue()), Named.as("dlq-original"))
                    .to(config.getString(ModerationConfig.TOPIC_DLQ),
                            Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("dlq-sink"));
            if (!pending.isEmpty()) {
                throw new IllegalStateException("routes without a destination: " + pending.keySet());
            }
        }

        private <V> void to(Out.Route route, String topicKey, Serde<V> serde) {
            @SuppressWarnings("unchecked")
            Class<V> type = (Class<V>) Object.class;
            KStream<String, V> s = merged(route, type);
            s.to(config.getString(topicKey), Produced.with(KEY, serde).withName(slug(route) + "-sink"));
        }

        private static String slug(Out.Route route) {
            return route.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Keeps a global store equal to its topic: a value replaces, a tombstone deletes. */
    private static final class GlobalUpsert<V> implements Processor<String, V, Void, Void> {
        private final String storeName;
        private KeyValueStore<String, V> store;

        GlobalUpsert(String storeName) {
            this.storeName = storeName;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, V> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }

    /** Makes the stores of one build. */
    private interface StoreFactory {
        <V> org.apache.kafka.streams.state.StoreBuilder<KeyValueStore<String, V>> keyValue(String name,
                                                                                         Serde<V> serde,
                                                                                         boolean changelog);
    }

    /** The input serdes only read. */
    private static final class NoWrite<T> implements org.apache.kafka.common.serialization.Serializer<T> {
        @Override
        public byte[] serialize(String topic, T data) {
            throw new UnsupportedOperationException("input records are never written by this serde");
        }
    }

}
