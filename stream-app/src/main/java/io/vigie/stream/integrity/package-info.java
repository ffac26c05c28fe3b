/**
 * Tamper evidence for alerts: each alert carries a SHA-256 over its canonical JSON chained to the previous
 * alert of its partition. OWNER: deploy/integrity helper. Contract with the topology and the CLI:
 * {@code AlertChain.link(Alert alert, String prevHash)} returns the alert with {@code prevHash} and {@code hash}
 * set; {@code AlertChainVerifier.verify(java.nio.file.Path jsonl)} checks a file of alert lines (one chain per
 * partition, in file order) and returns a report whose {@code ok()} says whether every link holds.
 */
package io.vigie.stream.integrity;
