package io.vigie.stream.app;

import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.topology.Topics;
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
 * The topics of {@link Topics}: checks they exist and creates the missing ones the application may create: its own
 * topics always (the event topics with as many partitions as the messages topic, or
 * {@code moderation.repartition.partitions}), the operator's only when {@code moderation.topics.create=true}.
 * Then waits until every partition is online (a {@code listOffsets} loop: producing right after creation can
 * silently lose records, KAFKA-15591). Tables are compacted; the other topics keep the broker's time retention,
 * which is safe because every record the application writes carries the processing time.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    /** Every topic name of the configuration. */
    public static Set<String> topics(ModerationConfig config) {
        Set<String> names = new LinkedHashSet<>();
        Topics.of(config).all().forEach(t -> names.add(t.name()));
        return names;
    }

    /**
     * Makes sure every topic exists.
     *
     * @return the operator's topics still missing (empty when all exist); with creation on, always empty
     */
    public static Set<String> ensure(Admin admin, ModerationConfig config, Duration timeout)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        Topics topics = Topics.of(config);
        Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        boolean createOperators = config.getBoolean(ModerationConfig.TOPICS_CREATE);
        Set<String> missing = new LinkedHashSet<>();
        List<Topics.Topic<?, ?>> create = new ArrayList<>();
        for (Topics.Topic<?, ?> t : topics.all()) {
            if (existing.contains(t.name())) {
                continue;
            }
            if (t.owner() == Topics.Owner.APPLICATION || createOperators) {
                create.add(t);
            } else {
                missing.add(t.name());
            }
        }
        if (!missing.isEmpty() || create.isEmpty()) {
            return missing;
        }
        int partitions = config.getInt(ModerationConfig.TOPICS_PARTITIONS);
        int eventPartitions = config.getInt(ModerationConfig.REPARTITION_PARTITIONS);
        if (eventPartitions <= 0) {
            eventPartitions = existing.contains(topics.messages().name())
                    ? partitionsOf(admin, topics.messages().name(), timeout) : partitions;
        }
        short rf = config.getShort(ModerationConfig.TOPICS_REPLICATION_FACTOR);
        List<NewTopic> requests = new ArrayList<>();
        for (Topics.Topic<?, ?> t : create) {
            int n = t.copartitioned() ? eventPartitions : partitions;
            NewTopic nt = new NewTopic(t.name(), Optional.of(n), rf < 0 ? Optional.empty() : Optional.of(rf));
            if (t.compacted()) {
                nt.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            requests.add(nt);
        }
        try {
            admin.createTopics(requests).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Set<String> created = new LinkedHashSet<>();
        requests.forEach(r -> created.add(r.name()));
        LOG.info("Created topics {}", created);
        awaitOnline(admin, created, timeout);
        return Set.of();
    }

    /** The partition count of an existing topic. */
    public static int partitionsOf(Admin admin, String topic, Duration timeout)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .get(topic).partitions().size();
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
