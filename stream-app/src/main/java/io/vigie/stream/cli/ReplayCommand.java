package io.vigie.stream.cli;

import io.vigie.core.ModerationEngine;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.replay.ReplayReport;
import io.vigie.stream.replay.Replayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code moderation replay --input IN.jsonl --output OUT.jsonl}: offline, deterministic, the same topology. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Feeds profile, message and decision lines, in file order, through the same topology as "
                + "run, offline; writes every alert as one JSON line.")
final class ReplayCommand extends ConfiguredCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "IN.jsonl", description = "input JSON Lines")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "OUT.jsonl", description = "alerts, one per line")
    Path output;

    @Option(names = "--report", paramLabel = "REPORT.html",
            description = "also write a page with the alert mix over event time (plot), alerts by category and "
                    + "severity, and by kind")
    Path report;

    @Option(names = "--baseline", paramLabel = "EARLIER.jsonl",
            description = "alerts of an earlier replay of the same input (e.g. before a rule change): the report "
                    + "then lists new and gone alerts, by category")
    Path baseline;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(input)) {
            err.println("replay: cannot read input " + input);
            return 1;
        }
        if (baseline != null && (report == null || !Files.isReadable(baseline))) {
            err.println(report == null ? "replay: --baseline needs --report (the comparison is a page of it)"
                    : "replay: cannot read baseline " + baseline);
            return 2;
        }
        for (Path out : report == null ? java.util.List.of(output) : java.util.List.of(output, report)) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                err.println("replay: output directory " + parent + " does not exist");
                return 1;
            }
        }
        ModerationConfig config = Replayer.offline(loadConfig(Map.of()));
        ModerationEngine engine = engineOrNull(config, err, "replay");
        if (engine == null) {
            return 1;
        }
        PrintStream progress = ModerationCli.WriterStream.printStream(err);
        Replayer.Summary s = new Replayer(config, () -> engine, progress).run(input, output);
        err.printf("replay: %,d lines (%,d messages, %,d profiles, %,d decisions), %,d alerts %s, %,d to the DLQ, "
                        + "%,d late, %.1f s, %,.0f lines/s%n", s.lines(), s.messages(), s.profiles(), s.decisions(),
                s.alerts(), s.alertsByCategory(), s.dlq(), s.late(), s.seconds(), s.rate());
        if (report != null) {
            ReplayReport page = ReplayReport.of(output);
            if (baseline != null) {
                page.against(ReplayReport.of(baseline), baseline.getFileName().toString());
            }
            Files.writeString(report, page.html(s, input));
            err.println("replay: wrote " + report);
        }
        err.flush();
        return 0;
    }
}
