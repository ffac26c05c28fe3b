package io.vigie.stream.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.StoreBuilder;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the topology's processors in this thread, for {@code replay}: the same nodes, wired by the same
 * {@link ModerationTopology}, with stores of objects, and what a processor writes to one of the application's
 * own topics handed to that topic's reader as an object (no serialization, no commit, no routing by topic name).
 * Kafka Streams' {@code TopologyTestDriver} did the same work at a third of the speed: it commits after every
 * record and compiles every source topic name as a regular expression for every record it routes.
 *
 * <p>Order, as the test driver's: an input record is processed depth first through its processors; then the
 * records it wrote to the global tables are applied, in the order written; then the records it wrote to event
 * topics are processed, oldest first, each the same way, until none is left; only then the next input record.
 * Wall-clock punctuations (the sweeps) run when {@link #advanceWallClock} is called.
 *
 * <p>Not thread-safe: one replay per instance.
 */
public final class InProcessRunner {

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, List<Node>> sourcesByTopic = new HashMap<>();
    private final Map<String, Node> globalsByTopic = new HashMap<>();
    private final Map<String, StateStore> stores = new HashMap<>();
    private final Map<String, Consumer<byte[]>> outputs = new HashMap<>();
    private final Map<String, long[]> written = new HashMap<>();
    private final ArrayDeque<Pending> events = new ArrayDeque<>();
    private final List<Pending> tableUpdates = new ArrayList<>();
    private final List<Scheduled> punctuators = new ArrayList<>();
    private boolean started;
    private long wallClockMs = System.currentTimeMillis();
    private long streamTimeMs = -1;
    private RecordMetadata current;
    private long offset;

    InProcessRunner() {
    }

    /** Where written records of {@code topic} go, as the bytes its sink's serializer writes. */
    public void onOutput(String topic, Consumer<byte[]> sink) {
        outputs.put(topic, sink);
    }

    /** Records written so far to {@code topic} that nobody reads in this runner. */
    public long written(String topic) {
        long[] n = written.get(topic);
        return n == null ? 0 : n[0];
    }

    /**
     * Processes one input record of {@code topic} and everything it causes.
     *
     * @param timestamp the record's timestamp (used where its value carries no event time)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void pipe(String topic, byte[] key, byte[] value, long timestamp) {
        start();
        long at = offset++;
        Node global = globalsByTopic.get(topic);
        List<Node> sources = sourcesByTopic.get(topic);
        if (global == null && sources == null) {
            throw new IllegalArgumentException("no source reads topic " + topic);
        }
        Node source = global != null ? global : sources.get(0);
        Object k = source.keys.deserialize(topic, key);
        Object v = source.values.deserialize(topic, value);
        long ts = timestamp;
        if (source.eventTime != null) {
            ts = source.eventTime.extract(new ConsumerRecord<>(topic, 0, at, k, v), Math.max(streamTimeMs, 0));
        }
        current = metadata(topic, at);
        if (global != null) {
            ((Processor) global.processor).process(new Record<>(k, v, ts, new RecordHeaders()));
        } else {
            for (Node s : sources) {
                s.processChildren(new Record<>(k, v, ts, new RecordHeaders()));
            }
        }
        streamTimeMs = Math.max(streamTimeMs, ts);
        settle();
    }

    /** Runs the wall-clock punctuations due within {@code d} from now (the sweeps). */
    public void advanceWallClock(Duration d) {
        start();
        wallClockMs += d.toMillis();
        for (Scheduled s : punctuators) {
            while (s.next <= wallClockMs) {
                current = null;
                s.punctuator.punctuate(s.next);
                s.next += s.interval;
                settle();
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void settle() {
        while (true) {
            for (Pending p : tableUpdates) {
                Node g = globalsByTopic.get(p.topic);
                ((Processor) g.processor).process(p.record);
            }
            tableUpdates.clear();
            Pending next = events.poll();
            if (next == null) {
                return;
            }
            current = metadata(next.topic, offset++);
            for (Node s : sourcesByTopic.get(next.topic)) {
                s.processChildren(next.record);
            }
        }
    }

    private static RecordMetadata metadata(String topic, long offset) {
        return new RecordMetadata() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return offset;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void start() {
        if (started) {
            return;
        }
        started = true;
        for (Node n : nodes.values()) {
            if (n.supplier != null) {
                n.processor = n.supplier.get();
                ((Processor) n.processor).init(new NodeContext(n));
            }
        }
    }

    /** The graph that {@link ModerationTopology} wires into this runner. */
    Graph graph() {
        return new Graph() {
            @Override
            public void source(String name, String topic, TimestampExtractor eventTime, Deserializer<?> keys,
                               Deserializer<?> values) {
                Node n = node(name);
                n.keys = keys;
                n.values = values;
                n.eventTime = eventTime;
                sourcesByTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(n);
            }

            @Override
            public <K, V> void processor(String name, ProcessorSupplier<K, V, Object, Object> supplier, String parent) {
                node(name).supplier = supplier;
                node(parent).children.add(name);
            }

            @Override
            public void sink(String name, String topic, Serializer<?> keys, Serializer<?> values, String parent) {
                Node n = node(name);
                n.sinkTopic = topic;
                n.sinkValues = values;
                node(parent).children.add(name);
            }

            @Override
            public void store(StoreBuilder<?> store, String processor) {
                stores.computeIfAbsent(store.name(), k -> store.build());
            }

            @Override
            public void globalStore(StoreBuilder<?> store, String source, String topic, Deserializer<?> keys,
                                    Deserializer<?> values, String processor,
                                    ProcessorSupplier<?, ?, Void, Void> supplier) {
                stores.put(store.name(), store.build());
                Node n = node(processor);
                n.supplier = supplier;
                n.keys = keys;
                n.values = values;
                globalsByTopic.put(topic, n);
            }
        };
    }

    private Node node(String name) {
        return nodes.computeIfAbsent(name, Node::new);
    }

    /** A record written to a topic that a node of this runner reads. */
    private record Pending(String topic, Record<Object, Object> record) {
    }

    private static final class Scheduled implements Cancellable {
        final long interval;
        final Punctuator punctuator;
        long next;
        boolean cancelled;

        Scheduled(long interval, Punctuator punctuator, long first) {
            this.interval = interval;
            this.punctuator = punctuator;
            this.next = first;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final class Node {
        final String name;
        final List<String> children = new ArrayList<>();
        ProcessorSupplier<?, ?, ?, ?> supplier;
        Object processor;
        Deserializer<?> keys;
        Deserializer<?> values;
        TimestampExtractor eventTime;
        String sinkTopic;
        Serializer<?> sinkValues;

        Node(String name) {
            this.name = name;
        }

        void processChildren(Record<Object, Object> record) {
            for (String child : children) {
                deliver(nodes.get(child), record);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void deliver(Node target, Record<Object, Object> record) {
            if (target.sinkTopic == null) {
                ((Processor) target.processor).process(record);
                return;
            }
            String topic = target.sinkTopic;
            if (globalsByTopic.containsKey(topic)) {
                tableUpdates.add(new Pending(topic, record));
            } else if (sourcesByTopic.containsKey(topic)) {
                events.add(new Pending(topic, record));
            } else {
                Consumer<byte[]> out = outputs.get(topic);
                if (out != null) {
                    out.accept(((Serializer) target.sinkValues).serialize(topic, record.value()));
                }
                written.computeIfAbsent(topic, t -> new long[1])[0]++;
            }
        }
    }

    /** What a processor of this runner sees of Kafka Streams. */
    private final class NodeContext implements ProcessorContext<Object, Object> {
        private final Node node;

        NodeContext(Node node) {
            this.node = node;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <K, V> void forward(Record<K, V> record) {
            node.processChildren((Record<Object, Object>) record);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <K, V> void forward(Record<K, V> record, String childName) {
            if (!node.children.contains(childName)) {
                throw new IllegalArgumentException("unknown downstream node " + childName + " of " + node.name);
            }
            node.deliver(nodes.get(childName), (Record<Object, Object>) record);
        }

        @Override
        public String applicationId() {
            return "replay";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 0);
        }

        @Override
        public Optional<RecordMetadata> recordMetadata() {
            return Optional.ofNullable(current);
        }

        @Override
        public Serde<?> keySerde() {
            return null;
        }

        @Override
        public Serde<?> valueSerde() {
            return null;
        }

        @Override
        public File stateDir() {
            return null;
        }

        @Override
        public StreamsMetrics metrics() {
            throw new UnsupportedOperationException("no Kafka Streams metrics in replay");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S extends StateStore> S getStateStore(String name) {
            StateStore s = stores.get(name);
            if (s == null) {
                throw new IllegalArgumentException("no store " + name);
            }
            return (S) s;
        }

        @Override
        public Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback) {
            Scheduled s = new Scheduled(interval.toMillis(), callback, wallClockMs + interval.toMillis());
            if (type == PunctuationType.WALL_CLOCK_TIME) {
                punctuators.add(s);
            }
            return s;
        }

        @Override
        public Cancellable schedule(Instant startTime, Duration interval, PunctuationType type,
                                    Punctuator callback) {
            return schedule(interval, type, callback);
        }

        @Override
        public void commit() {
            // nothing to commit: no broker
        }

        @Override
        public Map<String, Object> appConfigs() {
            return Map.of();
        }

        @Override
        public Map<String, Object> appConfigsWithPrefix(String prefix) {
            return Map.of();
        }

        @Override
        public long currentSystemTimeMs() {
            return wallClockMs;
        }

        @Override
        public long currentStreamTimeMs() {
            return streamTimeMs;
        }
    }
}
