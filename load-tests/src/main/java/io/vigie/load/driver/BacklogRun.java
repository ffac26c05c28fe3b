package io.vigie.load.driver;

import io.vigie.stream.broker.EmbeddedKafkaBroker;
import io.vigie.stream.sim.ChatSimulator;
import io.vigie.stream.sim.SimConfig;
import io.vigie.stream.sim.SimEvent;
import io.vigie.stream.sim.SimJson;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The backlog scenario of issue 12: what an operator meets after downtime, or when a new deployment reads retained
 * history. Every profile, then every message, is on the broker before the pipeline starts; event times are spread
 * over weeks (or years); the pipeline then drains it. One run per pipeline, all on the same broker and the same
 * records (each run gets fresh topics), so pass-through and moderation are compared side by side.
 *
 * <p>What it reports per pipeline: seconds from the pipeline JVM's start to its first committed input and to the
 * last, the drain rate over both spans, the pipeline JVM's CPU per message (all of it, JIT and startup included,
 * and over the drain alone, the drain also without the JIT compiler threads' share), and the committed input per
 * second for the plot.
 */
public final class BacklogRun {

    /**
     * What one backlog run measured.
     *
     * @param startupSeconds   pipeline JVM start to its first committed input
     * @param drainSeconds     first committed input to the last
     * @param rateFromStart    messages / (startup + drain)
     * @param drainRate        messages / drain
     * @param cpuMicrosPerMessage     pipeline JVM CPU from its start to the end, per message
     * @param drainCpuMicrosPerMessage pipeline JVM CPU during the drain, per message
     * @param drainJitMicrosPerMessage  of that, the JIT compiler threads' CPU, per message (0 where not known): a
     *                                  fresh JVM's one-off cost, which a short backlog pays in full
     * @param committedPerSecond input records committed in each second since the pipeline started
     */
    public record Result(String pipeline, String guarantee, long messages, long profiles, double spanDays,
                         double startupSeconds, double drainSeconds, double rateFromStart, double drainRate,
                         double cpuMicrosPerMessage, double drainCpuMicrosPerMessage, double drainJitMicrosPerMessage,
                         List<Long> committedPerSecond, List<String> notes) {

        /** Drain CPU per message without the JIT compiler threads: the pipeline's own work once compiled. */
        public double drainCpuWithoutJitMicrosPerMessage() {
            return drainCpuMicrosPerMessage < 0 ? -1 : drainCpuMicrosPerMessage - drainJitMicrosPerMessage;
        }
    }

    /** Settings of a backlog comparison. */
    public record Options(String bootstrap, List<Pipeline> pipelines, String guarantee, int messages, int users,
                          double spanDays, int partitions, double harmfulRate, long seed, int timeoutSec, Path out,
                          Map<String, String> appEnv, String appJavaOpts, String appClasspath) {
    }

    private final Options options;
    private final PrintStream progress;
    private final List<byte[][]> profiles = new ArrayList<>();
    private final List<byte[][]> messages = new ArrayList<>();

