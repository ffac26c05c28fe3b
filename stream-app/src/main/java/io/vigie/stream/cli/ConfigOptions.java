package io.vigie.stream.cli;

import io.vigie.stream.config.ConfigLoader;
import io.vigie.stream.config.ModerationConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The configuration flags shared by commands: {@code --config FILE}, {@code --rules DIR}, {@code --set k=v}. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "properties file of settings")
    Path file;

    @Option(names = "--rules", paramLabel = "DIR", description = "rule pack directory (default: embedded pack)")
    Path rules;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "any setting, highest precedence")
    Map<String, String> settings = new HashMap<>();

    /** Loads defaults < file < env < flags. */
    ModerationConfig load(Map<String, String> env, Map<String, String> extra) throws ConfigLoader.ConfigProblems {
        Map<String, String> flags = new HashMap<>(settings);
        if (rules != null) {
            flags.put(ModerationConfig.RULES_DIR, rules.toString());
        }
        flags.putAll(extra);
        return ConfigLoader.load(file, env, flags);
    }
}
