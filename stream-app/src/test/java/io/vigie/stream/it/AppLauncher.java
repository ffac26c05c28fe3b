package io.vigie.stream.it;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts {@code moderation run} in a child JVM for the integration tests: this JVM's java and class path, a
 * 256 MB heap with the serial collector, stdout and stderr appended to one log file, and none of the caller's
 * {@code KAFKA_*} or {@code MODERATION_*} variables (a developer's settings must not leak in) besides the
 * {@code env} given. Stateless and thread-safe.
 */
public final class AppLauncher {

    /** The CLI's main class. */
    public static final String CLI = "io.vigie.stream.cli.ModerationCli";

    private AppLauncher() {
    }

    /**
     * Starts {@code moderation run <runArgs>}.
     *
     * @param log     the file the child's output is appended to (created if missing); never null
     * @param env     environment variables added for the child; never null
     * @param runArgs arguments after {@code run}, e.g. {@code --config FILE}
     * @return the started process; the caller stops it
     * @throws IOException when the process cannot start
     */
    public static Process startRun(Path log, Map<String, String> env, String... runArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CLI);
        command.add("run");
        command.addAll(List.of(runArgs));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("MODERATION_"));
        pb.environment().putAll(env);
        return pb.start();
    }
}
