package io.vigie.stream.cli;

import io.vigie.core.ModerationEngine;
import io.vigie.core.load.LoadError;
import io.vigie.core.rule.RulePack;
import io.vigie.core.load.LoadException;
import io.vigie.core.rule.RulePackLoader;
import io.vigie.core.rule.RuleTester;
import io.vigie.core.cue.CueModel;
import io.vigie.core.cue.CueModels;
import io.vigie.stream.config.ConfigLoader;
import io.vigie.stream.config.ModerationConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code moderation rules validate DIR} and {@code rules test DIR}. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Checks and tests rule packs.",
        subcommands = {RulesCommand.Validate.class, RulesCommand.Test.class})
final class RulesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("rules: expected a subcommand: validate DIR | test DIR");
        spec.commandLine().usage(spec.commandLine().getErr());
        return 1;
    }

    /** The signal model rule packs compile against when no lexicon or hash list folder is configured. */
    static CueModel signals() {
        return ModerationEngine.defaults().cueModel();
    }

    /** Loads a pack, printing every error as file:line: reason; null when it does not compile. */
    static RulePack load(Path dir, CueModel model, PrintWriter err, String command) {
        if (!Files.isDirectory(dir)) {
            err.println(command + ": " + dir + " is not a directory");
            return null;
        }
        try {
            return RulePackLoader.load(dir, model);
        } catch (LoadException e) {
            for (LoadError error : e.errors()) {
                err.println(error);
            }
            err.println(command + ": " + e.errors().size() + " error" + (e.errors().size() == 1 ? "" : "s"));
            return null;
        }
    }

    /**
     * A {@code rules} subcommand: one rule pack directory argument, compiled against the lexicons and hash lists
     * the configuration names ({@code moderation.lexicon.dir}, {@code moderation.hashlist.dir}, from
     * {@code --config}, the environment or {@code --set}; the embedded ones when unset), errors printed.
     */
    abstract static class PackCommand extends ConfiguredCommand implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "DIR", description = "rule pack directory")
        Path dir;

        /** The configured signal model; null after printing why its lexicons or hash lists do not load. */
        final CueModel model(String command) throws ConfigLoader.ConfigProblems {
            if (configMixin.options.rules != null) {
                spec.commandLine().getErr().println(command + ": the pack is the DIR argument, not --rules");
                return null;
            }
            ModerationConfig config = loadConfig(Map.of());
            Path lexicons = config.path(ModerationConfig.LEXICON_DIR);
            Path hashLists = config.path(ModerationConfig.HASHLIST_DIR);
            String model = config.getString(ModerationConfig.MODEL);
            boolean defaultModel = (model == null || model.isBlank() || model.strip().equals("default"))
                    && config.getString(ModerationConfig.MODEL_CONTEXT_GATE).isBlank();
            if (lexicons == null && hashLists == null && defaultModel) {
                return signals();
            }
            try {
                // the examples run against the risk model the engine would run (its model.* cues gate rules)
                return CueModels.builder().lexiconDir(lexicons).hashListDir(hashLists).riskModel(config.riskModel())
                        .build();
            } catch (LoadException e) {
                io.vigie.stream.engine.Engines.printErrors(spec.commandLine().getErr()::println, command, e);
                return null;
            }
        }

        /** The pack in {@link #dir} compiled against {@code model}; null after printing why it does not load. */
        final RulePack loadPack(CueModel model, String command) {
            return load(dir, model, spec.commandLine().getErr(), command);
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Compiles a rule pack and prints every error as file:line: reason.")
    static final class Validate extends PackCommand {
        @Override
        public Integer call() throws ConfigLoader.ConfigProblems {
            CueModel model = model("rules validate");
            RulePack pack = model == null ? null : loadPack(model, "rules validate");
            if (pack == null) {
                return 1;
            }
            spec.commandLine().getOut().println("ok: " + pack.ruleIds().size() + " rules, version "
                    + pack.version());
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Runs every example the pack carries through the real pipeline; fails on any miss.")
    static final class Test extends PackCommand {
        @Override
        public Integer call() throws ConfigLoader.ConfigProblems {
            CueModel model = model("rules test");
            RulePack pack = model == null ? null : loadPack(model, "rules test");
            if (pack == null) {
                return 1;
            }
            RuleTester.Report report = RuleTester.run(pack, model);
            for (RuleTester.Failure f : report.failures()) {
                spec.commandLine().getErr().println(f);
            }
            if (!report.withoutFireExample().isEmpty()) {
                spec.commandLine().getErr().println("rules without a fire example: " + report.withoutFireExample());
            }
            if (!report.passed()) {
                spec.commandLine().getErr().println("rules test: " + report.failures().size() + " of "
                        + report.examples() + " examples failed");
                return 1;
            }
            spec.commandLine().getOut().println("ok: " + report.examples() + " examples of " + report.rules()
                    + " rules passed");
            return 0;
        }
    }
}
