package io.vigie.stream.topology;

import io.vigie.stream.config.ConfigLoader;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden test of {@code topology.describe()}: node, store and internal topic names are part of a deployed
 * application (changelogs and repartition topics are named after them), so any change must be deliberate.
 * Regenerate with {@code -Dgolden.update=true} after an intended change, and say so in the release notes.
 */
class TopologyDescriptionTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/topology.txt");

    @Test
    void shouldKeepTopologyNamesStable() throws Exception {
        // given
        ModerationConfig config = ConfigLoader.load(null, Map.of(), Map.of());
        // when
        String described = ModerationTopology.build(config, Wiring.of(() -> {
            throw new AssertionError("describe needs no engine");
        })).describe().toString();
        // then
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, described, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), described);
    }

    @Test
    void shouldWireEveryTopicOfTheRegistryWithNamedNodesOnly() throws Exception {
        ModerationConfig config = ConfigLoader.load(null, Map.of(), Map.of());
        TopologyDescription d = ModerationTopology.build(config, Wiring.of(() -> null)).describe();
        java.util.Set<String> topics = new TreeSet<>();
        java.util.Set<String> nodes = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : d.subtopologies()) {
            for (TopologyDescription.Node n : sub.nodes()) {
                nodes.add(n.name());
                if (n instanceof TopologyDescription.Source s) {
                    topics.addAll(s.topicSet());
                } else if (n instanceof TopologyDescription.Sink s) {
                    topics.add(s.topic());
                }
            }
        }
        for (TopologyDescription.GlobalStore g : d.globalStores()) {
            topics.addAll(g.source().topicSet());
        }
        assertTrue(nodes.stream().noneMatch(n -> n.startsWith("KSTREAM-") || n.startsWith("KTABLE-")),
                "generated names are unstable: " + nodes);
        assertEquals(new TreeSet<>(Topics.of(config).all().stream().map(Topics.Topic::name).toList()), topics,
                "the topology reads and writes exactly the topics of the registry");
        // each task reads one topic: nothing to align by time
        for (TopologyDescription.Subtopology sub : d.subtopologies()) {
            long sources = sub.nodes().stream().filter(n -> n instanceof TopologyDescription.Source).count();
            assertEquals(1, sources, "sub-topology " + sub.id() + " reads several topics");
        }
    }
}
