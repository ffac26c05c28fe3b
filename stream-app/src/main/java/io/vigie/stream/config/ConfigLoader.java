package io.vigie.stream.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Builds a {@link ModerationConfig} from its sources, each overriding the one before: defaults &lt; properties
 * file ({@code --config FILE}) &lt; environment &lt; command-line flags.
 *
 * <p>Environment: {@code MODERATION_FOO_BAR} is {@code moderation.foo.bar}; {@code KAFKA_FOO_BAR} is the Kafka
 * client setting {@code foo.bar} (e.g. {@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_JAAS_CONFIG}). Launcher variables ({@code MODERATION_JAVA_OPTS}, {@code KAFKA_OPTS},
 * {@code KAFKA_*_OPTS}) are not settings and are skipped.
 *
 * <p>Every problem is collected and reported in one {@link ConfigProblems} exception, not just the first.
 */
public final class ConfigLoader {

    private static final Set<String> LAUNCHER_VARIABLES = Set.of("MODERATION_JAVA_OPTS", "KAFKA_OPTS");

    private ConfigLoader() {
    }

    /** Every problem of a configuration, one line each. */
    public static final class ConfigProblems extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        public ConfigProblems(List<String> problems) {
            super(problems.size() == 1 ? problems.get(0)
                    : problems.size() + " configuration problems: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        /** One line per problem, never empty. */
        public List<String> problems() {
            return problems;
        }
    }

    /**
     * Loads and checks the configuration.
     *
     * @param file      properties file; null for none
     * @param env       environment variables (usually {@code System.getenv()})
     * @param overrides settings from command-line flags, highest precedence
     * @throws ConfigProblems listing every problem found
     */
    public static ModerationConfig load(Path file, Map<String, String> env, Map<String, String> overrides)
            throws ConfigProblems {
        List<String> problems = new ArrayList<>();
        Map<String, String> merged = merge(file, env, overrides, problems);
        check(ModerationConfig.CONFIG, merged, problems);
        if (!problems.isEmpty()) {
            throw new ConfigProblems(problems);
        }
        try {
            return new ModerationConfig(merged);
        } catch (ConfigException e) {
            throw new ConfigProblems(List.of(e.getMessage().split("; ")));
        }
    }

    /**
     * Merges the sources, each overriding the one before: properties file &lt; environment &lt; {@code overrides}
     * (defaults come from the ConfigDef). A file that cannot be read is reported in {@code problems}.
     *
     * @param file properties file; null for none
     */
    public static Map<String, String> merge(Path file, Map<String, String> env, Map<String, String> overrides,
                                            List<String> problems) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (file != null) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Properties props = new Properties();
                props.load(r);
                props.stringPropertyNames().forEach(k -> merged.put(k.trim(), props.getProperty(k).trim()));
            } catch (IOException | IllegalArgumentException e) {
                problems.add("cannot read config file " + file + ": " + e.getMessage());
            }
        }
        merged.putAll(fromEnv(env));
        overrides.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return merged;
    }

    /**
     * Parses and validates every key of {@code def} present in {@code settings} on its own, so that all bad values
     * are reported together: one line per bad value in {@code problems}, secrets as {@code [hidden]}.
     */
    public static void check(ConfigDef def, Map<String, String> settings, List<String> problems) {
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            if (!settings.containsKey(key.name)) {
                continue;
            }
            try {
                Object value = ConfigDef.parseType(key.name, settings.get(key.name), key.type);
                if (key.validator != null) {
                    key.validator.ensureValid(key.name, value);
                }
            } catch (ConfigException e) {
                problems.add(key.type == ConfigDef.Type.PASSWORD ? "Invalid value [hidden] for configuration "
                        + key.name : describe(key.name, e));
            }
        }
    }

    /** Settings named by environment variables, in our key space. */
    public static Map<String, String> fromEnv(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (LAUNCHER_VARIABLES.contains(name) || (name.startsWith("KAFKA_") && name.endsWith("_OPTS"))) {
                return;
            }
            if (name.startsWith("MODERATION_") && name.length() > "MODERATION_".length()) {
                out.put(dotted(name), value);
            } else if (name.startsWith("KAFKA_") && name.length() > "KAFKA_".length()) {
                out.put(dotted(name.substring("KAFKA_".length())), value);
            }
        });
        return out;
    }

    private static String dotted(String envName) {
        return envName.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static String describe(String key, ConfigException e) {
        String m = e.getMessage();
        if (ModerationConfig.isSecret(key)) {
            return "Invalid value [hidden] for configuration " + key;
        }
        return m == null ? "invalid value for " + key : m;
    }
}