    public BacklogRun(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Generates the backlog once, then runs each pipeline on a copy of it; returns one result per pipeline. */
    public List<Result> execute() throws Exception {
        generate();
        EmbeddedKafkaBroker embedded = null;
        String bootstrap = options.bootstrap();
        if (bootstrap == null) {
            embedded = EmbeddedKafkaBroker.create().start();
            bootstrap = embedded.bootstrapServers();
        }
        try {
            List<Result> results = new ArrayList<>();
            int index = 0;
            for (Pipeline p : options.pipelines()) {
                results.add(run(bootstrap, p, index++));
            }
            return results;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** The simulator's traffic, event times spread evenly over the span; profiles kept apart, to go first. */
    private void generate() {
        double gapMs = options.spanDays() * 86_400_000.0 / options.messages();
        ChatSimulator sim = new ChatSimulator(options.seed(), SimConfig.defaults().withUsers(options.users())
                .withHarmfulRate(options.harmfulRate()).withMeanGapMs(gapMs)
                .withStart(Instant.now().minusMillis((long) (options.spanDays() * 86_400_000.0) + 86_400_000L)));
        while (messages.size() < options.messages()) {
            SimEvent e = sim.next();
            byte[][] kv = {e.key().getBytes(StandardCharsets.UTF_8), SimJson.toBytes(e)};
            (e instanceof SimEvent.ProfileEvent ? profiles : messages).add(kv);
        }
        progress.printf("backlog: %,d profiles and %,d messages over %.0f days of event time%n", profiles.size(),
                messages.size(), options.spanDays());
    }

    private Result run(String bootstrap, Pipeline pipeline, int index) throws Exception {
        String runId = "b" + index + "-" + pipeline.cliName() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        Map<String, String> topics = new HashMap<>();
        for (String t : List.of("messages", "profiles", "decisions", "alerts", "actions", "dlq", "erasure", "facts",
                "dismissals")) {
            topics.put(t, "bench." + runId + "." + t);
        }
        List<NewTopic> create = new ArrayList<>();
        for (String t : List.of("messages", "alerts", "actions")) {
            create.add(new NewTopic(topics.get(t), options.partitions(), (short) 1));
        }
        for (String t : List.of("profiles", "facts", "dismissals", "erasure")) {
            create.add(new NewTopic(topics.get(t), options.partitions(), (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")));
        }
        for (String t : List.of("decisions", "dlq")) {
            create.add(new NewTopic(topics.get(t), 1, (short) 1));
        }
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        EmbeddedKafkaBroker.createTopics(admin, create);
        long produceStart = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(LoadRun.producerConfig(bootstrap, 5, 256 * 1024))) {
            for (byte[][] p : profiles) {
                producer.send(new ProducerRecord<>(topics.get("profiles"), p[0], p[1]));
            }
            producer.flush();
            for (byte[][] m : messages) {
                producer.send(new ProducerRecord<>(topics.get("messages"), m[0], m[1]));
            }
            producer.flush();
        }
        progress.printf("backlog %s: %,d records produced in %.1f s; starting the pipeline%n", pipeline.cliName(),
                profiles.size() + messages.size(), (System.nanoTime() - produceStart) / 1e9);

        String applicationId = "vigie-backlog-" + runId;
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("KAFKA_APPLICATION_ID", applicationId);
        env.put("KAFKA_PROCESSING_GUARANTEE", options.guarantee());
        env.put("KAFKA_STATE_DIR", options.out().resolve("state").resolve(runId).toAbsolutePath().toString());
        topics.forEach((k, v) -> env.put("MODERATION_TOPICS_" + k.toUpperCase(java.util.Locale.ROOT), v));
        env.put("MODERATION_HTTP_PORT", "0");
        env.putAll(options.appEnv());
        Files.createDirectories(options.out());
        Path log = options.out().resolve(runId + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(options.appJavaOpts().split("\\s+")));
        command.addAll(List.of("-cp", options.appClasspath() != null ? options.appClasspath()
                : System.getProperty("java.class.path"), pipeline == Pipeline.PASSTHROUGH
                ? PassthroughTopology.class.getName() : LoadRun.MODERATION_MAIN));
        if (pipeline == Pipeline.MODERATION) {
            command.add("run");
        }
        List<String> notes = new ArrayList<>();
        List<Long> perSecond = new ArrayList<>();
        long total = messages.size();
        long start = System.nanoTime();
        try (PipelineProcess app = PipelineProcess.start(command, env, log);
             Admin client = Admin.create(admin)) {
            long firstCommitNanos = 0;
            long firstCommitCpu = 0;
            long firstCommitJit = 0;
            long last = 0;
            long nextSecond = start + 1_000_000_000L;
            while (true) {
                if (!app.alive()) {
                    notes.add("the pipeline JVM exited with " + app.exitCode() + "; see " + log);
                    break;
                }
                long done = LoadRun.committed(client, applicationId, topics.get("messages"));
                long now = System.nanoTime();
                if (done > 0 && firstCommitNanos == 0) {
                    firstCommitNanos = now;
                    firstCommitCpu = app.cpuNanos();
                    firstCommitJit = app.jitCpuNanos();
                }
                while (now >= nextSecond) {
                    perSecond.add(done - last);
                    last = done;
                    nextSecond += 1_000_000_000L;
                    if (perSecond.size() % 10 == 0) {
                        progress.printf("backlog %s: %,d of %,d committed after %d s%n", pipeline.cliName(), done,
                                total, perSecond.size());
                    }
                }
                if (done >= total) {
                    double startup = (firstCommitNanos - start) / 1e9;
                    double drain = Math.max(1e-3, (now - firstCommitNanos) / 1e9);
                    long cpu = app.cpuNanos();
                    long jit = app.jitCpuNanos();
                    perSecond.add(done - last);
                    return new Result(pipeline.cliName(), options.guarantee(), total, profiles.size(),
                            options.spanDays(), startup, drain, total / (startup + drain), total / drain,
                            cpu / 1e3 / total, (cpu - firstCommitCpu) / 1e3 / total,
                            (jit - firstCommitJit) / 1e3 / total, perSecond, notes);
                }
                if (now - start > TimeUnit.SECONDS.toNanos(options.timeoutSec())) {
                    notes.add("not drained within " + options.timeoutSec() + " s: " + done + " of " + total);
                    break;
                }
                Thread.sleep(200);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long done = LoadRun.committed(client, applicationId, topics.get("messages"));
            return new Result(pipeline.cliName(), options.guarantee(), total, profiles.size(), options.spanDays(),
                    firstCommitNanos == 0 ? -1 : (firstCommitNanos - start) / 1e9, -1, done / elapsed, -1,
                    app.cpuNanos() / 1e3 / Math.max(1, done), -1, 0, perSecond, notes);
        }
    }

    /** A self-contained HTML page: the table and the committed-per-second plot of every pipeline. */
    public static String report(List<Result> results, String command) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Vigie "
                + "backlog drain</title><style>body{font-family:sans-serif;margin:2em}td,th{padding:2px 8px;"
                + "text-align:right}th{background:#eee}</style></head><body><h1>Backlog drain</h1><p>")
                .append(io.vigie.stream.report.StackedBars.esc(command)).append("</p><table><tr><th>pipeline</th>"
                        + "<th>guarantee</th><th>messages</th><th>profiles</th><th>event-time span (days)</th>"
                        + "<th>startup s</th><th>drain s</th><th>msgs/s from start</th><th>msgs/s drain</th>"
                        + "<th>CPU µs/msg (all)</th><th>CPU µs/msg (drain)</th><th>of which JIT compiler</th>"
                        + "<th>drain without JIT</th><th>notes</th></tr>");
        for (Result r : results) {
            html.append("<tr><td>").append(r.pipeline()).append("</td><td>").append(r.guarantee()).append("</td><td>")
                    .append(r.messages()).append("</td><td>").append(r.profiles()).append("</td><td>")
                    .append(HtmlReport.fmt(r.spanDays())).append("</td><td>").append(HtmlReport.fmt(r.startupSeconds()))
                    .append("</td><td>").append(HtmlReport.fmt(r.drainSeconds())).append("</td><td>")
                    .append(HtmlReport.fmt(r.rateFromStart())).append("</td><td>")
                    .append(HtmlReport.fmt(r.drainRate())).append("</td><td>")
                    .append(HtmlReport.fmt(r.cpuMicrosPerMessage())).append("</td><td>")
                    .append(HtmlReport.fmt(r.drainCpuMicrosPerMessage())).append("</td><td>")
                    .append(HtmlReport.fmt(r.drainJitMicrosPerMessage())).append("</td><td>")
                    .append(HtmlReport.fmt(r.drainCpuWithoutJitMicrosPerMessage())).append("</td><td>")
                    .append(io.vigie.stream.report.StackedBars.esc(String.join("; ", r.notes())))
                    .append("</td></tr>");
        }
        html.append("</table><h2>Input committed per second since the pipeline started</h2>");
        List<HtmlReport.Series> series = new ArrayList<>();
        for (Result r : results) {
            List<HtmlReport.Point> points = new ArrayList<>();
            for (int i = 0; i < r.committedPerSecond().size(); i++) {
                points.add(new HtmlReport.Point(i + 1, r.committedPerSecond().get(i)));
            }
            series.add(new HtmlReport.Series(r.pipeline() + " " + r.guarantee(), points, false));
        }
        html.append(HtmlReport.lineChart(series, "seconds since the pipeline JVM started", "msgs/s", false, false));
        return html.append("</body></html>").toString();
    }

    /** Writes {@code result.json} and {@code report.html} to the output directory. */
    public void write(List<Result> results, String command) throws IOException {
        Files.createDirectories(options.out());
        Files.writeString(options.out().resolve("backlog-result.json"),
                SimJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        Files.writeString(options.out().resolve("backlog-report.html"), report(results, command));
    }
}
