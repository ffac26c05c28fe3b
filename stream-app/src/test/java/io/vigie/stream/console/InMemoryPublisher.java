package io.vigie.stream.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A publisher for the web tests that applies writes straight to the queue, as the feed would once the records are
 * read back, and keeps what was written. The Kafka side is tested against a real broker in {@code ConsoleBrowserIT}.
 */
final class InMemoryPublisher implements Publisher {

    final List<ReviewDecision> decisions = new ArrayList<>();
    final List<ClaimRecord> claims = new ArrayList<>();
    final List<AuditEvent> audit = new ArrayList<>();
    private final ReviewQueue queue;

    InMemoryPublisher(ReviewQueue queue) {
        this.queue = queue;
    }

    @Override
    public synchronized void claim(ClaimRecord claim, AuditEvent event) {
        claims.add(claim);
        audit.add(event);
        queue.applyClaim(claim);
    }

    @Override
    public synchronized void decide(ReviewDecision decision, AuditEvent event) {
        decisions.add(decision);
        audit.add(event);
        queue.applyDecision(decision);
        queue.removeClaim(decision.alertId());
    }

    @Override
    public synchronized void audit(AuditEvent event) {
        audit.add(event);
    }

    synchronized List<AuditEvent.Type> auditTypes() {
        return audit.stream().map(AuditEvent::event).toList();
    }

    @Override
    public void close() {
    }
}
