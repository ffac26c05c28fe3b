package io.vigie.stream.cli;

import io.vigie.core.ModerationEngine;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.eval.EvalException;
import io.vigie.stream.eval.Evaluation;
import io.vigie.stream.replay.Replayer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code moderation eval}: replay labelled history and measure detection against the labels. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays labelled conversations through the same topology as replay and measures detection: "
                + "recall per category, false alerts on benign conversations, alert delay, per-rule hits, and the "
                + "missed and falsely alerted conversations. Several inputs are merged by event time (sentAt; "
                + "updatedAt for a profile, first on a tie). Exits 1 under the thresholds, saying which."},
        footer = {"",
            "Label file: one JSON object keyed by conversationId (--labels is repeatable):",
            "  {\"c-17\": {\"labels\": [\"CHILD_GROOMING\", \"OFF_PLATFORM\"],",
            "            \"firstFlagMessageId\": \"m-903\", \"language\": \"fr\",",
            "            \"kind\": \"grooming\", \"notes\": \"...\"},",
            "   \"c-18\": {\"labels\": [], \"firstFlagMessageId\": null, \"language\": \"en\",",
            "            \"kind\": \"parents\"}}",
            "  labels       contract categories, [] when benign: CHILD_GROOMING,",
            "               MINOR_SEXUALIZATION, CSAM, AMBUSH, HATE_HOMOPHOBIC,",
            "               SEXUAL_VIOLENCE, PROSTITUTION, OFF_PLATFORM, THREAT.",
            "               CHILD_GROOMING and MINOR_SEXUALIZATION count for each other.",
            "  firstFlagMessageId",
            "               the earliest message a careful moderator flags; an alert on or",
            "               before it is on time, a later one late by the messages between.",
            "  language, kind",
            "               optional; recall and false alerts are split by them.",
            "  notes        optional; shown with --show-text.",
            "A benign conversation with any alert is a false alert. A labelled conversation",
            "absent from the input is warned about and not scored; conversations without a",
            "label are replayed but not scored.",
            "Guide: docs/rule-authoring.md, \"Measuring a change on labelled history\"."})
final class EvalCommand extends ConfiguredCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE.jsonl",
            description = "profile and message lines, as for replay (repeatable)")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--labels", required = true, paramLabel = "LABELS.json",
            description = "label file, format below (repeatable)")
    List<Path> labels = new ArrayList<>();

    @Option(names = "--report", paramLabel = "EVAL.html", description = "also write a self-contained page with "
            + "the figures, recall and delay plots, the rule table and the missed and false lists")
    Path report;

    @Option(names = "--json", paramLabel = "OUT.json", description = "also write the result as JSON")
    Path json;

    @Option(names = "--min-recall", paramLabel = "R", converter = Fraction.class,
            description = "exit 1 when any labelled category's recall is below R (0.9 or 90%%)")
    Double minRecall;

    @Option(names = "--max-fpr", paramLabel = "F", converter = Fraction.class,
            description = "exit 1 when more than F of the benign conversations are alerted (0.03 or 3%%)")
    Double maxFpr;

    @Option(names = "--show-text", description = "list the messages (and the labels' notes) of missed and falsely "
            + "alerted conversations; without it only ids, languages, kinds, categories and rules are shown")
    boolean showText;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Evaluation evaluation;
        try {
            evaluation = Evaluation.prepare(new Evaluation.Options(inputs, labels, report, json, minRecall, maxFpr,
                    showText));
        } catch (EvalException e) {
            err.println("eval: " + e.getMessage());
            return 1;
        }
        ModerationConfig config = Replayer.offline(loadConfig(Map.of()));
        ModerationEngine engine = engineOrNull(config, err, "eval");
        if (engine == null) {
            return 1;
        }
        int code = evaluation.run(config, () -> engine, ModerationCli.WriterStream.printStream(
                spec.commandLine().getOut()), ModerationCli.WriterStream.printStream(err));
        err.flush();
        return code;
    }

    /** Parses a threshold: a fraction or a percentage. */
    static final class Fraction implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                return Evaluation.fraction(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
