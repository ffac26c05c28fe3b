package io.vigie.stream.topology;


import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.Decision;
import io.vigie.core.contract.Profile;
import io.vigie.core.state.UserState;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.serde.InputReader;
import io.vigie.stream.serde.Parsed;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;

/**
 * The one topology factory of the application: {@code run}, {@code replay}, {@code demo} and the tests all
 * build the graph here, so they share the same state logic. Every source, processor, store and sink is named,
 * and every processor forwards typed records to named sinks ({@link Output} to {@link Topics.Topic}), so each
 * node carries logic or is a topic's end.
 *
 * <pre>
 * chat.messages ─► message-reader ─┬─► DLQ (unreadable: original key and bytes, reason headers)
 *                                  └─► conversation-assessor [conversations] ─► alerts, actions
 *                                        ├─► user-events   (what a message taught about its sender; rare)
 *                                        ├─► sender-events (a likely-minor recipient, a young account)
 *                                        ├─► device-events (a device that carries a ban)
 *                                        └─► index-events  (each alert)
 * user-events   ─► user-facts-keeper [users] ─► facts (global store user-facts); a ban ─► device-events
 * sender-events ─► sender-assessor [senders] ─► alerts, actions, index-events
 * device-events ─► device-assessor [devices] ─► alerts, actions, index-events, banned-devices (global store)
 * moderation.decisions ─► decision-reader ─► index-events
 * index-events  ─► decision-applier [alert-index] ─► user-events (CONFIRMED), dismissals (global store)
 * moderation.erasure ─► erasure-reader ─► user-events, sender-events, device-events
 * chat.profiles ─► global store profiles (loaded in full before any message is processed)
 * </pre>
 *
 * <p>Each task reads one topic, so nothing needs aligning by time. An ordinary message costs one conversation
 * read and write and lookups in the global stores; the event topics carry only what needs another key.
 * Alerts and actions of one input record are forwarded in the same processing step (one transaction under
 * exactly_once_v2).
 */
public final class ModerationTopology {

    private static final Logger LOG = LoggerFactory.getLogger(ModerationTopology.class);

    static final String MESSAGE_READER = "message-reader";
    static final String CONVERSATION_ASSESSOR = "conversation-assessor";
    static final String DECISION_READER = "decision-reader";
    static final String DECISION_INDEXER = "decision-indexer";
    static final String ERASURE_READER = "erasure-reader";
    static final String ERASURE_ROUTER = "erasure-router";
    static final String SENDER_ASSESSOR = "sender-assessor";
    static final String DEVICE_ASSESSOR = "device-assessor";
    static final String DECISION_APPLIER = "decision-applier";
    static final String USER_FACTS_KEEPER = "user-facts-keeper";

    private final Graph graph;
    private final ModerationConfig config;
    private final Topics topics;
    private final Wiring wiring;
    private final boolean objectStores;

    private ModerationTopology(Graph graph, ModerationConfig config, Wiring wiring, boolean objectStores) {
        this.graph = graph;
        this.config = config;
        this.topics = Topics.of(config);
        this.wiring = wiring;
        this.objectStores = objectStores;
    }

    /** Builds the topology with {@link Wiring#of} (in-memory metrics, system clock). */
    public static Topology build(ModerationConfig config, EngineSupplier engine) {
        return build(config, Wiring.of(engine));
    }

    /** Builds the whole topology, with the stores the configuration says. */
    public static Topology build(ModerationConfig config, Wiring wiring) {
        return build(config, wiring, false);
    }

    /**
     * Builds the whole topology.
     *
     * @param objectStores true for {@code replay}: every store keeps the state records themselves in memory,
     *                     without changelog or serialization (same graph, names and processors; the configured
     *                     store kind and changelog setting are ignored)
     */
    public static Topology build(ModerationConfig config, Wiring wiring, boolean objectStores) {
        Graph.Kafka graph = new Graph.Kafka();
        new ModerationTopology(graph, config, wiring, objectStores).wire();
        return graph.topology;
    }

    /**
     * The same graph on an {@link InProcessRunner} ({@code replay}): the same processors, stores of objects, and
     * events passed between processors as objects, without Kafka Streams' task machinery.
     */
    public static InProcessRunner runner(ModerationConfig config, Wiring wiring) {
        InProcessRunner runner = new InProcessRunner();
        new ModerationTopology(runner.graph(), config, wiring, true).wire();
        return runner;
    }

