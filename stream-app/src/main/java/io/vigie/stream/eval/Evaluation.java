package io.vigie.stream.eval;

import io.vigie.core.contract.Alert;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.replay.Replayer;
import io.vigie.stream.serde.Json;
import io.vigie.stream.topology.EngineSupplier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One run of {@code moderation eval}: the inputs merged by event time, replayed through the topology of
 * {@code replay} (same rules, same state, same event-time windows as {@code run}), and the alerts scored against
 * the labels; then the summary on stdout, the optional JSON and HTML, and the exit code.
 *
 * <p>{@link #prepare} checks everything that does not need the engine (files, labels) so that bad input fails
 * before a rule pack is loaded. One instance per run; not thread-safe.
 */
public final class Evaluation {

    /**
     * What to evaluate and where to write it.
     *
     * @param report    the HTML page; may be null
     * @param json      the result as JSON; may be null
     * @param minRecall fail under this recall in any category; may be null
     * @param maxFpr    fail over this rate of benign conversations alerted; may be null
     * @param showText  list the text of missed and falsely alerted conversations
     */
    public record Options(List<Path> inputs, List<Path> labels, Path report, Path json, Double minRecall,
                          Double maxFpr, boolean showText) {
        public Options {
            inputs = List.copyOf(inputs);
            labels = List.copyOf(labels);
        }
    }

    private final Options options;
    private final LabelSet labels;

    private Evaluation(Options options, LabelSet labels) {
        this.options = options;
        this.labels = labels;
    }

    /**
     * Checks that the inputs and label files are readable and the output directories exist, and reads the labels.
     *
     * @throws EvalException the one-line reason
     */
    public static Evaluation prepare(Options options) throws EvalException {
        for (Path in : options.inputs()) {
            if (!Files.isRegularFile(in) || !Files.isReadable(in)) {
                throw new EvalException("cannot read input " + in);
            }
        }
        for (Path file : options.labels()) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new EvalException("cannot read labels " + file);
            }
        }
        for (Path out : new Path[] {options.report(), options.json()}) {
            Path parent = out == null ? null : out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new EvalException("output directory " + parent + " does not exist");
            }
        }
        return new Evaluation(options, LabelSet.load(options.labels()));
    }

    /**
     * A threshold given as a fraction ({@code 0.03}) or a percentage ({@code 3%}).
     *
     * @throws IllegalArgumentException when it is not a number between 0 and 1 (0 % and 100 %)
     */
    public static double fraction(String value) {
        String v = value.strip();
        boolean percent = v.endsWith("%");
        double d;
        try {
            d = Double.parseDouble(percent ? v.substring(0, v.length() - 1).strip() : v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number (e.g. 0.9 or 90%)");
        }
        d = percent ? d / 100 : d;
        if (!(d >= 0 && d <= 1)) {
            throw new IllegalArgumentException("'" + value + "' is not between 0 and 1 (0% and 100%)");
        }
        return d;
    }

    /**
     * Replays, scores and writes the outputs.
     *
     * @param config   the configuration as {@link Replayer#offline} makes it
     * @param out      the summary
     * @param err      progress, warnings, and the threshold verdict
     * @return 0, or 1 when the result fails the thresholds
     */
    public int run(ModerationConfig config, EngineSupplier engine, PrintStream out, PrintStream err)
            throws IOException {
        EvalResult result;
        Path work = Files.createTempDirectory("vigie-eval");
        try {
            // one input is replayed as it is (no copy of a big export); several are merged into one file first
            Path replayed = options.inputs().size() == 1 ? options.inputs().get(0) : work.resolve("input.jsonl");
            Path alerts = work.resolve("alerts.jsonl");
            Transcript transcript = InputMerger.merge(options.inputs(), options.inputs().size() == 1 ? null : replayed,
                    labels, options.showText(), err);
            Replayer.Summary s = new Replayer(config, engine, err).run(replayed, alerts);
            err.printf(Locale.ROOT, "eval: replayed %,d lines (%,d messages, %,d profiles), %,d alerts, %,d to the "
                    + "DLQ, %.1f s%n", s.lines(), s.messages(), s.profiles(), s.alerts(), s.dlq(), s.seconds());
            result = Evaluator.evaluate(labels, transcript, readAlerts(alerts), options.showText());
        } finally {
            deleteTree(work);
        }
        for (String w : result.warnings()) {
            err.println("eval: warning: " + w);
        }
        out.print(EvalSummary.text(result));
        out.flush();
        if (options.json() != null) {
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(options.json().toFile(), result);
            err.println("eval: wrote " + options.json());
        }
        if (options.report() != null) {
            Files.writeString(options.report(), EvalReport.html(result, options.minRecall(), options.maxFpr()));
            err.println("eval: wrote " + options.report());
        }
        List<String> failures = result.failures(options.minRecall(), options.maxFpr());
        if (!failures.isEmpty()) {
            err.println("eval: fails the thresholds: " + String.join("; ", failures));
            return 1;
        }
        return 0;
    }

    private static List<Alert> readAlerts(Path file) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                alerts.add(Json.MAPPER.readValue(line, Alert.class));
            }
        }
        return alerts;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
