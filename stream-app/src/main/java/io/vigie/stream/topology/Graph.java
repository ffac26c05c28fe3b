package io.vigie.stream.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * What {@link ModerationTopology} wires its nodes into: Kafka Streams' {@link Topology} for {@code run}, the demo
 * and the tests, or the {@link InProcessRunner} of {@code replay}. One wiring, two ways to run it.
 */
interface Graph {

    /** A source of one topic; {@code eventTime} null for the record's own timestamp. */
    void source(String name, String topic, TimestampExtractor eventTime, Deserializer<?> keys,
                Deserializer<?> values);

    <K, V> void processor(String name, ProcessorSupplier<K, V, Object, Object> supplier, String parent);

    void sink(String name, String topic, Serializer<?> keys, Serializer<?> values, String parent);

    void store(StoreBuilder<?> store, String processor);

    void globalStore(StoreBuilder<?> store, String source, String topic, Deserializer<?> keys, Deserializer<?> values,
                     String processor, ProcessorSupplier<?, ?, Void, Void> supplier);

    /** The Kafka Streams graph. */
    final class Kafka implements Graph {
        final Topology topology = new Topology();

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void source(String name, String topic, TimestampExtractor eventTime, Deserializer<?> keys,
                           Deserializer<?> values) {
            if (eventTime == null) {
                topology.addSource(org.apache.kafka.streams.AutoOffsetReset.earliest(), name, (Deserializer) keys,
                        (Deserializer) values, topic);
            } else {
                topology.addSource(org.apache.kafka.streams.AutoOffsetReset.earliest(), name, eventTime,
                        (Deserializer) keys, (Deserializer) values, topic);
            }
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <K, V> void processor(String name, ProcessorSupplier<K, V, Object, Object> supplier, String parent) {
            topology.addProcessor(name, (ProcessorSupplier) supplier, parent);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void sink(String name, String topic, Serializer<?> keys, Serializer<?> values, String parent) {
            topology.addSink(name, topic, (Serializer) keys, (Serializer) values, parent);
        }

        @Override
        public void store(StoreBuilder<?> store, String processor) {
            topology.addStateStore(store, processor);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void globalStore(StoreBuilder<?> store, String source, String topic, Deserializer<?> keys,
                                Deserializer<?> values, String processor,
                                ProcessorSupplier<?, ?, Void, Void> supplier) {
            topology.addGlobalStore(store, source, (Deserializer) keys, (Deserializer) values, topic, processor,
                    (ProcessorSupplier) supplier);
        }
    }
}
