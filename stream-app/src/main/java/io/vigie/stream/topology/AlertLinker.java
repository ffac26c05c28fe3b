package io.vigie.stream.topology;

import io.vigie.core.contract.Alert;

/**
 * Links an alert into the tamper-evident chain of its task: returns the alert with {@code prevHash} and
 * {@code hash} set. Implementations are stateless and thread-safe; the topology keeps the last hash per task
 * in a store.
 */
@FunctionalInterface
public interface AlertLinker {

    /**
     * @param alert    the alert to link, never null
     * @param prevHash the hash of the previous alert of the same chain; null for the first
     * @return the linked alert, never null
     */
    Alert link(Alert alert, String prevHash);
}
