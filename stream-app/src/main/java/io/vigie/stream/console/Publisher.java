package io.vigie.stream.console;

/**
 * Where the console writes: decisions, claims and the audit trail. Each call writes its records atomically (all or
 * none) and returns once the queue shows them, so the page a reviewer sees next already has their claim or
 * decision. Thread-safe.
 */
interface Publisher extends AutoCloseable {

    /** A write that failed (nothing of it was written) or that the queue does not show yet; the message says which. */
    final class PublishException extends Exception {
        private static final long serialVersionUID = 1L;

        PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Writes a claim (or release) and its audit line. */
    void claim(ClaimRecord claim, AuditEvent audit) throws PublishException;

    /** Writes a decision, the end of the alert's claim, and its audit line. */
    void decide(ReviewDecision decision, AuditEvent audit) throws PublishException;

    /** Writes one audit line (views, reveals, sign-ins, exports, refusals). */
    void audit(AuditEvent audit) throws PublishException;

    @Override
    void close();
}
