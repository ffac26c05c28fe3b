package io.vigie.stream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/docker/Dockerfile, read instruction by instruction (no Docker engine here): the two stages, the paths
 * that {@code mvn package} really produces, the user, the health check, the volumes and the entry point.
 */
class DockerfileTest {

    record Instruction(int stage, String keyword, String args) {
    }

    static List<Instruction> instructions;
    static List<String> stages;

    @BeforeAll
    static void parse() {
        instructions = new ArrayList<>();
        stages = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        for (String raw : DeployFiles.read(DeployFiles.deploy("docker/Dockerfile")).split("\n")) {
            String line = raw.strip();
            if (logical.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (line.startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            String text = logical.toString().strip();
            logical.setLength(0);
            int sp = text.indexOf(' ');
            String keyword = text.substring(0, sp).toUpperCase(Locale.ROOT);
            String args = text.substring(sp + 1).strip();
            if (keyword.equals("FROM")) {
                stages.add(args);
            }
            instructions.add(new Instruction(stages.size() - 1, keyword, args));
        }
    }

    @Test
    void shouldBuildOnAJdk17AndRunOnAJre17() {
        assertEquals(2, stages.size(), stages.toString());
        assertTrue(stages.get(0).matches("maven:\\S*temurin-17\\S* AS build"), stages.get(0));
        assertTrue(stages.get(1).matches("eclipse-temurin:17-jre\\S* AS runtime"), stages.get(1));
        String build = all(0, "RUN").stream().filter(a -> a.contains("mvn ")).findFirst().orElseThrow();
        assertTrue(build.contains("-pl stream-app -am package"), build);
        assertTrue(all(1, "RUN").stream().noneMatch(a -> a.contains("mvn ")), "no build tools at runtime");
    }

    @Test
    void shouldCopyTheJarAndLibsWhereMavenPutsThem() {
        String pom = DeployFiles.read(DeployFiles.root().resolve("stream-app/pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertTrue(finalName.find());
        Matcher lib = Pattern.compile("<outputDirectory>\\$\\{project.build.directory}/([^<]+)</outputDirectory>")
                .matcher(pom);
        assertTrue(lib.find());

        Map<String, String> copies = new LinkedHashMap<>();
        for (String args : all(1, "COPY")) {
            String[] parts = args.split("\\s+");
            assertEquals("--from=build", parts[0], "runtime copies only from the build stage: " + args);
            copies.put(parts[1], parts[2]);
        }
        String jar = "/src/stream-app/target/" + finalName.group(1) + ".jar";
        String libs = "/src/stream-app/target/" + lib.group(1) + "/";
        assertTrue(copies.containsKey(jar), copies.toString());
        assertTrue(copies.containsKey(libs), copies.toString());

        // the entry point's class path is exactly what was copied
        List<String> entry = entrypoint();
        String cp = entry.get(entry.indexOf("-cp") + 1);
        assertEquals(copies.get(jar) + ":" + copies.get(libs) + "*", cp);
    }

    @Test
    void shouldCopyOnlySourcesThatExistAndEveryModulePom() {
        Path root = DeployFiles.root();
        for (String args : all(0, "COPY")) {
            String source = args.split("\\s+")[0];
            assertTrue(Files.exists(root.resolve(source)), "COPY source missing: " + source);
        }
        String parent = DeployFiles.read(root.resolve("pom.xml"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        while (module.find()) {
            String pom = module.group(1) + "/pom.xml";
            assertTrue(all(0, "COPY").stream().anyMatch(a -> a.startsWith(pom + " ")),
                    "the reactor needs " + pom);
        }
        for (String args : all(1, "COPY")) {
            String source = args.split("\\s+")[1];
            if (source.startsWith("/src/") && !source.contains("/target/")) {
                assertTrue(Files.exists(root.resolve(source.substring("/src/".length()))), source);
            }
        }
    }

    @Test
    void shouldRunTheSameMainClassAsTheLauncherWithRun() {
        List<String> entry = entrypoint();
        assertEquals("java", entry.get(0));
        assertEquals("run", entry.get(entry.size() - 1));
        String main = entry.get(entry.size() - 2);
        String launcher = DeployFiles.read(DeployFiles.root().resolve("bin/moderation"));
        assertTrue(launcher.contains(" " + main + " \"$@\""), "bin/moderation runs " + main);
    }

    @Test
    void shouldRunAsANonRootUser() {
        List<String> users = all(1, "USER");
        assertEquals(1, users.size());
        String user = users.get(0).split(":")[0];
        assertFalse(user.equals("0") || user.equals("root"), user);
        assertTrue(all(1, "RUN").stream().anyMatch(r -> r.contains("useradd") && r.contains("--uid " + user)));
    }

    @Test
    void shouldCheckHealthOnTheHttpPortAndSizeTheHeapFromTheContainer() {
        Map<String, String> env = env();
        assertEquals("8080", env.get("MODERATION_HTTP_PORT"));
        List<String> checks = all(1, "HEALTHCHECK");
        assertEquals(1, checks.size());
        assertTrue(checks.get(0).contains("http://127.0.0.1:${MODERATION_HTTP_PORT}/health"), checks.get(0));
        assertTrue(all(1, "EXPOSE").contains(env.get("MODERATION_HTTP_PORT")));
        assertTrue(env.get("JAVA_TOOL_OPTIONS").contains("-XX:MaxRAMPercentage="), env.get("JAVA_TOOL_OPTIONS"));
        assertFalse(env.get("JAVA_TOOL_OPTIONS").contains("-Xmx"), "a fixed heap ignores the container limit");
    }

    @Test
    void shouldDeclareTheRulesAndStateDirsAsVolumes() throws Exception {
        Map<String, String> env = env();
        List<String> volumes = all(1, "VOLUME");
        assertEquals(1, volumes.size());
        JsonNode declared = DeployFiles.JSON.readTree(volumes.get(0));
        List<String> paths = new ArrayList<>();
        declared.forEach(v -> paths.add(v.asText()));
        assertTrue(paths.contains(env.get("MODERATION_RULES_DIR")), paths.toString());
        assertTrue(paths.contains(env.get("KAFKA_STATE_DIR")), paths.toString());
    }

    // ---- helpers ----

    private static List<String> all(int stage, String keyword) {
        return instructions.stream().filter(i -> i.stage() == stage && i.keyword().equals(keyword))
                .map(Instruction::args).toList();
    }

    private static List<String> entrypoint() {
        List<String> e = all(1, "ENTRYPOINT");
        assertEquals(1, e.size());
        try {
            JsonNode array = DeployFiles.JSON.readTree(e.get(0));
            assertTrue(array.isArray(), "exec form, so the JVM is PID 1 and gets SIGTERM");
            List<String> out = new ArrayList<>();
            array.forEach(a -> out.add(a.asText()));
            return out;
        } catch (Exception ex) {
            throw new AssertionError("ENTRYPOINT is not a JSON array: " + e.get(0), ex);
        }
    }

    /** ENV of the runtime stage, both {@code K=V K2=V2} and {@code K V} forms, quotes removed. */
    private static Map<String, String> env() {
        Map<String, String> out = new LinkedHashMap<>();
        Pattern kv = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");
        for (String args : all(1, "ENV")) {
            Matcher m = kv.matcher(args);
            boolean any = false;
            while (m.find()) {
                any = true;
                String v = m.group(2);
                out.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
            }
            assertTrue(any, "ENV " + args);
        }
        assertNotNull(out.get("MODERATION_RULES_DIR"));
        return out;
    }
}
