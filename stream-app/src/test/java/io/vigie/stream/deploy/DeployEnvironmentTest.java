package io.vigie.stream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.vigie.stream.config.ConfigLoader;
import io.vigie.stream.config.ModerationConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The environment that the image, the compose file and the StatefulSet give the application is configuration
 * the application understands: every {@code KAFKA_*} and {@code MODERATION_*} variable maps to a known key
 * (a typo would only be a warning at startup), and the whole set loads with no problem.
 */
class DeployEnvironmentTest {

    @BeforeAll
    static void parseManifests() {
        KubernetesManifestsTest.parseAll();
    }

    @Test
    void shouldLoadTheStatefulSetEnvironmentWithNoUnknownKey() throws Exception {
        // given the container's environment as the kubelet resolves it (secrets and the downward API filled)
        Container c = KubernetesManifestsTest.container();
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> resolved = new LinkedHashMap<>();
        resolved.put("POD_NAME", "vigie-0");
        resolved.put("POD_NAMESPACE", "vigie");
        for (EnvVar e : c.getEnv()) {
            String value = e.getValue() != null ? expand(e.getValue(), resolved)
                    : e.getValueFrom().getSecretKeyRef() != null ? "from-secret-" + e.getValueFrom().getSecretKeyRef().getKey()
                    : resolved.get(e.getName());
            resolved.put(e.getName(), value);
            env.put(e.getName(), value);
        }

        // when the application loads it
        ModerationConfig config = load(env);

        // then it is what the manifest means
        assertEquals("vigie-0.vigie-headless.vigie.svc.cluster.local:8080",
                config.originalsStrings().get("application.server"));
        assertEquals("/var/lib/vigie/state", config.originalsStrings().get("state.dir"));
        assertEquals("/etc/vigie/rules", config.originalsStrings().get("moderation.rules.dir"));
        assertEquals("1", config.originalsStrings().get("num.standby.replicas"));
        assertEquals("vigie-0", config.originalsStrings().get("group.instance.id"));
        assertEquals("SASL_SSL", config.originalsStrings().get("security.protocol"));
        assertEquals("from-secret-sasl.jaas.config", config.originalsStrings().get("sasl.jaas.config"));
        assertEquals("from-secret-token", config.originalsStrings().get("moderation.http.token"));
    }

    @Test
    void shouldLoadTheComposeEnvironmentWithNoUnknownKey() throws Exception {
        ComposeFileTest.parse();
        JsonNode env = ComposeFileTest.services.path("vigie").path("environment");
        Map<String, String> vars = new LinkedHashMap<>();
        env.properties().forEach(e -> vars.put(e.getKey(), e.getValue().asText()));
        ModerationConfig config = load(vars);
        assertEquals("kafka:9092", config.originalsStrings().get("bootstrap.servers"));
        assertEquals("8080", config.originalsStrings().get("moderation.http.port"));
    }

    @Test
    void shouldLoadTheImageDefaultsWithNoUnknownKey() throws Exception {
        Map<String, String> vars = new LinkedHashMap<>();
        Pattern kv = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");
        StringBuilder envLines = new StringBuilder();
        boolean inEnv = false;
        for (String line : DeployFiles.read(DeployFiles.deploy("docker/Dockerfile")).split("\n")) {
            String s = line.strip();
            if (s.startsWith("ENV ")) {
                inEnv = true;
            }
            if (inEnv) {
                envLines.append(s.replace("\\", " ")).append(' ');
                inEnv = s.endsWith("\\");
            }
        }
        Matcher m = kv.matcher(envLines);
        while (m.find()) {
            vars.put(m.group(1), m.group(2).replace("\"", ""));
        }
        assertTrue(vars.keySet().containsAll(Set.of("MODERATION_RULES_DIR", "KAFKA_STATE_DIR",
                "MODERATION_HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS")), vars.keySet().toString());
        ModerationConfig config = load(vars);
        assertEquals("/var/lib/vigie/state", config.originalsStrings().get("state.dir"));
    }

    @Test
    void shouldCatchAMisspeltVariable() throws Exception {
        ModerationConfig config = ConfigLoader.load(null, Map.of("MODERATION_RULE_DIR", "/etc/vigie/rules"),
                Map.of());
        assertEquals(Set.of("moderation.rule.dir"), config.unknownKeys());
    }

    private static ModerationConfig load(Map<String, String> env) throws ConfigLoader.ConfigProblems {
        ModerationConfig config = ConfigLoader.load(null, env, Map.of());
        assertEquals(Set.of(), config.unknownKeys(), "variables the application does not understand");
        return config;
    }

    /** Kubernetes' $(VAR) expansion of variables defined earlier in the list. */
    private static String expand(String value, Map<String, String> defined) {
        Matcher m = Pattern.compile("\\$\\((\\w+)\\)").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = defined.get(m.group(1));
            assertTrue(v != null, "$(" + m.group(1) + ") is not defined before it is used");
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
