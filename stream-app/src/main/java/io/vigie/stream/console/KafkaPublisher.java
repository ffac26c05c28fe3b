package io.vigie.stream.console;

import io.vigie.stream.serde.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The console's writes to Kafka, each call one transaction: a decision with the end of its claim and its audit
 * line, a claim with its audit line, or an audit line alone. Readers with {@code read_committed} (the engine, other
 * console instances) see all of a call's records or none. The transactional id is the console's group id and
 * instance id, so a restarted instance aborts its own unfinished transaction at once; the transaction timeout is
 * short (10 s) so that a crashed instance holds back readers of these topics no longer than that.
 *
 * <p>Thread-safe: calls are serialised (one transaction at a time; reviewers work at human speed).
 */
final class KafkaPublisher implements Publisher {

    private static final Duration APPLIED_TIMEOUT = Duration.ofSeconds(10);
    private static final long SEND_TIMEOUT_S = 30;

    private final KafkaProducer<String, byte[]> producer;
    private final TopicFeed feed;
    private final String decisionsTopic;
    private final String claimsTopic;
    private final String auditTopic;
    private boolean fenced;

    KafkaPublisher(ConsoleConfig config, String transactionalId, TopicFeed feed) {
        this.feed = feed;
        this.decisionsTopic = config.getString(ConsoleConfig.TOPIC_DECISIONS);
        this.claimsTopic = config.getString(ConsoleConfig.TOPIC_CLAIMS);
        this.auditTopic = config.getString(ConsoleConfig.TOPIC_AUDIT);
        var props = config.producerProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.producer.initTransactions();
    }

    @Override
    public synchronized void claim(ClaimRecord claim, AuditEvent audit) throws PublishException {
        List<RecordMetadata> written = write(List.of(
                new ProducerRecord<>(claimsTopic, claim.alertId(), json(claim)),
                auditRecord(audit)));
        awaitApplied(written.get(0));
    }

    @Override
    public synchronized void decide(ReviewDecision decision, AuditEvent audit) throws PublishException {
        List<RecordMetadata> written = write(List.of(
                new ProducerRecord<>(decisionsTopic, decision.alertId(), json(decision)),
                // the claim has done its work: a tombstone lets compaction drop it
                new ProducerRecord<>(claimsTopic, decision.alertId(), null),
                auditRecord(audit)));
        awaitApplied(written.get(0));
        awaitApplied(written.get(1));
    }

    @Override
    public synchronized void audit(AuditEvent audit) throws PublishException {
        write(List.of(auditRecord(audit)));
    }

    private ProducerRecord<String, byte[]> auditRecord(AuditEvent audit) {
        return new ProducerRecord<>(auditTopic, audit.alertId() != null ? audit.alertId() : audit.actor(),
                json(audit));
    }

    private List<RecordMetadata> write(List<ProducerRecord<String, byte[]>> records) throws PublishException {
        if (fenced) {
            throw new PublishException("another console instance uses this instance id; restart with a unique "
                    + ConsoleConfig.INSTANCE_ID, null);
        }
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (ProducerRecord<String, byte[]> r : records) {
                acks.add(producer.send(r));
            }
            producer.commitTransaction();
            List<RecordMetadata> out = new ArrayList<>();
            for (Future<RecordMetadata> ack : acks) {
                out.add(ack.get(SEND_TIMEOUT_S, TimeUnit.SECONDS));
            }
            return out;
        } catch (ProducerFencedException e) {
            fenced = true;
            ConsoleLog.LOG.error("This console's producer was fenced: another instance has the same {}",
                    ConsoleConfig.INSTANCE_ID);
            throw new PublishException("fenced by another console instance", e);
        } catch (AuthorizationException e) {
            abortQuietly();
            throw new PublishException("Kafka refused the write: " + e.getMessage(), e);
        } catch (KafkaException | ExecutionException | TimeoutException e) {
            abortQuietly();
            ConsoleLog.LOG.warn("A console write failed and was rolled back: {}", e.getClass().getSimpleName());
            throw new PublishException("Kafka did not take the write; nothing was recorded", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abortQuietly();
            throw new PublishException("interrupted", e);
        }
    }

    private void awaitApplied(RecordMetadata md) throws PublishException {
        try {
            if (!feed.awaitApplied(md.topic(), md.partition(), md.offset(), APPLIED_TIMEOUT)) {
                throw new PublishException("recorded, but the queue has not caught up yet; reload in a moment", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted", e);
        }
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            ConsoleLog.LOG.warn("Aborting a console transaction failed: {}", e.getClass().getSimpleName());
        }
    }

    private static byte[] json(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            producer.close(Duration.ofSeconds(5));
        } catch (KafkaException e) {
            ConsoleLog.LOG.warn("Closing the console's producer: {}", e.getClass().getSimpleName());
        }
    }
}
