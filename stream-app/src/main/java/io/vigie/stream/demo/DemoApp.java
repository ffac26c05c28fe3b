package io.vigie.stream.demo;

import io.vigie.core.ModerationEngine;
import io.vigie.stream.config.ConfigLoader;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.engine.Engines;
import io.vigie.stream.topology.EngineSupplier;
import io.vigie.stream.topology.ModerationTopology;
import io.vigie.stream.topology.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The moderation topology as the demo runs it: the very {@link ModerationTopology} of {@code run}, with the
 * default engine, exactly_once_v2 and a 200 ms commit interval so that alerts show up promptly, in-process
 * against the embedded broker. {@link #close()} stops Streams and waits for it. Not thread-safe.
 */
final class DemoApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int PARTITIONS = 3;

    private final KafkaStreams streams;

    private DemoApp(KafkaStreams streams) {
        this.streams = streams;
    }

    /** The settings of the demo's app; the default topic names of the contract. */
    static Map<String, String> settings(String bootstrap, Path stateDir) {
        Map<String, String> s = new HashMap<>();
        s.put(ModerationConfig.BOOTSTRAP_SERVERS, bootstrap);
        s.put(ModerationConfig.APPLICATION_ID, "vigie-demo");
        s.put(ModerationConfig.STATE_DIR, stateDir.toString());
        s.put(ModerationConfig.PROCESSING_GUARANTEE, StreamsConfig.EXACTLY_ONCE_V2);
        s.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
        s.put(ModerationConfig.HTTP_PORT, "-1");
        return s;
    }

    /**
     * The demo's configuration: the environment's settings (e.g. {@code MODERATION_RULES_DIR}), with the contract's
     * default topic names on the embedded broker.
     */
    static ModerationConfig config(String bootstrap, Path stateDir) throws ConfigLoader.ConfigProblems {
        return ConfigLoader.load(null, System.getenv(), settings(bootstrap, stateDir));
    }

    /** Every topic the topology reads or writes (from {@link Topics}), the tables compacted. */
    static List<NewTopic> topics(ModerationConfig config) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topics.Topic<?, ?> t : Topics.of(config).all()) {
            NewTopic nt = new NewTopic(t.name(), PARTITIONS, (short) 1);
            if (t.compacted()) {
                nt.configs(Map.of("cleanup.policy", "compact"));
            }
            topics.add(nt);
        }
        return topics;
    }

    /** Builds and starts the topology; returns once Streams is RUNNING. */
    static DemoApp start(ModerationConfig config) {
        ModerationEngine engine;
        try {
            engine = Engines.load(config);
        } catch (io.vigie.core.load.LoadException e) {
            throw new IllegalStateException("the rule pack does not load: " + e.errors().size() + " errors, first: "
                    + e.errors().get(0));
        }
        Topology topology = ModerationTopology.build(config, EngineSupplier.of(engine));
        Map<String, Object> props = new HashMap<>(config.streamsProperties());
        KafkaStreams streams = new KafkaStreams(topology, new StreamsConfig(props));
        streams.setUncaughtExceptionHandler(e ->
                org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                        .REPLACE_THREAD);
        DemoApp app = new DemoApp(streams);
        streams.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (streams.state() == KafkaStreams.State.ERROR || System.nanoTime() > deadline) {
                app.close();
                throw new IllegalStateException("Kafka Streams did not reach RUNNING (state " + streams.state()
                        + ")");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                app.close();
                throw new IllegalStateException("interrupted while starting", e);
            }
        }
        return app;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(20));
    }
}
