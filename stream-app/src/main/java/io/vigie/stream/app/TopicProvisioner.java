package io.vigie.stream.app;

import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The topics the application reads and writes: checks they exist and, only when
 * {@code moderation.topics.create=true}, creates the missing ones and waits until every partition is online
 * (a {@code listOffsets} loop: producing right after creation can silently lose records, KAFKA-15591).
 * The facts and dismissals topics are compacted.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final List<String> TOPIC_KEYS = List.of(ModerationConfig.TOPIC_MESSAGES,
            ModerationConfig.TOPIC_PROFILES, ModerationConfig.TOPIC_DECISIONS, ModerationConfig.TOPIC_ERASURE,
            ModerationConfig.TOPIC_ALERTS, ModerationConfig.TOPIC_ACTIONS, ModerationConfig.TOPIC_DLQ,
            ModerationConfig.TOPIC_FACTS, ModerationConfig.TOPIC_DISMISSALS);
    private static final Set<String> COMPACTED = Set.of(ModerationConfig.TOPIC_PROFILES,
            ModerationConfig.TOPIC_FACTS, ModerationConfig.TOPIC_DISMISSALS);

    private TopicProvisioner() {
    }

    /** Every topic name of the configuration. */
    public static Set<String> topics(ModerationConfig config) {
        Set<String> names = new LinkedHashSet<>();
        TOPIC_KEYS.forEach(k -> names.add(config.getString(k)));
        return names;
    }

    /**
     * Makes sure every topic exists.
     *
     * @return the names still missing (empty when all exist); with creation on, always empty
     */
    public static Set<String> ensure(Admin admin, ModerationConfig config, Duration timeout)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Set<String> missing = new LinkedHashSet<>(topics(config));
        missing.removeAll(existing);
        if (missing.isEmpty() || !config.getBoolean(ModerationConfig.TOPICS_CREATE)) {
            return missing;
        }
        int partitions = config.getInt(ModerationConfig.TOPICS_PARTITIONS);
        short rf = config.getShort(ModerationConfig.TOPICS_REPLICATION_FACTOR);
        List<NewTopic> create = new ArrayList<>();
        for (String key : TOPIC_KEYS) {
            String name = config.getString(key);
            if (!missing.contains(name)) {
                continue;
            }
            NewTopic t = new NewTopic(name, Optional.of(partitions), rf < 0 ? Optional.empty() : Optional.of(rf));
            if (COMPACTED.contains(key)) {
                t.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            create.add(t);
        }
        try {
            admin.createTopics(create).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        LOG.info("Created topics {}", missing);
        awaitOnline(admin, missing, timeout);
        return Set.of();
    }

    /** Waits until every partition of {@code topics} has a leader that answers ListOffsets. */
    public static void awaitOnline(Admin admin, Set<String> topics, Duration timeout) throws InterruptedException,
            java.util.concurrent.TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> d = admin.describeTopics(topics).allTopicNames().get();
                Map<TopicPartition, OffsetSpec> request = new HashMap<>();
                d.values().forEach(t -> t.partitions().forEach(p -> request.put(
                        new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
                admin.listOffsets(request).all().get();
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw new java.util.concurrent.TimeoutException("partitions of " + topics
                            + " not online after " + timeout + ": " + e.getCause());
                }
                Thread.sleep(100);
            }
        }
    }
}
