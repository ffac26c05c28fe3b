package io.vigie.load.driver;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of one driver invocation; every (pipeline, guarantee, rate) combination is one run, all on the same
 * broker, in that order. Immutable.
 *
 * @param bootstrap        broker to use; null to start an embedded one in this JVM
 * @param pipelines        what to measure, in order, never empty
 * @param guarantees       processing guarantees to try for Streams pipelines, never empty
 * @param rates            target send rates in msgs/s; 0 means as fast as possible
 * @param durationSec      measurement window per run, at least 1
 * @param warmupSec        warm-up per run at the target rate (not measured), at least 0
 * @param partitions       partitions of the input and output topics
 * @param harmfulRate      share of harmful scenario messages in the feed
 * @param seed             simulator seed
 * @param poolSize         distinct messages prebuilt and cycled
 * @param commitIntervalMs Streams commit.interval.ms for exactly-once runs; null for the Streams default (100)
 * @param actionsIsolation isolation level of the actions consumer (read_uncommitted or read_committed)
 * @param out              directory for result.json, report.html and the pipelines' logs
 * @param appEnv           extra environment for the pipeline JVMs (Streams and moderation settings)
 * @param appJavaOpts      JVM options of the pipeline JVMs
 */
public record DriverOptions(String bootstrap, List<Pipeline> pipelines, List<String> guarantees, List<Integer> rates,
                            int durationSec, int warmupSec, int partitions, double harmfulRate, long seed,
                            int poolSize, Integer commitIntervalMs, String actionsIsolation, Path out,
                            Map<String, String> appEnv, String appJavaOpts) {

    public DriverOptions {
        pipelines = List.copyOf(pipelines);
        guarantees = List.copyOf(guarantees);
        rates = List.copyOf(rates);
        appEnv = Map.copyOf(appEnv);
        Objects.requireNonNull(out, "out must not be null");
        if (pipelines.isEmpty() || guarantees.isEmpty() || rates.isEmpty()) {
            throw new IllegalArgumentException("pipelines, guarantees and rates must not be empty");
        }
        for (String g : guarantees) {
            if (!g.equals("exactly_once_v2") && !g.equals("at_least_once")) {
                throw new IllegalArgumentException("guarantee must be exactly_once_v2 or at_least_once, got " + g);
            }
        }
        for (int r : rates) {
            if (r < 0) {
                throw new IllegalArgumentException("rate must be at least 0 (0 = as fast as possible), got " + r);
            }
        }
        if (durationSec < 1 || warmupSec < 0 || partitions < 1 || poolSize < 1) {
            throw new IllegalArgumentException("duration >= 1 s, warm-up >= 0 s, partitions >= 1, pool >= 1");
        }
        if (!actionsIsolation.equals("read_uncommitted") && !actionsIsolation.equals("read_committed")) {
            throw new IllegalArgumentException("isolation must be read_uncommitted or read_committed, got "
                    + actionsIsolation);
        }
    }
}
