package io.vigie.stream.topology;

import io.vigie.stream.config.ConfigLoader;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        String described = ModerationTopology.build(new StreamsBuilder(), config, Wiring.of(() -> {
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
    void shouldNameEveryInternalTopicExplicitly() throws Exception {
        ModerationConfig config = ConfigLoader.load(null, Map.of(), Map.of());
        String described = ModerationTopology.build(new StreamsBuilder(), config, Wiring.of(() -> null))
                .describe().toString();
        Matcher m = Pattern.compile("[A-Za-z-]+-repartition|KSTREAM-[A-Z]+-\\d+|KTABLE-[A-Z]+-\\d+")
                .matcher(described);
        TreeSet<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group());
        }
        assertTrue(names.stream().noneMatch(n -> n.startsWith("KSTREAM-") || n.startsWith("KTABLE-")),
                "generated names are unstable: " + names);
        assertEquals(new TreeSet<>(java.util.List.of("alert-index-events-repartition", "device-events-repartition",
                "sender-events-repartition", "user-events-repartition")), names);
    }
}
