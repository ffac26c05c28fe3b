package io.vigie.stream.console;

import io.vigie.core.contract.Alert;
import io.vigie.stream.serde.Json;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads the alerts, decisions and claims topics into a {@link ReviewQueue}: every partition, from the beginning,
 * {@code read_committed}, on one thread. The topics are the queue's changelog, so every console instance rebuilds
 * the same state at startup and then follows it live. Its position is committed under the console's group id only
 * so that the usual tools show the console's lag.
 *
 * <p>{@link #ready()} turns true once the records that were in the topics at startup have all been applied;
 * {@link #awaitApplied} lets a request wait until the record it just wrote is in the queue (read your own writes).
 * An unreadable record is counted and skipped, logged by its coordinates only. Partitions added to a topic are
 * picked up within a minute.
 */
final class TopicFeed implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final long PARTITION_CHECK_MS = 60_000;

    private final ReviewQueue queue;
    private final ConsoleMetrics metrics;
    private final String alertsTopic;
    private final String decisionsTopic;
    private final String claimsTopic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final Map<TopicPartition, Long> applied = new HashMap<>();
    private Map<TopicPartition, Long> startupEnd;
    private volatile boolean ready;
    private volatile boolean stopping;
    private volatile Throwable failure;

    TopicFeed(ConsoleConfig config, ReviewQueue queue, ConsoleMetrics metrics) {
        this.queue = queue;
        this.metrics = metrics;
        this.alertsTopic = config.getString(ConsoleConfig.TOPIC_ALERTS);
        this.decisionsTopic = config.getString(ConsoleConfig.TOPIC_DECISIONS);
        this.claimsTopic = config.getString(ConsoleConfig.TOPIC_CLAIMS);
        Map<String, Object> props = config.consumerProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.getString(ConsoleConfig.GROUP_ID));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "vigie-console-feed");
        this.thread.setDaemon(true);
    }

    /** Assigns every partition, seeks to the beginning and starts following. */
    void start() {
        List<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        synchronized (applied) {
            startupEnd = new HashMap<>(end);
        }
        ConsoleLog.LOG.info("Rebuilding the queue from {} partitions ({} records at most)", partitions.size(),
                end.values().stream().mapToLong(Long::longValue).sum());
        thread.start();
    }

    /** True once everything that was in the topics at startup is applied. */
    boolean ready() {
        return ready;
    }

    /** The feed's fatal error, or null while it runs. */
    Throwable failure() {
        return failure;
    }

    /**
     * Waits until the record at {@code offset} of {@code topic}-{@code partition} has been applied.
     *
     * @return false on timeout
     */
    boolean awaitApplied(String topic, int partition, long offset, Duration timeout) throws InterruptedException {
        TopicPartition tp = new TopicPartition(topic, partition);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (applied) {
            while (applied.getOrDefault(tp, 0L) <= offset) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || failure != null) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(applied, left);
            }
            return true;
        }
    }

    private List<TopicPartition> partitions() {
        List<TopicPartition> out = new ArrayList<>();
        for (String topic : List.of(alertsTopic, decisionsTopic, claimsTopic)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            infos.forEach(p -> out.add(new TopicPartition(topic, p.partition())));
        }
        return out;
    }

    private void run() {
        long lastPartitionCheck = System.currentTimeMillis();
        try {
            while (!stopping) {
                var records = consumer.poll(POLL);
                for (ConsumerRecord<String, byte[]> r : records) {
                    apply(r);
                }
                Map<TopicPartition, Long> positions = new HashMap<>();
                for (TopicPartition tp : consumer.assignment()) {
                    positions.put(tp, consumer.position(tp));
                }
                synchronized (applied) {
                    applied.putAll(positions);
                    if (!ready && caughtUp()) {
                        ready = true;
                        ConsoleLog.LOG.info("Queue rebuilt: {} alerts in memory", queue.size());
                    }
                    applied.notifyAll();
                }
                if (!records.isEmpty()) {
                    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
                    positions.forEach((tp, p) -> commit.put(tp, new OffsetAndMetadata(p)));
                    consumer.commitAsync(commit, null);
                }
                if (System.currentTimeMillis() - lastPartitionCheck > PARTITION_CHECK_MS) {
                    lastPartitionCheck = System.currentTimeMillis();
                    addNewPartitions();
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                failure = e;
            }
        } catch (RuntimeException e) {
            failure = e;
            ConsoleLog.LOG.error("The console's topic feed stopped: {}", e.getClass().getSimpleName());
        } finally {
            synchronized (applied) {
                applied.notifyAll();
            }
        }
    }

    private boolean caughtUp() {
        for (var e : startupEnd.entrySet()) {
            if (applied.getOrDefault(e.getKey(), 0L) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void addNewPartitions() {
        List<TopicPartition> now = partitions();
        if (!consumer.assignment().containsAll(now)) {
            List<TopicPartition> added = now.stream().filter(tp -> !consumer.assignment().contains(tp)).toList();
            consumer.assign(now);
            consumer.seekToBeginning(added);
            ConsoleLog.LOG.info("Following {} new partitions", added.size());
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        Instant time = Instant.ofEpochMilli(r.timestamp());
        try {
            if (r.topic().equals(alertsTopic)) {
                if (r.value() == null) {
                    return;
                }
                Alert alert = Json.MAPPER.readValue(r.value(), Alert.class);
                if (queue.addAlert(alert, time)) {
                    metrics.alertRead();
                }
            } else if (r.topic().equals(decisionsTopic)) {
                if (r.value() == null) {
                    return;
                }
                ReviewDecision d = Json.MAPPER.readValue(r.value(), ReviewDecision.class);
                if (d.decidedAt() == null) {
                    d = new ReviewDecision(d.alertId(), d.reviewer(), d.verdict(), d.ban(), time, d.note(), d.action(),
                            d.categories(), d.userId(), d.deviceId(), d.override(), d.source());
                }
                queue.applyDecision(d);
            } else if (r.value() == null) {
                if (r.key() != null) {
                    queue.removeClaim(r.key());
                }
            } else {
                queue.applyClaim(Json.MAPPER.readValue(r.value(), ClaimRecord.class));
            }
        } catch (IOException | RuntimeException e) {
            // coordinates only: the exception's message may quote the record, i.e. chat text
            metrics.unreadable();
            ConsoleLog.LOG.warn("Unreadable record skipped at {}-{}@{} ({})", r.topic(), r.partition(), r.offset(),
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        } catch (RuntimeException e) {
            ConsoleLog.LOG.warn("Closing the console's consumer: {}", e.getClass().getSimpleName());
        }
    }
}
