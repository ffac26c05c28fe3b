package io.vigie.load.driver;

import java.util.List;
import java.util.Map;

/**
 * What one load run measured. Latencies are send→output in milliseconds from the <em>intended</em> send time
 * (coordinated-omission corrected); rates are messages per second over the measurement window.
 *
 * @param pipeline          what was measured
 * @param guarantee         Kafka Streams processing guarantee; "none" for the raw baseline
 * @param targetRate        scheduled send rate in msgs/s; 0 = as fast as possible
 * @param durationSec       length of the measurement window in seconds (after warm-up)
 * @param commitIntervalMs  Streams commit interval used; -1 for the raw baseline
 * @param actionsIsolation  isolation level of the consumer reading actions
 * @param sent              messages sent in the window
 * @param sendRate          achieved send rate
 * @param processedRate     input messages the pipeline consumed and committed per second
 * @param endLag            input records not yet committed when the window closed
 * @param drainSeconds      time after the window until the pipeline caught up (capped)
 * @param catchUpRate       input records committed per second from the end of the window until the backlog was
 *                          gone: what the pipeline sustains when the producer stops competing for the CPU
 *                          (the rate at which it catches up after an outage); 0 when the window ended with
 *                          less than a second of backlog or it never caught up
 * @param outputs           records read back on the output topic for messages sent in the window
 * @param repeatedOutputs   outputs whose messageId had already been seen (several actions, or duplicates)
 * @param latency           send→action (or send→output for the baselines) percentiles
 * @param alertLatency      send→alert percentiles; null for the baselines
 * @param alerts            alerts read for messages of the window
 * @param alertsByCategory  alert count per category
 * @param driverCpuCores    mean CPU of the driver JVM (producer, consumers, and the in-process broker), in cores
 * @param appCpuCores       mean CPU of the pipeline JVM, in cores; 0 for the raw baseline
 * @param appCpuMicrosPerMessage CPU time of the pipeline JVM per input record it consumed, from the start of
 *                          the window to the end of the drain, in microseconds: its cost per message, which
 *                          the other processes sharing the cores disturb far less than its throughput; 0 for
 *                          the raw baseline
 * @param appJitMicrosPerMessage of that, the CPU of the pipeline JVM's JIT compiler threads (0 where not known)
 * @param seconds           one entry per second of warm-up, window and drain
 * @param notes             what went wrong or is worth knowing; never null
 */
public record RunResult(String pipeline, String guarantee, int targetRate, int durationSec, long commitIntervalMs,
                        String actionsIsolation, long sent, double sendRate, double processedRate, long endLag,
                        double drainSeconds, double catchUpRate, long outputs, long repeatedOutputs, Percentiles latency,
                        Percentiles alertLatency, long alerts, Map<String, Long> alertsByCategory,
                        double driverCpuCores, double appCpuCores, double appCpuMicrosPerMessage,
                        double appJitMicrosPerMessage, List<Second> seconds, List<String> notes) {

    /** Latency percentiles in ms; {@code count} samples. */
    public record Percentiles(long count, double p50, double p90, double p99, double p999, double max) {
    }

    /**
     * One second of a run.
     *
     * @param t         seconds since the start of the warm-up
     * @param phase     warmup, measure or drain
     * @param sent      messages sent during this second
     * @param processed input messages committed by the pipeline during this second
     * @param lag       input records not yet committed
     * @param outputs   outputs read during this second
     * @param p50       send→output median of this second's outputs (ms); NaN-free: -1 when none
     * @param p99       99th percentile (ms); -1 when none
     * @param max       maximum (ms); -1 when none
     * @param alerts    alerts read during this second by category
     */
    public record Second(int t, String phase, long sent, long processed, long lag, long outputs, double p50,
                         double p99, double max, Map<String, Long> alerts) {
    }

    /** A short label: "moderation exactly_once_v2 @20000/s". */
    public String label() {
        return pipeline + " " + guarantee + " @" + (targetRate == 0 ? "max" : targetRate + "/s");
    }
}
