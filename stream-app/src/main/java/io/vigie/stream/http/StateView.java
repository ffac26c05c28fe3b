package io.vigie.stream.http;

import java.util.Optional;

/**
 * What the HTTP API may read of the application's state. Implementations are thread-safe (the HTTP server
 * calls them from its own threads).
 */
public interface StateView {

    /** True when the stream processor is RUNNING (readiness). */
    boolean ready();

    /**
     * A conversation's state as JSON-serializable value, from whichever instance holds it.
     *
     * @param forwarded true when another instance already forwarded this request (never forward again)
     */
    Optional<Object> conversation(String conversationId, boolean forwarded) throws StateUnavailableException;

    /** What is known of a user (facts and sender behaviour), from whichever instance holds it. */
    Optional<Object> user(String userId, boolean forwarded) throws StateUnavailableException;

    /** The state cannot be read right now (rebalancing, instance down): the caller answers 503. */
    final class StateUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public StateUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
