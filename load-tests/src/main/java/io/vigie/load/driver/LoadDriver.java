package io.vigie.load.driver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vigie.stream.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every (pipeline, guarantee, rate) combination of {@link DriverOptions} on one broker, one after the
 * other, and rewrites {@code result.json} and {@code report.html} after each run so a long session leaves
 * usable results even if interrupted. Not thread-safe; one invocation at a time.
 */
public final class LoadDriver {

    private final DriverOptions options;

    public LoadDriver(DriverOptions options) {
        this.options = options;
    }

    /**
     * Runs everything.
     *
     * @return the results, in run order
     * @throws Exception when the broker cannot be reached or a result file cannot be written
     */
    public List<RunResult> run() throws Exception {
        Files.createDirectories(options.out());
        EmbeddedKafkaBroker broker = null;
        String bootstrap = options.bootstrap();
        if (bootstrap == null) {
            broker = EmbeddedKafkaBroker.create().start();
            bootstrap = broker.bootstrapServers();
            System.err.println("driver: embedded broker at " + bootstrap);
        }
        try {
            System.err.printf("driver: building a pool of %d messages (seed %d, %.1f %% harmful)%n",
                    options.poolSize(), options.seed(), options.harmfulRate() * 100);
            FeedPool pool = new FeedPool(options.poolSize(), options.harmfulRate(), options.seed());
            List<RunResult> results = new ArrayList<>();
            int index = 0;
            for (Pipeline pipeline : options.pipelines()) {
                if (pipeline == Pipeline.MODERATION && !LoadRun.moderationAppAvailable()) {
                    System.err.println("driver: skipping the moderation pipeline: " + LoadRun.MODERATION_MAIN
                            + " is not in this build");
                    continue;
                }
                List<String> guarantees = pipeline == Pipeline.RAW ? List.of("none") : options.guarantees();
                for (String guarantee : guarantees) {
                    for (int rate : options.rates()) {
                        LoadRun run = new LoadRun(options, pool, bootstrap, pipeline, guarantee, rate, ++index);
                        RunResult result = run.execute();
                        results.add(result);
                        System.err.printf(java.util.Locale.ROOT,
                                "driver: %s -> sent %.0f/s, processed %.0f/s%s, p50 %.1f ms, p99 %.1f ms, "
                                        + "p99.9 %.1f ms (%d samples), pipeline CPU %.0f µs/msg (JIT compiler %.0f)%s%n",
                                result.label(), result.sendRate(), result.processedRate(),
                                result.catchUpRate() > 0 ? String.format(java.util.Locale.ROOT,
                                        " (catching up at %.0f/s once sends stopped)", result.catchUpRate()) : "",
                                result.latency().p50(),
                                result.latency().p99(), result.latency().p999(), result.latency().count(),
                                result.appCpuMicrosPerMessage(), result.appJitMicrosPerMessage(),
                                result.notes().isEmpty() ? "" : " " + result.notes());
                        write(results);
                    }
                }
            }
            return results;
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    private void write(List<RunResult> results) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("generatedAt", Instant.now().toString());
        doc.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name")));
        doc.put("options", Map.of("durationSec", options.durationSec(), "warmupSec", options.warmupSec(),
                "partitions", options.partitions(), "harmfulRate", options.harmfulRate(), "seed", options.seed(),
                "poolSize", options.poolSize(), "actionsIsolation", options.actionsIsolation(),
                "commitIntervalMs", options.commitIntervalMs() == null ? "default" : options.commitIntervalMs(),
                "broker", options.bootstrap() == null ? "embedded (in the driver JVM)" : options.bootstrap()));
        doc.put("runs", results);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(options.out().resolve("result.json"), mapper.writeValueAsString(doc),
                StandardCharsets.UTF_8);
        Files.writeString(options.out().resolve("report.html"), HtmlReport.render(results, doc),
                StandardCharsets.UTF_8);
    }
}
