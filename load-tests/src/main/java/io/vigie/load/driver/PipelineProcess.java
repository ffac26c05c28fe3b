package io.vigie.load.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A pipeline under test running in its own JVM, its output appended to a log file. {@link #close()} asks it to
 * stop (SIGTERM, so Kafka Streams closes cleanly) and kills it after 20 s. A shutdown hook kills it if the
 * driver dies first. Not thread-safe.
 */
final class PipelineProcess implements AutoCloseable {

    private final Process process;
    private final Thread reaper;

    private PipelineProcess(Process process) {
        this.process = process;
        this.reaper = new Thread(process::destroyForcibly, "bench-pipeline-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    static PipelineProcess start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new PipelineProcess(builder.start());
    }

    boolean alive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** CPU time used so far by the pipeline JVM, in ns; 0 when the platform does not tell. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * CPU time used so far by the pipeline JVM's JIT compiler threads (HotSpot's "C1/C2 CompilerThread"), in ns;
     * 0 where {@code /proc} does not tell (not Linux). Compiling is a one-off cost of a fresh JVM that a short run
     * pays in full, so the reports show CPU per message with and without it.
     */
    long jitCpuNanos() {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) threads::iterator) {
                ticks += compilerTicks(t);
            }
        } catch (IOException | RuntimeException e) {
            return 0; // no /proc, or the JVM is gone
        }
        return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
    }

    /** Linux's USER_HZ, the unit of {@code /proc/.../stat} times: 100 on every mainstream kernel build. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private static long compilerTicks(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm")).trim();
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            String stat = Files.readString(thread.resolve("stat"));
            // fields after the parenthesised name: state is field 3, utime 14, stime 15
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down: the hook runs anyway, harmlessly
        }
    }
}