    private void wire() {
        int maxBytes = config.getInt(ModerationConfig.MESSAGE_MAX_BYTES);
        TimestampExtractor eventTime = new EventTimeExtractor(wiring.clock(),
                config.getLong(ModerationConfig.CLOCK_SKEW_MAX_MS));

        // ---- global stores, read on every instance; profiles straight from the operator's compacted topic
        globalStore(Stores.PROFILES, Stores.USER_SERDE, topics.profiles().name(),
                InputReader.of(Profile.class, maxBytes), ProfileLoader::new, false);
        globalStore(Stores.USER_FACTS, Stores.USER_SERDE, topics.facts().name(),
                topics.facts().valueSerde().deserializer(), () -> new GlobalUpsert<>(Stores.USER_FACTS), false);
        globalStore(Stores.DISMISSALS, Stores.DISMISSAL_SERDE, topics.dismissals().name(),
                topics.dismissals().valueSerde().deserializer(), () -> new GlobalUpsert<>(Stores.DISMISSALS), true);
        globalStore(Stores.BANNED_DEVICES, Stores.DEVICE_SERDE, topics.bannedDevices().name(),
                topics.bannedDevices().valueSerde().deserializer(),
                () -> new GlobalUpsert<>(Stores.BANNED_DEVICES), true);

        // ---- chat messages
        InputReader<ChatMessage> messageReader = InputReader.messages(maxBytes,
                config.getInt(ModerationConfig.MESSAGE_TEXT_MAX_CHARS),
                config.getInt(ModerationConfig.MESSAGE_RECIPIENTS_MAX));
        reader(MESSAGE_READER, topics.messages().name(), messageReader, eventTime, CONVERSATION_ASSESSOR,
                (key, m) -> null);
        graph.processor(CONVERSATION_ASSESSOR,
                () -> new ConversationAssessor(CONVERSATION_ASSESSOR, config, wiring), MESSAGE_READER);
        store(Stores.CONVERSATIONS, Stores.CONVERSATION_SERDE, CONVERSATION_ASSESSOR);
        store(Stores.CHAIN_CONVERSATIONS, Stores.CHAIN_SERDE, CONVERSATION_ASSESSOR);
        outputs(CONVERSATION_ASSESSOR, Output.ALERTS, Output.ACTIONS, Output.INDEX_EVENTS, Output.USER_EVENTS,
                Output.SENDER_EVENTS, Output.DEVICE_EVENTS, Output.DISMISSALS);

        // ---- decisions: to the alert index, keyed by alertId
        reader(DECISION_READER, topics.decisions().name(), InputReader.of(Decision.class, maxBytes), eventTime,
                DECISION_INDEXER, (key, d) -> d.alertId() == null || d.alertId().isBlank()
                        ? "decision without an alertId" : null);
        graph.processor(DECISION_INDEXER, DecisionIndexer::new, DECISION_READER);
        outputs(DECISION_INDEXER, Output.INDEX_EVENTS);

        // ---- erasure requests: the key is the user id, the value is not read
        reader(ERASURE_READER, topics.erasure().name(), new AnyValue(), eventTime, ERASURE_ROUTER,
                (key, ignored) -> key == null || key.isBlank() ? "erasure request without a user id key" : null);
        graph.processor(ERASURE_ROUTER, () -> new ErasureRouter(ERASURE_ROUTER, config, wiring),
                ERASURE_READER);
        outputs(ERASURE_ROUTER, Output.USER_EVENTS, Output.SENDER_EVENTS, Output.DEVICE_EVENTS);

        // ---- senders, devices, the alert index and the user facts: each reads its own event topic
        events(SENDER_ASSESSOR, topics.senderEvents(), () -> new SenderAssessor(SENDER_ASSESSOR, config, wiring));
        store(Stores.SENDERS, Stores.SENDER_SERDE, SENDER_ASSESSOR);
        store(Stores.CHAIN_SENDERS, Stores.CHAIN_SERDE, SENDER_ASSESSOR);
        outputs(SENDER_ASSESSOR, Output.ALERTS, Output.ACTIONS, Output.INDEX_EVENTS);

        events(DEVICE_ASSESSOR, topics.deviceEvents(), () -> new DeviceAssessor(DEVICE_ASSESSOR, config, wiring));
        store(Stores.DEVICES, Stores.DEVICE_SERDE, DEVICE_ASSESSOR);
        store(Stores.CHAIN_DEVICES, Stores.CHAIN_SERDE, DEVICE_ASSESSOR);
        outputs(DEVICE_ASSESSOR, Output.ALERTS, Output.ACTIONS, Output.INDEX_EVENTS, Output.BANNED_DEVICES);

        events(DECISION_APPLIER, topics.indexEvents(),
                () -> new DecisionApplier(DECISION_APPLIER, config, wiring));
        store(Stores.ALERT_INDEX, Stores.ALERT_REF_SERDE, DECISION_APPLIER);
        outputs(DECISION_APPLIER, Output.USER_EVENTS, Output.DISMISSALS);

        events(USER_FACTS_KEEPER, topics.userEvents(),
                () -> new UserFactsKeeper(USER_FACTS_KEEPER, config, wiring));
        store(Stores.USERS, Stores.USER_SERDE, USER_FACTS_KEEPER);
        outputs(USER_FACTS_KEEPER, Output.FACTS, Output.DEVICE_EVENTS);
    }

