package io.vigie.load.driver;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
