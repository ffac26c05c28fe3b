package io.vigie.stream.app;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What happens when a stream thread dies. Policy:
 * <ul>
 *   <li><b>fatal</b> (the same error would come back on any thread): authentication or authorization refused,
 *       missing source topics, unsupported broker version, invalid configuration, and any JVM {@link Error}
 *       (out of memory...): SHUTDOWN_CLIENT, the process exits 1 and its supervisor restarts it;</li>
 *   <li><b>transient</b> (everything else: a broker restart, a timeout, a rebalance storm, a bad record a
 *       restarted thread will process again): REPLACE_THREAD, at most {@value #MAX_REPLACEMENTS} times in
 *       {@value #WINDOW_MS} ms; beyond that the error is treated as fatal instead of looping forever.</li>
 * </ul>
 * Thread-safe.
 */
public final class ExceptionPolicy implements StreamsUncaughtExceptionHandler {

    static final int MAX_REPLACEMENTS = 5;
    static final long WINDOW_MS = 10 * 60_000L;

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionPolicy.class);

    private final Clock clock;
    private final Deque<Long> replacements = new ArrayDeque<>();

    public ExceptionPolicy(Clock clock) {
        this.clock = clock;
    }

    /** True when a fresh thread would hit the same error. */
    static boolean isFatal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Error || t instanceof AuthenticationException || t instanceof AuthorizationException
                    || t instanceof MissingSourceTopicException || t instanceof UnsupportedVersionException
                    || t instanceof InvalidConfigurationException) {
                return true;
            }
            if (t instanceof RetriableException) {
                return false;
            }
        }
        return false;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        if (isFatal(exception)) {
            LOG.error("Fatal error in a stream thread, shutting down: {}", exception.toString(), exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        long now = clock.millis();
        while (!replacements.isEmpty() && replacements.peekFirst() < now - WINDOW_MS) {
            replacements.pollFirst();
        }
        if (replacements.size() >= MAX_REPLACEMENTS) {
            LOG.error("Stream thread failed {} times in {} ms, shutting down: {}", replacements.size() + 1,
                    WINDOW_MS, exception.toString(), exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replacements.addLast(now);
        LOG.warn("Stream thread failed, replacing it: {}", exception.toString(), exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
