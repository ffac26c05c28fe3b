package io.vigie.stream.it;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The real moderation app ({@code bin/moderation run}: {@code ModerationCli run --config FILE}) in a child JVM, so
 * a test can kill it without any chance to commit or close, exactly as a crash or an OOM kill would. Its console
 * (stdout and stderr, i.e. every log line an operator would see) goes to a file the test can read.
 */
final class AppProcess implements AutoCloseable {

    static final String CLI = AppLauncher.CLI;

    /** Unique topic names of one test. */
    record Topics(String messages, String profiles, String decisions, String alerts, String actions, String dlq) {
        static Topics prefixed(String prefix) {
            return new Topics(prefix + ".chat.messages", prefix + ".chat.profiles", prefix + ".moderation.decisions",
                    prefix + ".moderation.alerts", prefix + ".moderation.actions", prefix + ".chat.messages.dlq");
        }

        List<String> all() {
            return List.of(messages, profiles, decisions, alerts, actions, dlq);
        }
    }

    /** What one app instance is told: broker, identity, state directory, topics, guarantee and extra settings. */
    record Settings(String bootstrap, String applicationId, Path stateDir, Topics topics, String guarantee,
                    Map<String, String> extra) {
        Settings withStateDir(Path dir) {
            return new Settings(bootstrap, applicationId, dir, topics, guarantee, extra);
        }

        Settings withBootstrap(String servers) {
            return new Settings(servers, applicationId, stateDir, topics, guarantee, extra);
        }

        Map<String, String> properties() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("bootstrap.servers", bootstrap);
            p.put("application.id", applicationId);
            p.put("state.dir", stateDir.toString());
            p.put("processing.guarantee", guarantee);
            p.put("commit.interval.ms", "200");
            // a killed instance leaves the group in 6 s instead of 45 s, and its open transaction aborts in 10 s
            p.put("session.timeout.ms", "6000");
            p.put("heartbeat.interval.ms", "1500");
            p.put("moderation.topics.messages", topics.messages());
            p.put("moderation.topics.profiles", topics.profiles());
            p.put("moderation.topics.decisions", topics.decisions());
            p.put("moderation.topics.alerts", topics.alerts());
            p.put("moderation.topics.actions", topics.actions());
            p.put("moderation.topics.dlq", topics.dlq());
            p.put("moderation.topics.erasure", applicationId + ".erasure");
            p.put("moderation.topics.facts", applicationId + ".facts");
            p.put("moderation.topics.dismissals", applicationId + ".dismissals");
            p.put("moderation.topics.create", "true");
            p.put("moderation.http.port", "0");
            p.putAll(extra);
            return p;
        }
    }

    private final Process process;
    private final Path log;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the app in a child JVM with a 256 MB heap; its config file and console log go to {@code workDir}. */
    static AppProcess start(Settings settings, Path workDir, String name) {
        return start(settings, workDir, name, Map.of());
    }

    /** As {@link #start(Settings, Path, String)}, with environment variables (e.g. {@code KAFKA_SASL_*}). */
    static AppProcess start(Settings settings, Path workDir, String name, Map<String, String> env) {
        try {
            Files.createDirectories(workDir);
            Path config = workDir.resolve(name + ".properties");
            Properties props = new Properties();
            props.putAll(settings.properties());
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "integration test " + name);
            }
            Path log = workDir.resolve(name + ".log");
            return new AppProcess(AppLauncher.startRun(log, env, "--config", config.toString()), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the app process", e);
        }
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hook, no commit, no close. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** Asks for a graceful stop (SIGTERM, the shutdown hook runs) and waits; returns the exit code. */
    int stop() {
        process.destroy();
        return waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the app wrote to its console so far. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The end of the console log, for failure messages. */
    String logTail() {
        String all = log();
        return all.length() <= 8000 ? all : all.substring(all.length() - 8000);
    }

    private int waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
