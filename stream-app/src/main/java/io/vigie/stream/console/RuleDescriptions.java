package io.vigie.stream.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigie.core.ModerationEngine;
import io.vigie.core.assess.DeviceAssessor;
import io.vigie.core.assess.SenderAssessor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The description of every rule, for the alert page: read from the rule pack's YAML files (the {@code id} and
 * {@code description} every rule must have), the embedded default pack or an operator's directory, plus the
 * engine's built-in rules. A file that cannot be read leaves its rules without a description (the page then shows
 * the id alone); it never stops the console. Immutable and thread-safe.
 */
final class RuleDescriptions {

    private static final String DEFAULT_PACK = "/io/vigie/core/rules/default/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, String> BUILT_IN = Map.of(
            ModerationEngine.KNOWN_MEDIA_RULE, "An attachment's hash is on a known-media list (SHA-256 or PDQ "
                    + "match); the media itself is never shown.",
            SenderAssessor.FAN_OUT_RULE, "A sender who is not a likely minor contacted many distinct likely minors "
                    + "within the fan-out window.",
            SenderAssessor.BURST_RULE, "A new account made a burst of first contacts.",
            DeviceAssessor.BAN_EVASION_RULE, "A new pseudonym on the device of a user banned after review.");

    private final Map<String, String> byId;

    private RuleDescriptions(Map<String, String> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** The descriptions of the pack in {@code rulesDir}, or of the embedded default pack when null. */
    static RuleDescriptions load(Path rulesDir) {
        Map<String, String> out = new HashMap<>(BUILT_IN);
        if (rulesDir == null) {
            try (InputStream index = RuleDescriptions.class.getResourceAsStream(DEFAULT_PACK + "INDEX")) {
                if (index != null) {
                    for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String name = line.trim();
                        if (name.isEmpty() || name.startsWith("#")) {
                            continue;
                        }
                        try (InputStream in = RuleDescriptions.class.getResourceAsStream(DEFAULT_PACK + name)) {
                            if (in != null) {
                                read(YAML.readTree(in), out);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                ConsoleLog.LOG.warn("Embedded rule descriptions unreadable: {}", e.getClass().getSimpleName());
            }
        } else {
            try (Stream<Path> files = Files.walk(rulesDir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted().toList()) {
                    try {
                        read(YAML.readTree(f.toFile()), out);
                    } catch (IOException e) {
                        ConsoleLog.LOG.warn("Rule descriptions of {} unreadable: {}", f.getFileName(),
                                e.getClass().getSimpleName());
                    }
                }
            } catch (IOException e) {
                ConsoleLog.LOG.warn("Rule directory {} unreadable: {}", rulesDir, e.getClass().getSimpleName());
            }
        }
        return new RuleDescriptions(out);
    }

    private static void read(JsonNode pack, Map<String, String> out) {
        if (pack == null) {
            return;
        }
        for (JsonNode rule : pack.path("rules")) {
            String id = rule.path("id").asText("");
            String description = rule.path("description").asText("");
            if (!id.isEmpty() && !description.isEmpty()) {
                out.put(id, description);
            }
        }
    }

    /** The description of a rule, or "" when unknown. */
    String of(String ruleId) {
        return ruleId == null ? "" : byId.getOrDefault(ruleId, "");
    }

    /** How many rules are described. */
    int size() {
        return byId.size();
    }

    /** The described rule ids (tests). */
    List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
