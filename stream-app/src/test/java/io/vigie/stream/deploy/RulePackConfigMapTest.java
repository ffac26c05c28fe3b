package io.vigie.stream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/k8s/rules-configmap.yaml is the rule pack a cluster runs, rendered from a pack folder by
 * render-rules-configmap.sh (from the default pack unless told otherwise). It is a snapshot, not a link, so this
 * test holds it to the default pack byte for byte: a pack edit that renames a cue would otherwise leave the
 * manifests deploying rules the new lexicons refuse. MetricNamesIT then mounts it into the real application,
 * which compiles it.
 */
class RulePackConfigMapTest {

    static final Path DEFAULT_PACK = DeployFiles.root()
            .resolve("moderation-core/src/main/resources/io/vigie/core/rules/default");

    static ConfigMap configMap() {
        List<JsonNode> docs = DeployFiles.yamlDocuments(DeployFiles.deploy("k8s/rules-configmap.yaml"));
        assertEquals(1, docs.size());
        return (ConfigMap) KubernetesModel.parse(Path.of("rules-configmap.yaml"), docs.get(0)).object();
    }

    @Test
    void shouldCarryEveryFileOfTheDefaultPack() {
        TreeSet<String> indexed = new TreeSet<>();
        for (String line : DeployFiles.read(DEFAULT_PACK.resolve("INDEX")).split("\n")) {
            String f = line.trim();
            if (!f.isEmpty() && !f.startsWith("#")) {
                indexed.add(f);
            }
        }
        TreeSet<String> files = new TreeSet<>();
        DeployFiles.files(DEFAULT_PACK, ".yaml", ".yml").forEach(f -> files.add(f.getFileName().toString()));
        assertEquals(indexed, files, "the default pack's INDEX lists its files");
        assertEquals(files, new TreeSet<>(configMap().getData().keySet()),
                "a category file is missing or extra: run deploy/k8s/render-rules-configmap.sh");
    }

    @Test
    void shouldBeTheDefaultPackByteForByte() {
        Map<String, String> data = configMap().getData();
        DeployFiles.files(DEFAULT_PACK, ".yaml", ".yml").forEach(f -> {
            // a block scalar keeps one final newline: a pack file ending in blank lines can never match
            assertFalse(DeployFiles.read(f).endsWith("\n\n"), f.getFileName() + " ends with blank lines: remove them");
            assertEquals(DeployFiles.read(f), data.get(f.getFileName().toString()),
                    f.getFileName() + " drifted from the default pack: run deploy/k8s/render-rules-configmap.sh");
        });
    }

    @Test
    void shouldHoldRuleFilesWhoseRulesHaveAnIdAndADescription() throws Exception {
        TreeSet<String> ids = new TreeSet<>();
        for (Map.Entry<String, String> e : new TreeMap<>(configMap().getData()).entrySet()) {
            JsonNode file = DeployFiles.YAML.readTree(e.getValue());
            JsonNode rules = file.path("rules");
            assertTrue(rules.isArray() && !rules.isEmpty(), e.getKey() + " has no rules");
            for (JsonNode rule : rules) {
                String id = rule.path("id").asText("");
                assertFalse(id.isEmpty(), e.getKey() + ": a rule without id");
                assertFalse(rule.path("description").asText("").isBlank(), e.getKey() + ": " + id + " has no description");
                assertTrue(ids.add(id), "rule id twice: " + id);
            }
        }
        assertTrue(ids.size() >= 9, ids.toString());
    }
}
