package io.vigie.stream.cli;

import io.vigie.core.load.LoadException;
import io.vigie.core.model.RiskModel;
import io.vigie.core.model.RiskModelLoader;
import io.vigie.core.model.RiskModelTrainer;
import io.vigie.core.normalize.Normalizers;
import io.vigie.stream.eval.EvalException;
import io.vigie.stream.eval.InputMerger;
import io.vigie.stream.eval.LabelSet;
import io.vigie.stream.eval.Transcript;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code moderation model}: train the statistical risk model on labelled history, and describe a model file. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Trains and describes the statistical risk model behind the model.* cues.",
        subcommands = {ModelCommand.Train.class, ModelCommand.Info.class})
final class ModelCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 1;
    }

    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Trains a risk model on labelled conversations (the format of 'moderation eval') and "
                + "calibrates its thresholds on conversations each fold did not train on (one fold per label "
                + "file's folder when there are three or more, else five). Use it with --set moderation.model=FILE "
                + "(or MODERATION_MODEL) on run, replay, eval and score."},
            footer = {"",
                "Every message from a harmful conversation's firstFlagMessageId on is a positive",
                "for 'harmful' and for each of its categories; every message of a benign one is a",
                "negative. The same inputs give the same file, byte for byte.",
                "To measure generalization, train without a set and eval that set with the file."})
    static final class Train implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "FILE.jsonl",
                description = "message lines (the contract's JSONL; other lines are skipped) (repeatable)")
        List<Path> inputs = new ArrayList<>();

        @Option(names = "--labels", required = true, paramLabel = "LABELS.json",
                description = "label file, as for eval (repeatable)")
        List<Path> labels = new ArrayList<>();

        @Option(names = "--background", paramLabel = "FILE.jsonl", description = "everyday traffic taken as benign "
                + "(every conversation in it; no labels): trained on as negatives, never used to calibrate "
                + "(repeatable)")
        List<Path> background = new ArrayList<>();

        @Option(names = "--out", required = true, paramLabel = "MODEL.vrm", description = "the model file to write")
        Path out;

        @Option(names = "--target-fpr", paramLabel = "F", converter = EvalCommand.Fraction.class,
                description = "largest share of benign conversations the thresholds may flag (default 0.02)")
        Double targetFpr;

        @Option(names = "--epochs", paramLabel = "N", description = "passes over the data (default 6)")
        Integer epochs;

        @Option(names = "--seed", paramLabel = "N", description = "shuffle seed (default 20261205)")
        Long seed;

        @Option(names = "--min-count", paramLabel = "N", description = "keep an n-gram only when at least N training "
                + "messages have it (default 1; 2 makes the model 4x smaller, and in this project's leave-one-set-out "
                + "measurement cost 6 more false alerts over 795)")
        Integer minCount;

        @Option(names = "--dropout", paramLabel = "F", description = "share of a message's n-grams left out at random "
                + "each time it is trained on, so that no harm is learned from one phrase alone (default 0.2; 0 keeps "
                + "them all)")
        Double dropout;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter stdout = spec.commandLine().getOut();
            RiskModelTrainer.Options d = RiskModelTrainer.Options.defaults();
            RiskModelTrainer.Options options;
            try {
                options = new RiskModelTrainer.Options(epochs == null ? d.epochs() : epochs,
                        seed == null ? d.seed() : seed, targetFpr == null ? d.targetFpr() : targetFpr,
                        minCount == null ? d.minCount() : minCount, dropout == null ? d.dropout() : dropout);
            } catch (IllegalArgumentException e) {
                err.println("model train: " + e.getMessage());
                return 1;
            }
            List<RiskModelTrainer.Conversation> conversations;
            try {
                conversations = new ArrayList<>(read(inputs, LabelSet.load(labels)));
                conversations.addAll(read(background, null));
            } catch (EvalException e) {
                err.println("model train: " + e.getMessage());
                return 1;
            }
            long everyday = conversations.stream().filter(RiskModelTrainer.Conversation::trainOnly).count();
            String provenance = String.format(Locale.ROOT, "%d labelled conversations (%d harmful) from %s%s",
                    conversations.size() - everyday, conversations.stream().filter(c -> !c.labels().isEmpty()).count(),
                    labels.stream().map(ModelCommand::shortName).toList(),
                    everyday == 0 ? "" : "; " + everyday + " background conversations from "
                            + background.stream().map(p -> String.valueOf(p.getFileName())).toList());
            RiskModelTrainer.Result result;
            try {
                result = new RiskModelTrainer(Normalizers::standard, options, s -> {
                    err.println("model train: " + s);
                    err.flush();
                }).train(conversations, provenance);
            } catch (IllegalArgumentException e) {
                err.println("model train: " + e.getMessage());
                return 1;
            }
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
            try (OutputStream os = Files.newOutputStream(tmp)) {
                result.model().write(os);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            stdout.println("model train: wrote " + out + " (" + result.model() + ") from " + result.samples()
                    + " messages (" + result.positives() + " positive); calibration " + result.calibration());
            return 0;
        }
    }

    private static String shortName(Path p) {
        return p.getParent() == null ? p.toString() : p.getParent().getFileName() + "/" + p.getFileName();
    }

    /**
     * Reads conversations' messages in the order replay and eval see them (the inputs merged by event time): with
     * labels, the labelled ones in label-file order; without ({@code labels} null), every conversation, as
     * train-only background traffic.
     */
    static List<RiskModelTrainer.Conversation> read(List<Path> inputs, LabelSet labels) throws EvalException {
        Transcript transcript;
        try {
            transcript = InputMerger.read(inputs, labels == null ? id -> true : id -> labels.get(id) != null);
        } catch (IOException e) {
            throw new EvalException("cannot read " + inputs + " (" + e.getClass().getSimpleName() + ")");
        }
        List<RiskModelTrainer.Conversation> out = new ArrayList<>();
        if (labels == null) {
            for (String id : transcript.conversations()) {
                out.add(new RiskModelTrainer.Conversation(id, "", texts(transcript.messages(id)), Set.of(), 0, true));
            }
            return out;
        }
        for (LabelSet.Label label : labels.labels()) {
            List<Transcript.Message> messages = transcript.messages(label.conversationId());
            if (messages.isEmpty()) {
                continue;
            }
            int flag = Math.max(0, transcript.position(label.conversationId(), label.firstFlagMessageId()));
            Path source = labels.source(label.conversationId()).toAbsolutePath().getParent();
            out.add(new RiskModelTrainer.Conversation(label.conversationId(), source == null ? "" : source.toString(),
                    texts(messages), label.categories(), flag, false));
        }
        return out;
    }

    private static List<String> texts(List<Transcript.Message> messages) {
        return messages.stream().map(m -> m.text() == null ? "" : m.text()).toList();
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Describes a model file (default: the embedded model): size, categories, thresholds, "
                + "what it was trained on.")
    static final class Info implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL.vrm", description = "a model file")
        Path file;

        @Override
        public Integer call() {
            RiskModel m;
            try {
                m = file == null ? RiskModelLoader.embedded() : RiskModelLoader.load(file);
            } catch (LoadException e) {
                spec.commandLine().getErr().println("model info: " + e.errors().get(0));
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println((file == null ? "embedded" : file.toString()) + ": " + m.version());
            out.println("  features     " + m.size());
            out.println("  categories   " + m.categories());
            out.printf(Locale.ROOT, "  thresholds   model.plausible above %.3f, model.harm above %.3f, "
                    + "model.harm_high above %.3f, category margin %.3f%n", m.plausibleThreshold(), m.lowThreshold(), m.highThreshold(), m.categoryMargin());
            out.println(m.context() == null ? "  context      none (a format-1 model: model.context fires on every message)"
                    : String.format(Locale.ROOT, "  context      model.context above %.3f (decay %.2f per message)",
                    m.context().gate(), m.context().decay()));
            out.println("  trained on   " + m.provenance());
            return 0;
        }
    }
}
