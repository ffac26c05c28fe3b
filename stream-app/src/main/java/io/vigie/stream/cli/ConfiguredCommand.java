package io.vigie.stream.cli;

import io.vigie.core.ModerationEngine;
import io.vigie.core.load.LoadException;
import io.vigie.stream.config.ConfigLoader;
import io.vigie.stream.config.ModerationConfig;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.Map;

/**
 * The common part of the commands that read a configuration ({@code score}, {@code replay}, {@code run}): the
 * {@code --config/--rules/--set} flags, the environment the CLI was started with, and loading the engine with a
 * one-line error when the rule pack does not compile. Picocli fills the fields; one instance serves one call and
 * is not thread-safe.
 */
abstract class ConfiguredCommand implements ModerationCli.NeedsEnv {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigMixin configMixin;

    private Map<String, String> env = Map.of();

    @Override
    public void env(Map<String, String> env) {
        this.env = env;
    }

    /** The configuration: defaults &lt; file &lt; environment &lt; flags &lt; {@code extra} (never null). */
    final ModerationConfig loadConfig(Map<String, String> extra) throws ConfigLoader.ConfigProblems {
        return configMixin.options.load(env, extra);
    }

    /**
     * The engine for {@code config}, or null after printing {@code "<command>: the rule pack does not compile: ..."}
     * on {@code err}.
     */
    static ModerationEngine engineOrNull(ModerationConfig config, PrintWriter err, String command) {
        try {
            return Engines.load(config);
        } catch (LoadException e) {
            err.println(command + ": the rule pack does not compile: " + e.getMessage());
            return null;
        }
    }
}
