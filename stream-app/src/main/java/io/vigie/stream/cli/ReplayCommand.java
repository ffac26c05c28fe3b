package io.vigie.stream.cli;

import io.vigie.core.ModerationEngine;
import io.vigie.core.rule.RulePackException;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.replay.Replayer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code moderation replay --input IN.jsonl --output OUT.jsonl}: offline, deterministic, the same topology. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Feeds profile, message and decision lines, in file order, through the same topology as "
                + "run, offline; writes every alert as one JSON line.")
final class ReplayCommand implements Callable<Integer>, ModerationCli.NeedsEnv {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "IN.jsonl", description = "input JSON Lines")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "OUT.jsonl", description = "alerts, one per line")
    Path output;

    @Mixin
    ConfigMixin configMixin;

    private Map<String, String> env = Map.of();

    @Override
    public void env(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(input)) {
            err.println("replay: cannot read input " + input);
            return 1;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            err.println("replay: output directory " + parent + " does not exist");
            return 1;
        }
        ModerationConfig config = Replayer.offline(configMixin.options.load(env, Map.of()));
        ModerationEngine engine;
        try {
            engine = Engines.load(config);
        } catch (RulePackException e) {
            err.println("replay: the rule pack does not compile: " + e.getMessage());
            return 1;
        }
        PrintStream progress = new PrintStream(new ModerationCli.WriterStream(err), true, StandardCharsets.UTF_8);
        Replayer.Summary s = new Replayer(config, () -> engine, progress).run(input, output);
        err.printf("replay: %,d lines (%,d messages, %,d profiles, %,d decisions), %,d alerts %s, %,d to the DLQ, "
                        + "%,d late, %.1f s, %,.0f lines/s%n", s.lines(), s.messages(), s.profiles(), s.decisions(),
                s.alerts(), s.alertsByCategory(), s.dlq(), s.late(), s.seconds(), s.rate());
        err.flush();
        return 0;
    }
}
