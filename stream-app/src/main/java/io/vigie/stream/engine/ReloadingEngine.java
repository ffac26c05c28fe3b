package io.vigie.stream.engine;

import io.vigie.core.ModerationEngine;
import io.vigie.core.assess.Policy;
import io.vigie.core.load.LoadError;
import io.vigie.core.load.LoadException;
import io.vigie.stream.metrics.ModerationMetrics;
import io.vigie.stream.topology.EngineSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The engine in force, reloaded without restart when the operator edits the rule pack (or lexicon, or hash
 * list) directories: {@link #checkNow()} compares a fingerprint of the files (names, sizes, modification
 * times) with the last one, compiles a new engine when it changed, and swaps it in atomically; processors open
 * a new session on their next record. A pack that does not compile is refused: every error is logged as
 * {@code file:line: reason}, {@code moderation.rules.reloads{result=refused}} moves, and the running pack
 * keeps running. Polling (not a WatchService) because it behaves the same on every file system, including
 * the mounted volumes of containers.
 *
 * <p>Thread-safe: {@link #current()} is a volatile read; checks run on one daemon thread.
 */
public final class ReloadingEngine implements EngineSupplier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingEngine.class);

    /** Compiles an engine from the directories; the seam for tests. */
    @FunctionalInterface
    public interface Loader {
        ModerationEngine load(Path rulesDir, Path lexiconDir, Path hashListDir) throws LoadException;
    }

    private final Path rulesDir;
    private final Path lexiconDir;
    private final Path hashListDir;
    private final Loader loader;
    private final ModerationMetrics metrics;
    private final AtomicReference<ModerationEngine> current = new AtomicReference<>();
    private volatile String fingerprint;
    private ScheduledExecutorService scheduler;

    /**
     * Loads the first engine.
     *
     * @param rulesDir    may be null (embedded pack; nothing to watch)
     * @throws LoadException when the first pack does not compile (the app must not start on it)
     */
    public ReloadingEngine(Path rulesDir, Path lexiconDir, Path hashListDir, Loader loader,
                           ModerationMetrics metrics) throws LoadException {
        this.rulesDir = rulesDir;
        this.lexiconDir = lexiconDir;
        this.hashListDir = hashListDir;
        this.loader = Objects.requireNonNull(loader, "loader must not be null");
        this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
        this.fingerprint = fingerprint();
        ModerationEngine first = loader.load(rulesDir, lexiconDir, hashListDir);
        current.set(first);
        metrics.registerRules(first.ruleIds());
    }

    /**
     * The production loader: {@link ModerationEngine#load} (the built-in pack, lexicons and hash lists where no
     * directory is given) with the configured risk model (read once) and policy, on the first load and on every
     * reload.
     */
    public static Loader loader(io.vigie.core.model.RiskModel riskModel, Policy policy) {
        return (rules, lexicons, hashes) -> ModerationEngine.load(rules, lexicons, hashes, riskModel, policy);
    }

    @Override
    public ModerationEngine current() {
        return current.get();
    }

    /** Starts polling every {@code intervalMs} (0 or no directory: never). */
    public synchronized void startWatching(long intervalMs) {
        if (intervalMs <= 0 || (rulesDir == null && lexiconDir == null && hashListDir == null)
                || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigie-rules-reload");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                checkNow();
            } catch (RuntimeException e) {
                LOG.error("Rule pack check failed; the running pack stays in force", e);
            }
        }, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Reloads when the files changed since the last check.
     *
     * @return true when a new engine was swapped in
     */
    public boolean checkNow() {
        String now = fingerprint();
        if (now.equals(fingerprint)) {
            return false;
        }
        fingerprint = now;
        ModerationEngine next;
        try {
            next = loader.load(rulesDir, lexiconDir, hashListDir);
        } catch (LoadException e) {
            metrics.reload(false);
            LOG.error("Rule pack refused, the running pack ({}) stays in force: {} error(s)",
                    current.get().rulesVersion(), e.errors().size());
            for (LoadError error : e.errors()) {
                LOG.error("  {}", error);
            }
            return false;
        } catch (RuntimeException e) {
            metrics.reload(false);
            LOG.error("Rule pack refused, the running pack stays in force: {}", e.toString());
            return false;
        }
        metrics.registerRules(next.ruleIds());
        ModerationEngine previous = current.getAndSet(next);
        metrics.reload(true);
        LOG.info("Rule pack reloaded: {} -> {}", previous.rulesVersion(), next.rulesVersion());
        return true;
    }

    /** Names, sizes and modification times of every file under the watched directories. */
    private String fingerprint() {
        StringBuilder sb = new StringBuilder();
        for (Path dir : new Path[] {rulesDir, lexiconDir, hashListDir}) {
            if (dir == null || !Files.isDirectory(dir)) {
                sb.append("-|");
                continue;
            }
            List<String> entries = new ArrayList<>();
            try (Stream<Path> files = Files.walk(dir, 3)) {
                files.filter(Files::isRegularFile).forEach(f -> {
                    try {
                        entries.add(dir.relativize(f) + ":" + Files.size(f) + ":"
                                + Files.getLastModifiedTime(f).toMillis());
                    } catch (IOException e) {
                        entries.add(f + ":?");
                    }
                });
            } catch (IOException e) {
                entries.add("unreadable");
            }
            entries.sort(null);
            sb.append(String.join(",", entries)).append('|');
        }
        return sb.toString();
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
