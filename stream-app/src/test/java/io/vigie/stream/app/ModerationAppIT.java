package io.vigie.stream.app;

import io.vigie.stream.broker.EmbeddedKafkaBroker;
import io.vigie.stream.config.ConfigLoader;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run} against a real (embedded KRaft) broker: topics created, alerts out, HTTP up, graceful stop. */
class ModerationAppIT {

    @Test
    void shouldModerateLiveTrafficAndShutDownCleanly(@TempDir Path stateDir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create().start()) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Map<String, String> settings = new HashMap<>();
            settings.put(ModerationConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
            settings.put(ModerationConfig.APPLICATION_ID, "vigie-it-" + System.nanoTime());
            settings.put(ModerationConfig.STATE_DIR, stateDir.toString());
            settings.put(ModerationConfig.TOPICS_CREATE, "true");
            settings.put(ModerationConfig.TOPICS_PARTITIONS, "2");
            settings.put(ModerationConfig.HTTP_PORT, Integer.toString(port));
            settings.put(ModerationConfig.HTTP_BIND_ADDRESS, "127.0.0.1");
            settings.put(ModerationConfig.HTTP_TOKEN, "it-token");
            settings.put(ModerationConfig.APPLICATION_SERVER, "127.0.0.1:" + port);
            settings.put("commit.interval.ms", "100");
            ModerationConfig config = ConfigLoader.load(null, Map.of(), settings);
            ModerationApp app = new ModerationApp(config, new PrintStream(new ByteArrayOutputStream()));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return app.run();
                } catch (InterruptedException e) {
                    return -1;
                }
            });
            HttpClient http = HttpClient.newHttpClient();
            awaitReady(http, port, exit);

            Instant t0 = Instant.parse("2026-11-28T20:00:00Z");
            String[][] lines = {{"u-1", "u-2", "slt asv ?"}, {"u-2", "u-1", "j'ai 13 ans et toi"},
                {"u-1", "u-2", "t'es mature pour ton age"}, {"u-1", "u-2", "dis rien a tes parents, c'est notre secret"},
                {"u-1", "u-2", "ajoute moi sur snap"}, {"u-1", "u-2", "on se voit ce soir ? je viens te chercher"}};
            Map<String, Object> producerProps = new HashMap<>(broker.adminConfig());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                    new StringSerializer())) {
                for (int i = 0; i < lines.length; i++) {
                    String json = "{\"messageId\":\"m-" + i + "\",\"conversationId\":\"c-1\",\"senderId\":\""
                            + lines[i][0] + "\",\"recipientIds\":[\"" + lines[i][1] + "\"],\"sentAt\":\""
                            + t0.plusSeconds(60L * i) + "\",\"text\":\"" + lines[i][2] + "\"}";
                    producer.send(new ProducerRecord<>("chat.messages", "c-1", json)).get();
                }
                producer.send(new ProducerRecord<>("chat.messages", "c-2", "{broken")).get();
            }
            List<ConsumerRecord<String, String>> alerts = consume(broker, "moderation.alerts", 1);
            List<ConsumerRecord<String, String>> dlq = consume(broker, "chat.messages.dlq", 1);
            assertEquals("c-1", alerts.get(0).key());
            assertTrue(alerts.get(0).value().contains("CHILD_GROOMING"), alerts.get(0).value());
            assertEquals("{broken", dlq.get(0).value());

            HttpResponse<String> conv = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/conversations/c-1")).header("Authorization", "Bearer it-token").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, conv.statusCode(), conv.body());
            assertTrue(conv.body().contains("\"conversationId\":\"c-1\""), conv.body());
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("moderation_messages_scored_total 6.0"), metrics);
            assertTrue(metrics.contains("kafka_stream"), "Kafka Streams metrics are bound");
            assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM metrics are bound");

            app.stop();
            assertEquals(0, exit.get(60, TimeUnit.SECONDS));
        }
    }

    private static void awaitReady(HttpClient http, int port, CompletableFuture<Integer> exit) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertFalse(exit.isDone(), "the app stopped before becoming ready");
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the HTTP API starts after the topics are checked
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 60 s");
    }

    private static List<ConsumerRecord<String, String>> consume(EmbeddedKafkaBroker broker, String topic, int n) {
        Map<String, Object> props = new HashMap<>(broker.adminConfig());
        props.put("group.id", "it-" + topic + System.nanoTime());
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (out.size() < n && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        assertTrue(out.size() >= n, "expected " + n + " records on " + topic + ", got " + out.size());
        return out;
    }
}
