package io.vigie.load.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per op, beside JMH's wall-clock score: on a machine shared with other work the benchmark thread is
 * descheduled for part of every iteration, which lowers ops/s but not the CPU each op costs. Reports
 * {@code cpu.worker} (CPU time of the benchmark's worker threads, ns per op: the code under test alone) and
 * {@code cpu.process} (the whole JVM, GC and compiler threads included, ns per op). Use it with
 * {@code bin/moderation bench jmh --prof cpu ...} (or {@code --prof io.vigie.load.bench.CpuTimeProfiler}).
 *
 * <p>Ops are counted as JMH's GC profiler counts them ({@code allOps}: every op of the iteration), so the figures
 * cover the same window as {@code gc.alloc.rate.norm}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private static final String WORKER = "-jmh-worker-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long workerBefore;
    private long processBefore;

    @Override
    public String getDescription() {
        return "CPU time per op: the benchmark threads (cpu.worker) and the whole JVM (cpu.process)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workerBefore = workerCpuNanos();
        processBefore = os.getProcessCpuTime();
    }

    @Override
    public List<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                    IterationResult result) {
        long worker = workerCpuNanos() - workerBefore;
        long process = os.getProcessCpuTime() - processBefore;
        long ops = Math.max(1, result.getMetadata().getAllOps());
        return List.of(
                new ScalarResult("cpu.worker", (double) worker / ops, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process", (double) process / ops, "ns/op", AggregationPolicy.AVG));
    }

    /**
     * CPU time of the live JMH worker threads. JMH keeps its worker threads across the iterations of a trial, so
     * the difference over an iteration is the workers' CPU in it.
     */
    private long workerCpuNanos() {
        long sum = 0;
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && infos[i].getThreadName().contains(WORKER)) {
                long t = threads.getThreadCpuTime(ids[i]);
                if (t > 0) {
                    sum += t;
                }
            }
        }
        return sum;
    }
}
