package io.vigie.load;

import io.vigie.load.bench.CpuTimeProfiler;
import io.vigie.load.driver.DriverOptions;
import io.vigie.load.driver.LoadDriver;
import io.vigie.load.driver.Pipeline;
import io.vigie.stream.sim.ChatSimulator;
import io.vigie.stream.sim.SimConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/moderation bench <subcommand>}: traffic generation, the JMH suites, the load driver and its
 * baselines. Exit code 0 on success, 1 on bad input (one line on stderr), 2 when a run fails.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Traffic generator, JMH suites and load driver of Vigie.",
        subcommands = {BenchCli.Generate.class, BenchCli.Jmh.class, BenchCli.Driver.class, BenchCli.Baseline.class,
            BenchCli.StateSize.class, BenchCli.Backlog.class})
public final class BenchCli implements Callable<Integer> {

    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return 1;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with our error conventions: bad input → one line on stderr and exit 1. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new BenchCli());
        cmd.setParameterExceptionHandler((ex, a) -> {
            System.err.println("bench: " + ex.getMessage());
            return 1;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof IllegalArgumentException) {
                System.err.println("bench: " + ex.getMessage());
                return 1;
            }
            System.err.println("bench: " + c.getCommandName() + " failed: " + ex);
            ex.printStackTrace(System.err);
            return 2;
        });
        return cmd;
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Writes simulated chat (profiles and messages, contract JSON) as JSON lines.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "output file (JSONL)")
        Path out;

        @Option(names = "--messages", required = true, description = "number of chat messages")
        long messages;

        @Option(names = "--seed", defaultValue = "1", description = "simulator seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--harmful-rate", defaultValue = "0.01",
                description = "share of messages in harmful scenarios, 0..1 (default ${DEFAULT-VALUE})")
        double harmfulRate;

        @Option(names = "--labels", description = "add a \"sim\" field with the scenario to harmful messages")
        boolean labels;

        @Override
        public Integer call() {
            if (messages < 0) {
                throw new IllegalArgumentException("--messages must be at least 0, got " + messages);
            }
            ChatSimulator sim = new ChatSimulator(seed, SimConfig.defaults().withHarmfulRate(harmfulRate));
            long t0 = System.nanoTime();
            long lines = sim.writeJsonl(out, messages, labels,
                    n -> System.err.printf("generate: %,d / %,d messages%n", n, messages));
            System.err.printf("generate: wrote %,d lines (%,d messages, %,d harmful, %,d profiles) to %s in %.1f s%n",
                    lines, sim.messagesEmitted(), sim.harmfulEmitted(), lines - sim.messagesEmitted(), out,
                    (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }

    @Command(name = "jmh", mixinStandardHelpOptions = true,
            description = "Runs the JMH suites (io.vigie.load.bench). Regexes select benchmarks, as in JMH.")
    static final class Jmh implements Callable<Integer> {
        @Option(names = "--quick", description = "seconds instead of minutes: 1 warm-up and 2 measured iterations "
                + "of 0.5 s, one fork (a smoke check, not a measurement)")
        boolean quick;

        @Option(names = "--prof", description = "JMH profiler with its options as in JMH's -prof, e.g. gc, "
                + "jfr:dir=target/jfr; cpu = CPU time per op (CpuTimeProfiler)")
        List<String> profilers = new ArrayList<>();

        @Option(names = "--forks", description = "override the forks stated in the annotations")
        Integer forks;

        @Option(names = "--param", description = "override a @Param, e.g. length=60")
        List<String> params = new ArrayList<>();

        @Option(names = "--json", description = "also write JMH's JSON result here")
        Path json;

        @Parameters(arity = "0..*", description = "benchmark regexes (default: all)")
        List<String> includes = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            ChainedOptionsBuilder builder = new OptionsBuilder();
            if (includes.isEmpty()) {
                builder.include("io\\.vigie\\.load\\.bench\\..*");
            } else {
                includes.forEach(builder::include);
            }
            if (quick) {
                builder.warmupIterations(1).warmupTime(TimeValue.milliseconds(500))
                        .measurementIterations(2).measurementTime(TimeValue.milliseconds(500)).forks(1);
            }
            if (forks != null) {
                builder.forks(forks);
            }
            for (String p : params) {
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--param must be name=value[,value], got " + p);
                }
                builder.param(p.substring(0, eq), p.substring(eq + 1).split(","));
            }
            for (String p : profilers) {
                int colon = p.indexOf(':');
                String name = colon < 0 ? p : p.substring(0, colon);
                String options = colon < 0 ? "" : p.substring(colon + 1);
                builder.addProfiler(name.equals("cpu") ? CpuTimeProfiler.class.getName() : name, options);
            }
            if (json != null) {
                builder.resultFormat(ResultFormatType.JSON).result(json.toString());
            }
            new Runner(builder.build()).run();
            return 0;
        }
    }

    /** Options shared by {@code driver} and {@code baseline}. */
    abstract static class DriverCommand implements Callable<Integer> {
        @Option(names = "--bootstrap", description = "broker HOST:PORT (default: an embedded broker)")
        String bootstrap;

        @Option(names = "--embedded", description = "start an embedded broker in this JVM (the default)")
        boolean embedded;

        @Option(names = "--rate", split = ",", description = "target rates in msgs/s, comma-separated; "
                + "one run per rate (default 20000)")
        List<Integer> rates = new ArrayList<>();

        @Option(names = "--max", description = "also run as fast as possible")
        boolean max;

        @Option(names = "--duration", defaultValue = "20", description = "measured seconds per run "
                + "(default ${DEFAULT-VALUE})")
        int duration;

        @Option(names = "--warmup", defaultValue = "5", description = "warm-up seconds per run (default ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--guarantee", split = ",", description = "exactly_once_v2 and/or at_least_once "
                + "(default exactly_once_v2)")
        List<String> guarantees = new ArrayList<>();

        @Option(names = "--out", defaultValue = "target/load", description = "directory for result.json and "
                + "report.html (default ${DEFAULT-VALUE})")
        Path out;

        @Option(names = "--harmful-rate", defaultValue = "0.02", description = "(default ${DEFAULT-VALUE})")
        double harmfulRate;

        @Option(names = "--seed", defaultValue = "1")
        long seed;

        @Option(names = "--partitions", defaultValue = "2", description = "partitions per topic (default ${DEFAULT-VALUE})")
        int partitions;

        @Option(names = "--pool", defaultValue = "100000", description = "distinct prebuilt messages (default ${DEFAULT-VALUE})")
        int pool;

        @Option(names = "--commit-interval-ms", description = "commit.interval.ms of exactly_once_v2 runs "
                + "(default: the Streams default, 100)")
        Integer commitIntervalMs;

        @Option(names = "--actions-isolation", defaultValue = "read_uncommitted",
                description = "how the actions are read: read_uncommitted (default; actions are idempotent "
                        + "commands) or read_committed")
        String actionsIsolation;

        @Option(names = "--app-env", description = "extra KEY=VALUE environment for the pipeline JVMs")
        Map<String, String> appEnv = new LinkedHashMap<>();

        @Option(names = "--app-java-opts", defaultValue = "-Xmx1g -XX:+UseParallelGC",
                description = "JVM options of the pipeline JVMs (default ${DEFAULT-VALUE})")
        String appJavaOpts;

        abstract List<Pipeline> defaultPipelines();

        @Option(names = "--pipelines", split = ",", description = "raw, passthrough and/or moderation")
        List<String> pipelines = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            if (bootstrap != null && embedded) {
                throw new IllegalArgumentException("--bootstrap and --embedded are exclusive");
            }
            List<Integer> allRates = new ArrayList<>(rates.isEmpty() && !max ? List.of(20_000) : rates);
            if (max) {
                allRates.add(0);
            }
            List<Pipeline> chosen = pipelines.isEmpty() ? defaultPipelines()
                    : pipelines.stream().map(Pipeline::parse).toList();
            DriverOptions options = new DriverOptions(bootstrap, chosen,
                    guarantees.isEmpty() ? List.of("exactly_once_v2") : guarantees, allRates, duration, warmup,
                    partitions, harmfulRate, seed, pool, commitIntervalMs, actionsIsolation, out, appEnv,
                    appJavaOpts);
            new LoadDriver(options).run();
            System.err.println("driver: wrote " + out.resolve("result.json") + " and " + out.resolve("report.html"));
            return 0;
        }
    }

    @Command(name = "driver", mixinStandardHelpOptions = true,
            description = "Open-loop load on the moderation pipeline with the raw and pass-through baselines on "
                    + "the same broker; writes result.json and report.html.")
    static final class Driver extends DriverCommand {
        @Override
        List<Pipeline> defaultPipelines() {
            return Arrays.asList(Pipeline.RAW, Pipeline.PASSTHROUGH, Pipeline.MODERATION);
        }
    }

    @Command(name = "baseline", mixinStandardHelpOptions = true,
            description = "Only the baselines: raw producer→consumer and the pass-through topology.")
    static final class Baseline extends DriverCommand {
        @Override
        List<Pipeline> defaultPipelines() {
            return Arrays.asList(Pipeline.RAW, Pipeline.PASSTHROUGH);
        }
    }

    @Command(name = "state-size", mixinStandardHelpOptions = true,
            description = "Bytes of state per active conversation, user, sender and device, measured on simulated "
                    + "chat with the stores' own serdes; and what 1 M active conversations need.")
    static final class StateSize implements Callable<Integer> {
        @Option(names = "--messages", defaultValue = "300000", description = "messages to run (default ${DEFAULT-VALUE})")
        long messages;

        @Option(names = "--users", defaultValue = "20000", description = "simulated users (default ${DEFAULT-VALUE})")
        int users;

        @Option(names = "--seed", defaultValue = "1", description = "simulator seed (default ${DEFAULT-VALUE})")
        long seed;

        @Override
        public Integer call() {
            if (messages < 1 || users < 10) {
                throw new IllegalArgumentException("--messages must be ≥ 1 and --users ≥ 10");
            }
            io.vigie.load.state.StateSizeReport.print(
                    new io.vigie.load.state.StateSizeReport().run(seed, users, messages, System.err), System.out);
            return 0;
        }
    }

    @Command(name = "backlog", mixinStandardHelpOptions = true,
            description = "The backlog scenario: profiles, then every message, on the broker before the pipeline "
                    + "starts, event times spread over weeks; each pipeline drains its own copy, side by side on "
                    + "one broker. Writes backlog-result.json and backlog-report.html.")
    static final class Backlog implements Callable<Integer> {
        @Option(names = "--bootstrap", description = "broker HOST:PORT (default: an embedded broker)")
        String bootstrap;

        @Option(names = "--pipelines", split = ",", defaultValue = "passthrough,moderation",
                description = "passthrough and/or moderation (default ${DEFAULT-VALUE})")
        List<String> pipelines;

        @Option(names = "--guarantee", defaultValue = "exactly_once_v2", description = "(default ${DEFAULT-VALUE})")
        String guarantee;

        @Option(names = "--messages", defaultValue = "200000", description = "(default ${DEFAULT-VALUE})")
        int messages;

        @Option(names = "--users", defaultValue = "50000", description = "(default ${DEFAULT-VALUE})")
        int users;

        @Option(names = "--span-days", defaultValue = "730",
                description = "days of event time the messages spread over (default ${DEFAULT-VALUE})")
        double spanDays;

        @Option(names = "--partitions", defaultValue = "4", description = "(default ${DEFAULT-VALUE})")
        int partitions;

        @Option(names = "--harmful-rate", defaultValue = "0.02", description = "(default ${DEFAULT-VALUE})")
        double harmfulRate;

        @Option(names = "--seed", defaultValue = "1")
        long seed;

        @Option(names = "--timeout", defaultValue = "600", description = "seconds per pipeline (default ${DEFAULT-VALUE})")
        int timeoutSec;

        @Option(names = "--out", defaultValue = "target/backlog", description = "(default ${DEFAULT-VALUE})")
        Path out;

        @Option(names = "--app-env", description = "extra KEY=VALUE environment for the pipeline JVMs")
        Map<String, String> appEnv = new java.util.HashMap<>();

        @Option(names = "--app-java-opts", defaultValue = "-Xmx1g -XX:+UseParallelGC",
                description = "JVM options of the pipeline JVMs (default ${DEFAULT-VALUE})")
        String appJavaOpts;

        @Option(names = "--app-classpath", description = "class path of the pipeline JVMs (default: this one's), "
                + "e.g. an earlier build's jars, to compare two versions on the same backlog")
        String appClasspath;

        @Override
        public Integer call() throws Exception {
            if (messages < 1 || users < 10 || spanDays <= 0 || partitions < 1) {
                throw new IllegalArgumentException("--messages ≥ 1, --users ≥ 10, --span-days > 0, --partitions ≥ 1");
            }
            List<Pipeline> chosen = pipelines.stream().map(Pipeline::parse).toList();
            if (chosen.contains(Pipeline.RAW)) {
                throw new IllegalArgumentException("the backlog scenario runs passthrough and moderation only");
            }
            io.vigie.load.driver.BacklogRun run = new io.vigie.load.driver.BacklogRun(
                    new io.vigie.load.driver.BacklogRun.Options(bootstrap, chosen, guarantee, messages, users,
                            spanDays, partitions, harmfulRate, seed, timeoutSec, out, appEnv, appJavaOpts,
                            appClasspath),
                    System.err);
            List<io.vigie.load.driver.BacklogRun.Result> results = run.execute();
            String command = "bench backlog --pipelines " + String.join(",", pipelines) + " --guarantee "
                    + guarantee + " --messages " + messages + " --users " + users + " --span-days " + spanDays
                    + " --partitions " + partitions;
            run.write(results, command);
            for (var r : results) {
                System.out.printf(java.util.Locale.ROOT, "%-12s %s: %,d msgs, startup %.1f s, drain %.1f s, "
                                + "%,.0f msgs/s from start, %,.0f msgs/s drain, CPU %.0f µs/msg (drain %.0f, of which JIT "
                                + "compiler %.0f)%s%n",
                        r.pipeline(), r.guarantee(), r.messages(), r.startupSeconds(), r.drainSeconds(),
                        r.rateFromStart(), r.drainRate(), r.cpuMicrosPerMessage(), r.drainCpuMicrosPerMessage(),
                        r.drainJitMicrosPerMessage(),
                        r.notes().isEmpty() ? "" : " (" + String.join("; ", r.notes()) + ")");
            }
            System.err.println("backlog: wrote " + out.resolve("backlog-result.json") + " and "
                    + out.resolve("backlog-report.html"));
            return 0;
        }
    }
}
