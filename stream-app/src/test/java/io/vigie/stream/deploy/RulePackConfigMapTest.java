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

/**
 * deploy/k8s/rules-configmap.yaml is generated from the default rule pack by render-rules-configmap.sh; it must
 * hold exactly that pack, byte for byte, so a deployment runs the rules the tests and the replay checked.
 */
class RulePackConfigMapTest {

    static final Path DEFAULT_PACK = DeployFiles.root()
            .resolve("moderation-core/src/main/resources/io/vigie/core/rules/default");

    @Test
    void shouldHoldExactlyTheDefaultRulePack() {
        // given the ConfigMap as Kubernetes reads it
        List<JsonNode> docs = DeployFiles.yamlDocuments(DeployFiles.deploy("k8s/rules-configmap.yaml"));
        assertEquals(1, docs.size());
        ConfigMap cm = (ConfigMap) KubernetesModel.parse(Path.of("rules-configmap.yaml"), docs.get(0)).object();

        // when compared with the pack's files
        Map<String, String> pack = new TreeMap<>();
        for (Path f : DeployFiles.files(DEFAULT_PACK, ".yaml", ".yml")) {
            pack.put(f.getFileName().toString(), DeployFiles.read(f));
        }

        // then: same files, same bytes (re-run deploy/k8s/render-rules-configmap.sh after editing the pack)
        assertEquals(pack.keySet(), new TreeMap<>(cm.getData()).keySet());
        pack.forEach((name, text) -> assertEquals(text, cm.getData().get(name),
                name + " differs from the pack: run deploy/k8s/render-rules-configmap.sh"));
    }

    @Test
    void shouldCarryEveryFileTheEmbeddedPackIndexes() {
        TreeSet<String> indexed = new TreeSet<>();
        for (String line : DeployFiles.read(DEFAULT_PACK.resolve("INDEX")).split("\n")) {
            String f = line.trim();
            if (!f.isEmpty() && !f.startsWith("#")) {
                indexed.add(f);
            }
        }
        ConfigMap cm = (ConfigMap) KubernetesModel.parse(Path.of("rules-configmap.yaml"),
                DeployFiles.yamlDocuments(DeployFiles.deploy("k8s/rules-configmap.yaml")).get(0)).object();
        assertEquals(indexed, new TreeSet<>(cm.getData().keySet()),
                "the mounted pack and the embedded one must be the same rules");
    }
}
