package io.vigie.stream.it;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Producing and reading for the integration tests: every send acknowledged, every read {@code read_committed}. */
public final class ItKafka {

    private ItKafka() {
    }

    /**
     * The settings of a test producer whose every send is acknowledged: {@code extra} (e.g. SASL settings), then
     * the brokers, {@code acks=all}, idempotence, a 10 s request and 30 s delivery timeout, and a 30 s
     * {@code max.block.ms} unless {@code extra} sets one. A new mutable map; neither argument may be null.
     */
    public static Map<String, Object> ackedProducerConfig(String bootstrap, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return config;
    }

    /** Sends every line to its topic with an idempotent producer and fails if any send is not acknowledged. */
    static List<RecordMetadata> produce(String bootstrap, Map<String, Object> security, String topic,
                                        List<Conversations.Line> lines) {
        Map<String, Object> config = ackedProducerConfig(bootstrap, security);
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Conversations.Line line : lines) {
                byte[] key = line.key() == null ? null : line.key().getBytes(StandardCharsets.UTF_8);
                acks.add(producer.send(new ProducerRecord<>(topic, key, line.value())));
            }
            producer.flush();
            List<RecordMetadata> out = new ArrayList<>();
            for (Future<RecordMetadata> ack : acks) {
                out.add(ack.get(30, TimeUnit.SECONDS));
            }
            return out;
        } catch (ExecutionException e) {
            throw new AssertionError("a test record was not acknowledged: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("a test record was not acknowledged in time", e);
        }
    }

    /**
     * Sends the lines one by one, {@code gapMs} apart, with one idempotent producer, like live chat; fails if any
     * send is not acknowledged.
     */
    static void produceSlowly(String bootstrap, Map<String, Object> security, String topic,
                              List<Conversations.Line> lines, long gapMs) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Conversations.Line line : lines) {
                producer.send(new ProducerRecord<>(topic, line.key().getBytes(StandardCharsets.UTF_8),
                        line.value())).get(30, TimeUnit.SECONDS);
                Thread.sleep(gapMs);
            }
        } catch (ExecutionException e) {
            throw new AssertionError("a test record was not acknowledged: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("a test record was not acknowledged in time", e);
        }
    }

    /** Every committed record of the topic, from the beginning to its last stable offset at call time. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, Map<String, Object> security,
                                                       String topic) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new org.apache.kafka.common.serialization.StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(20));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) {
            if (consumer.position(e.getKey(), Duration.ofSeconds(10)) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until the Streams application has committed past every record of {@code inputTopic} and is at most one
     * offset (a transaction marker) behind the end of every other topic it consumes (its repartition topics), so
     * that everything it will write for that input is committed.
     */
    public static void awaitCaughtUp(String bootstrap, Map<String, Object> security, String applicationId,
                              String inputTopic, Duration timeout) {
        awaitCaughtUp(bootstrap, security, applicationId, inputTopic, timeout, () -> false);
    }

    /** As above, giving up at once when {@code gaveUp} says the app can no longer catch up (it died). */
    static void awaitCaughtUp(String bootstrap, Map<String, Object> security, String applicationId,
                              String inputTopic, Duration timeout, BooleanSupplier gaveUp) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        String[] last = {"nothing committed yet"};
        try (Admin admin = Admin.create(config)) {
            awaitTrue(timeout, () -> {
                if (gaveUp.getAsBoolean()) {
                    throw new AssertionError(applicationId + " died before catching up (" + last[0] + ")");
                }
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    for (var p : admin.describeTopics(List.of(inputTopic)).allTopicNames().get(10, TimeUnit.SECONDS)
                            .get(inputTopic).partitions()) {
                        latest.put(new TopicPartition(inputTopic, p.partition()), OffsetSpec.latest());
                    }
                    committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                    // a repartition topic appears in the committed offsets only after its first commit: take the
                    // partitions the members are assigned as well, and require a settled group
                    var group = admin.describeConsumerGroups(List.of(applicationId)).all()
                            .get(10, TimeUnit.SECONDS).get(applicationId);
                    if (group.groupState() != org.apache.kafka.common.GroupState.STABLE) {
                        last[0] = "group " + group.groupState();
                        return false;
                    }
                    group.members().forEach(m -> m.assignment().topicPartitions()
                            .forEach(tp -> latest.put(tp, OffsetSpec.latest())));
                    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                    for (var e : ends.entrySet()) {
                        long end = e.getValue().offset();
                        OffsetAndMetadata c = committed.get(e.getKey());
                        long done = c == null ? 0 : c.offset();
                        long slack = e.getKey().topic().equals(inputTopic) ? 0 : 1;
                        if (end - done > slack) {
                            last[0] = e.getKey() + " committed " + done + " of " + end;
                            return false;
                        }
                    }
                    return true;
                } catch (ExecutionException | TimeoutException e) {
                    last[0] = e.toString();
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }, () -> applicationId + " did not catch up: " + last[0]);
        }
    }

    /** Input records committed by the application so far, summed over the partitions of {@code inputTopic}. */
    static long committedInput(String bootstrap, Map<String, Object> security, String applicationId,
                               String inputTopic) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            return admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(inputTopic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot read the offsets of " + applicationId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void awaitTrue(Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> why) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(why.get());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
