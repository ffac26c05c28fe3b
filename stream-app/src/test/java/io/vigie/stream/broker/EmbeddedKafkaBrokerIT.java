package io.vigie.stream.broker;

import io.vigie.stream.it.ItKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded broker is a real cluster: records survive a restart, SASL refuses a wrong password. */
class EmbeddedKafkaBrokerIT {

    @Test
    void shouldKeepEveryRecordAcrossARestartAndDeleteItsDirectoryOnClose() throws Exception {
        Path dir;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create().start()) {
            dir = broker.dataDir();
            // given a fresh topic written right after creation, the case where KAFKA-15591 loses records
            broker.createTopics(3, "broker-it.roundtrip");
            produce(broker.bootstrapServers(), Map.of(), "broker-it.roundtrip", 0, 2000);

            // when the broker restarts on the same data directory and ports
            broker.stop();
            assertFalse(broker.isRunning());
            broker.start();
            produce(broker.bootstrapServers(), Map.of(), "broker-it.roundtrip", 2000, 500);

            // then every record is there exactly once
            List<String> values = consumeAll(broker.bootstrapServers(), Map.of(), "broker-it.roundtrip", 2500);
            assertEquals(2500, values.size());
            assertEquals(2500, values.stream().distinct().count());
            assertTrue(Files.isDirectory(dir));
        }
        assertFalse(Files.exists(dir), "close must delete the broker directory");
    }

    @Test
    void shouldServeSaslPlainUserAndRefuseAWrongPassword() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                .withSaslPlainUser("vigie", "s3cret-test").build().start()) {
            broker.createTopics(1, "broker-it.sasl");
            Map<String, Object> good = sasl(broker.saslClientJaasConfig());
            produce(broker.saslBootstrapServers(), good, "broker-it.sasl", 0, 10);
            assertEquals(10, consumeAll(broker.saslBootstrapServers(), good, "broker-it.sasl", 10).size());

            Map<String, Object> bad = sasl(EmbeddedKafkaBroker.plainJaas("vigie", "wrong"));
            bad.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> produce(broker.saslBootstrapServers(), bad, "broker-it.sasl", 0, 1));
            assertInstanceOf(SaslAuthenticationException.class, e.getCause());
        }
    }

    @Test
    void shouldBeClosableTwiceAndRefuseToStartAfterClose() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create();
        broker.close();
        broker.close();
        assertThrows(IllegalStateException.class, broker::start);
    }

    private static Map<String, Object> sasl(String jaas) {
        Map<String, Object> config = new HashMap<>();
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "PLAIN");
        config.put("sasl.jaas.config", jaas);
        return config;
    }

    static void produce(String bootstrap, Map<String, Object> extra, String topic, int from, int count)
            throws Exception {
        Map<String, Object> config = ItKafka.ackedProducerConfig(bootstrap, extra);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = from; i < from + count; i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }
    }

    static List<String> consumeAll(String bootstrap, Map<String, Object> extra, String topic, int expected) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "broker-it-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
