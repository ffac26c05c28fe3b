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
 * listing of every error when the rules, lexicons or hash lists do not load. Picocli fills the fields; one instance serves one call and
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
     * The engine for {@code config}, or null after printing on {@code err} a line naming the count of load errors,
     * then every one of them ({@code file:line: reason}).
     */
    static ModerationEngine engineOrNull(ModerationConfig config, PrintWriter err, String command) {
        try {
            return Engines.load(config);
        } catch (LoadException e) {
            io.vigie.stream.engine.Engines.printErrors(err::println, command, e);
            return null;
        }
    }
}
