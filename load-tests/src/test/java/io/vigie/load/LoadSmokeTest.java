package io.vigie.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigie.load.bench.CoreStages;
import io.vigie.load.driver.DriverOptions;
import io.vigie.load.driver.LoadDriver;
import io.vigie.load.driver.Pipeline;
import io.vigie.load.driver.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * CI smoke: the generator, every JMH benchmark for a fraction of a second in-process, and a few seconds of the
 * driver on the embedded broker. Asserts that results are produced, never timings.
 */
class LoadSmokeTest {

    @Test
    void shouldGenerateTheRequestedNumberOfMessages(@TempDir Path dir) throws Exception {
        // given
        Path out = dir.resolve("feed.jsonl");

        // when
        int code = BenchCli.commandLine().execute("generate", "--out", out.toString(), "--messages", "500",
                "--seed", "4", "--harmful-rate", "0.1");

        // then
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(500, lines.stream().filter(l -> l.startsWith("{\"type\":\"message\"")).count());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"type\":\"profile\"")));
    }

    @Test
    void shouldRejectBadInputWithExitCodeOne() {
        assertEquals(1, BenchCli.commandLine().execute("generate", "--out", "x.jsonl", "--messages", "-1"));
        assertEquals(1, BenchCli.commandLine().execute("driver", "--guarantee", "sometimes"));
    }

    @Test
    void shouldRunTheLibraryBaselinesAndHashLookup() throws Exception {
        Collection<org.openjdk.jmh.results.RunResult> results = jmh(
                "io\\.vigie\\.load\\.bench\\.(LexiconBaselineBenchmark\\.(jdk|hankcs|robert).*|PdqLookupBenchmark.*)");
        assertEquals(3 + 2, results.size());
        for (org.openjdk.jmh.results.RunResult r : results) {
            assertTrue(r.getPrimaryResult().getScore() > 0, r.getParams().getBenchmark());
        }
    }

    @Test
    void shouldRunTheCoreStageBenchmarksOnceTheCoreHasLanded() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String stage : List.of("normalize", "signals", "rules", "engine")) {
            if (!CoreStages.available(stage)) {
                missing.add(stage);
            }
        }
        assumeTrue(missing.isEmpty(), "core stages not landed yet: " + missing);
        Collection<org.openjdk.jmh.results.RunResult> results = jmh(
                "io\\.vigie\\.load\\.bench\\.(CoreStageBenchmark|ScoreBenchmark|LexiconBaselineBenchmark\\.core).*");
        // three core stages, the message path with and without the risk model, the core beside the libraries
        assertEquals(3 + 2 + 1, results.size());
        for (org.openjdk.jmh.results.RunResult r : results) {
            assertTrue(r.getPrimaryResult().getScore() > 0, r.getParams().getBenchmark());
        }
    }

    @Test
    void shouldMeasureTheBaselinesAndThePipelineOnTheEmbeddedBroker(@TempDir Path dir) throws Exception {
        // given
        List<Pipeline> pipelines = new ArrayList<>(List.of(Pipeline.RAW, Pipeline.PASSTHROUGH));
        if (CoreStages.available("engine")) {
            pipelines.add(Pipeline.MODERATION);
        }
        DriverOptions options = new DriverOptions(null, pipelines, List.of("exactly_once_v2"), List.of(1_000), 2, 1,
                1, 0.05, 1, 5_000, null, "read_uncommitted", dir, Map.of(), "-Xmx384m -XX:+UseSerialGC");

        // when
        List<RunResult> results = new LoadDriver(options).run();

        // then
        assertFalse(results.isEmpty());
        for (RunResult r : results) {
            assertTrue(r.notes().stream().noneMatch(n -> n.contains("exited") || n.contains("did not consume")),
                    r.label() + " " + r.notes());
            assertTrue(r.sent() > 0, r.label());
            if (!r.pipeline().equals("moderation")) {
                assertTrue(r.latency().count() > 0, r.label() + " produced no output");
            }
        }
        assertTrue(Files.size(dir.resolve("result.json")) > 0);
        assertTrue(Files.readString(dir.resolve("report.html")).contains("<svg"));
    }

    @Test
    void shouldDrainABacklogWithBothPipelinesSideBySide(@TempDir Path dir) throws Exception {
        assumeTrue(CoreStages.available("engine"), "the moderation app has not landed");
        // given: 2,000 messages over three weeks of event time, already on the broker when each pipeline starts
        int code = BenchCli.commandLine().execute("backlog", "--messages", "2000", "--users", "300",
                "--span-days", "21", "--partitions", "2", "--timeout", "120", "--out", dir.toString(),
                "--app-java-opts", "-Xmx384m -XX:+UseSerialGC");
        // then both drained it completely, and the report holds the table and the plot
        assertEquals(0, code);
        var results = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("backlog-result.json").toFile());
        assertEquals(2, results.size());
        for (var r : results) {
            assertEquals(0, r.path("notes").size(), r.toString());
            assertTrue(r.path("drainRate").asDouble() > 0, r.toString());
            assertTrue(r.path("drainCpuMicrosPerMessage").asDouble() > 0, r.toString());
            // the JIT compiler's share is part of the drain's CPU, and is known on Linux (/proc)
            double jit = r.path("drainJitMicrosPerMessage").asDouble(-1);
            assertTrue(jit >= 0 && jit < r.path("drainCpuMicrosPerMessage").asDouble(), r.toString());
            assertTrue(jit > 0 || !Files.isDirectory(Path.of("/proc/self/task")), r.toString());
        }
        assertTrue(Files.readString(dir.resolve("backlog-report.html")).contains("<svg"));
    }

    private static Collection<org.openjdk.jmh.results.RunResult> jmh(String include) throws Exception {
        Options options = new OptionsBuilder().include(include).forks(0).warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100)).measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200)).param("length", "60").param("mix", "benign")
                .shouldFailOnError(true).build();
        return new Runner(options).run();
    }
}
