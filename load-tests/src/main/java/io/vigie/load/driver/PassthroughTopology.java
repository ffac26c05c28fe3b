package io.vigie.load.driver;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.core.contract.ChatMessage;
import io.vigie.stream.sim.SimJson;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The pass-through baseline: the moderation topology's message path without scoring. Each input message is
 * parsed into a {@link ChatMessage}, re-keyed by sender and written as an action-shaped record carrying its
 * messageId, under the same processing guarantee and commit interval. Run as its own JVM by the driver,
 * configured like {@code bin/moderation run}: {@code KAFKA_*} environment variables become Streams settings
 * ({@code KAFKA_COMMIT_INTERVAL_MS} is {@code commit.interval.ms}), {@code MODERATION_TOPICS_MESSAGES} and
 * {@code MODERATION_TOPICS_ACTIONS} name the topics.
 */
public final class PassthroughTopology {

    private PassthroughTopology() {
    }

    /** The topology: messages → parse → key by sender → action-shaped JSON → actions. */
    static Topology build(String messagesTopic, String actionsTopic) {
        ObjectMapper mapper = SimJson.mapper();
        ObjectReader reader = mapper.readerFor(ChatMessage.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(messagesTopic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-messages"))
                .flatMap((key, value) -> {
                    ChatMessage message;
                    try {
                        message = reader.readValue(value);
                    } catch (IOException | RuntimeException e) {
                        return java.util.List.<KeyValue<String, byte[]>>of();
                    }
                    ObjectNode action = mapper.createObjectNode();
                    action.put("userId", message.senderId());
                    action.put("action", "REVIEW");
                    action.put("messageId", message.messageId());
                    action.put("reason", "passthrough");
                    byte[] out;
                    try {
                        out = mapper.writeValueAsBytes(action);
                    } catch (IOException e) {
                        return java.util.List.<KeyValue<String, byte[]>>of();
                    }
                    return java.util.List.of(KeyValue.pair(message.senderId(), out));
                }, Named.as("parse-and-act"))
                .to(actionsTopic, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("write-actions"));
        return builder.build();
    }

    /** Streams settings from {@code KAFKA_*} variables, as {@code bin/moderation run} reads them. */
    static Properties streamsProperties(Map<String, String> env) {
        Properties props = new Properties();
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !name.endsWith("_OPTS") && name.length() > 6) {
                props.put(name.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        props.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "vigie-passthrough");
        return props;
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        String messages = env.getOrDefault("MODERATION_TOPICS_MESSAGES", "chat.messages");
        String actions = env.getOrDefault("MODERATION_TOPICS_ACTIONS", "moderation.actions");
        KafkaStreams streams = new KafkaStreams(build(messages, actions), streamsProperties(env));
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(java.time.Duration.ofSeconds(10));
            done.countDown();
        }, "passthrough-shutdown"));
        streams.start();
        done.await();
    }
}