    /** A source on an operator's input topic, read without ever throwing, and its router (valid on, else DLQ). */
    private <T> void reader(String name, String topic, Deserializer<Parsed<T>> reader, TimestampExtractor eventTime,
                            String next, InputRouter.Validator<T> validator) {
        graph.source(name + "-source", topic, eventTime, Serdes.ByteArray().deserializer(), reader);
        graph.processor(name, () -> new InputRouter<>(name, next, validator, wiring), name + "-source");
        sink(name, Output.DLQ, topics.dlq());
    }

    /** A source on one of the application's event topics, and its processor. */
    private <V> void events(String processor, Topics.Topic<String, V> topic,
                            ProcessorSupplier<String, V, Object, Object> supplier) {
        graph.source(processor + "-source", topic.name(), null, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
        graph.processor(processor, supplier, processor + "-source");
    }

    /** The sinks of a processor's outputs, each to the topic of the same type. */
    private void outputs(String processor, Output<?, ?>... outputs) {
        for (Output<?, ?> output : outputs) {
            sink(processor, output);
        }
    }

    @SuppressWarnings("unchecked")
    private <K, V> void sink(String processor, Output<K, V> output) {
        Topics.Topic<K, V> topic = (Topics.Topic<K, V>) topicOf(output);
        sink(processor, output, topic);
    }

    private <K, V> void sink(String processor, Output<K, V> output, Topics.Topic<K, V> topic) {
        graph.sink(output.sinkOf(processor), topic.name(), topic.keySerde().serializer(),
                topic.valueSerde().serializer(), processor);
    }

    /** The topic each output writes (the types of both are declared once, in {@link Output} and {@link Topics}). */
    private Topics.Topic<?, ?> topicOf(Output<?, ?> output) {
        Map<Output<?, ?>, Topics.Topic<?, ?>> byOutput = Map.of(Output.ALERTS, topics.alerts(), Output.ACTIONS,
                topics.actions(), Output.DLQ, topics.dlq(), Output.FACTS, topics.facts(), Output.DISMISSALS,
                topics.dismissals(), Output.BANNED_DEVICES, topics.bannedDevices(), Output.USER_EVENTS,
                topics.userEvents(), Output.SENDER_EVENTS, topics.senderEvents(), Output.DEVICE_EVENTS,
                topics.deviceEvents(), Output.INDEX_EVENTS, topics.indexEvents());
        Topics.Topic<?, ?> topic = byOutput.get(output);
        if (topic == null) {
            throw new IllegalArgumentException("no topic for output " + output.name());
        }
        return topic;
    }

    /** A task store of one processor, with a changelog unless the configuration or replay turns it off. */
    private <V> void store(String name, Serde<V> serde, String processor) {
        graph.store(storeBuilder(name, serde, true, false), processor);
    }

    private <V> StoreBuilder<KeyValueStore<String, V>> storeBuilder(String name, Serde<V> serde, boolean changelog,
                                                                   boolean small) {
        if (objectStores) {
            return ObjectStore.builder(name);
        }
        return Stores.keyValue(name, serde, small || config.inMemoryStores(), changelog && config.changelogged());
    }

    /**
     * A global store kept by {@code processor} from {@code topic} (restored through the same processor).
     *
     * @param small true for a table that stays small (dismissals, banned devices): always in memory
     */
    private <V, T> void globalStore(String name, Serde<V> serde, String topic, Deserializer<T> values,
                                    ProcessorSupplier<String, T, Void, Void> processor, boolean small) {
        graph.globalStore(storeBuilder(name, serde, false, small), name + "-source", topic,
                Serdes.String().deserializer(), values, name + "-loader", processor);
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

    /**
     * Keeps the profiles store from the operator's compacted profiles topic: the profile part of each user. A
     * tombstone deletes it. An unreadable profile cannot go to the DLQ from here (a global store's processor
     * forwards nothing): it is logged by coordinates and counted in {@code moderation.dlq.records} with its
     * reason, and the user keeps the profile known before.
     */
    private final class ProfileLoader implements Processor<String, Parsed<Profile>, Void, Void> {
        private ProcessorContext<Void, Void> context;
        private KeyValueStore<String, UserState> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            store = context.getStateStore(Stores.PROFILES);
        }

        @Override
        public void process(Record<String, Parsed<Profile>> record) {
            Parsed<Profile> p = record.value();
            if (p == null || p.raw() == null) {
                if (record.key() != null) {
                    store.delete(record.key()); // a tombstone on the operator's compacted topic
                }
                return;
            }
            if (!p.isOk() || p.value().userId() == null || p.value().userId().isBlank()) {
                wiring.metrics().dlq(p.isOk() ? io.vigie.stream.serde.DlqReason.INVALID : p.reason());
                LOG.warn("Unreadable profile {} ignored: {}", context.recordMetadata()
                        .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?"),
                        p.isOk() ? "no userId" : p.reason().value());
                return;
            }
            Profile profile = p.value();
            Instant at = profile.updatedAt() != null ? profile.updatedAt() : Instant.ofEpochMilli(record.timestamp());
            Profile timed = new Profile(profile.type(), profile.userId(), profile.declaredAge(), profile.gender(),
                    profile.postalCode(), profile.accountCreatedAt(), profile.deviceId(), profile.ipHash(), at);
            store.put(profile.userId(), UserState.unknown(profile.userId()).withProfile(timed));
        }
    }

    /** A decision goes to the alert index, keyed by its alertId. */
    private static final class DecisionIndexer implements Processor<String, Decision, Object, Object> {
        private ProcessorContext<Object, Object> context;

        @Override
        public void init(ProcessorContext<Object, Object> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, Decision> record) {
            Decision d = record.value();
            context.forward(new Record<>(d.alertId(), new Events.IndexEvent(null, d),
                    context.currentSystemTimeMs()), Output.INDEX_EVENTS.sinkOf(DECISION_INDEXER));
        }
    }

    /** An erasure request goes to the user facts, the sender state and each of the user's devices. */
    private static final class ErasureRouter extends ModerationProcessor<String, Boolean> {
        ErasureRouter(String name, ModerationConfig config, Wiring wiring) {
            super(name, config, wiring, null);
        }

        @Override
        public void process(Record<String, Boolean> record) {
            String userId = record.key();
            Instant at = Instant.ofEpochMilli(record.timestamp());
            forward(Output.USER_EVENTS, userId, Events.UserEvent.erase(at));
            forward(Output.SENDER_EVENTS, userId, Events.SideEvent.of(Events.SideEventKind.ERASE, userId, at));
            for (String device : io.vigie.core.assess.DeviceAssessor.deviceKeysOf(everythingKnown(userId))) {
                forward(Output.DEVICE_EVENTS, device, Events.SideEvent.of(Events.SideEventKind.ERASE, userId, at));
            }
        }

        @Override
        protected void sweep(long horizonMs) {
            // keeps nothing
        }
    }

    /** Erasure requests: any value (or none) reads as a request. */
    private static final class AnyValue implements Deserializer<Parsed<Boolean>> {
        @Override
        public Parsed<Boolean> deserialize(String topic, byte[] data) {
            return Parsed.ok(data == null ? new byte[0] : data, Boolean.TRUE);
        }
    }
}
