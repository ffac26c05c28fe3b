package io.vigie.stream.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.stream.integrity.AlertChainReport.Break;
import io.vigie.stream.integrity.AlertChainReport.Reason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a file of alert lines (JSON Lines, UTF-8, as consumed from {@code moderation.alerts} or written by
 * {@code replay}) against the integrity chain of {@link AlertChain}.
 *
 * <p>Lines are read in file order. Alerts of several partitions may be interleaved in any way, but within one
 * chain they must appear in the order they were linked. An alert whose {@code prevHash} is
 * {@link AlertChain#GENESIS} starts a chain; any other alert must name, as {@code prevHash}, the hash of the
 * alert that is currently the last of some chain, and becomes that chain's last alert. So:
 * <ul>
 *   <li>an edited alert fails its own hash ({@link Reason#HASH_MISMATCH} at its line);</li>
 *   <li>a removed alert, or two alerts of one chain swapped, leave the next alert of that chain pointing at a
 *       hash not yet seen ({@link Reason#BROKEN_LINK} at that alert's line);</li>
 *   <li>a duplicated alert, or a forged alert inserted after an existing one, names a predecessor that another
 *       alert already continued ({@link Reason#BROKEN_LINK});</li>
 *   <li>alerts removed from the very end of a chain break no link: the report's {@code heads} are there to be
 *       compared with an earlier audit.</li>
 * </ul>
 * Verification stops at the first break. Blank lines are skipped (but counted in line numbers).
 *
 * <p>Thread-safety: stateless; each call keeps its own state. Memory: one entry per chain plus one per alert
 * seen (for the messages that name the line a predecessor was continued at).
 */
public final class AlertChainVerifier {

    private AlertChainVerifier() {
    }

    /**
     * Verifies a file.
     *
     * @param jsonl the file; never null
     * @return the report; never null
     * @throws UncheckedIOException when the file cannot be opened or read (not found, no permission)
     */
    public static AlertChainReport verify(Path jsonl) {
        Objects.requireNonNull(jsonl, "jsonl must not be null");
        try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            return verify(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonl + ": " + e, e);
        }
    }

    /**
     * Verifies lines from a reader; the caller closes it.
     *
     * @throws IOException when reading fails for another reason than malformed UTF-8 (which is a break)
     */
    public static AlertChainReport verify(BufferedReader reader) throws IOException {
        Objects.requireNonNull(reader, "reader must not be null");
        // hash of the current last alert of each chain -> its line; insertion order = chain start order
        Map<String, Long> heads = new LinkedHashMap<>();
        // hash of an alert already continued by a later one -> the line that continued it
        Map<String, Long> continued = new HashMap<>();
        int checked = 0;
        int chains = 0;
        long lineNo = 0;
        while (true) {
            String line;
            try {
                line = reader.readLine();
            } catch (CharacterCodingException e) {
                return report(checked, chains, heads,
                        new Break(lineNo + 1, Reason.UNPARSEABLE, "the line is not valid UTF-8"));
            }
            if (line == null) {
                break;
            }
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode tree;
            try {
                tree = AlertChain.MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                // the parser's message may quote the alert's text: give the column only
                return report(checked, chains, heads, new Break(lineNo, Reason.UNPARSEABLE,
                        "not JSON (parse error at column " + e.getLocation().getColumnNr() + ")"));
            }
            if (tree == null || !tree.isObject()) {
                return report(checked, chains, heads,
                        new Break(lineNo, Reason.UNPARSEABLE, "not a JSON object"));
            }
            String id = describe(tree);
            String hash = textOrNull(tree, AlertChain.HASH_FIELD);
            String prevHash = textOrNull(tree, AlertChain.PREV_HASH_FIELD);
            if (!AlertChain.isHash(hash)) {
                return report(checked, chains, heads, new Break(lineNo, Reason.UNPARSEABLE,
                        id + " has no " + AlertChain.HASH_FIELD + " of 64 lower-case hex digits (not chained?)"));
            }
            if (!AlertChain.isHash(prevHash)) {
                return report(checked, chains, heads, new Break(lineNo, Reason.UNPARSEABLE,
                        id + " has no " + AlertChain.PREV_HASH_FIELD + " of 64 lower-case hex digits"));
            }
            String actual = AlertChain.hashOf(tree);
            if (!actual.equals(hash)) {
                return report(checked, chains, heads, new Break(lineNo, Reason.HASH_MISMATCH,
                        id + " hashes to " + actual + " but carries " + hash + ": its content was changed"));
            }
            if (prevHash.equals(AlertChain.GENESIS)) {
                chains++;
            } else if (heads.remove(prevHash) != null) {
                continued.put(prevHash, lineNo);
            } else if (continued.containsKey(prevHash)) {
                return report(checked, chains, heads, new Break(lineNo, Reason.BROKEN_LINK,
                        id + " continues " + prevHash + ", which line " + continued.get(prevHash)
                                + " already continued (duplicate or inserted alert)"));
            } else {
                return report(checked, chains, heads, new Break(lineNo, Reason.BROKEN_LINK,
                        id + " continues " + prevHash + ", the hash of no earlier alert"
                                + " (an alert before it was removed or moved)"));
            }
            heads.put(hash, lineNo);
            checked++;
        }
        return report(checked, chains, heads, null);
    }

    /**
     * The {@code verify-alerts FILE} command: verifies the file and says so.
     *
     * @param jsonl the file; never null
     * @param out   gets one summary line and the head of each chain when the file is intact
     * @param err   gets one line with the reason when it is not, or when the file cannot be read
     * @return 0 when intact, 1 when broken or unreadable
     */
    public static int run(Path jsonl, PrintStream out, PrintStream err) {
        AlertChainReport report;
        try {
            report = verify(jsonl);
        } catch (UncheckedIOException e) {
            err.println("verify-alerts: cannot read " + jsonl + ": " + e.getCause());
            return 1;
        }
        if (report.ok()) {
            out.println("intact: " + report.alertsChecked() + " alerts in " + report.chains() + " chain"
                    + (report.chains() == 1 ? "" : "s"));
            for (String head : report.heads()) {
                out.println("head " + head);
            }
            return 0;
        }
        err.println("verify-alerts: " + jsonl + ": " + report.firstBreak() + " (" + report.alertsChecked()
                + " alerts verified before it)");
        return 1;
    }

    private static AlertChainReport report(int checked, int chains, Map<String, Long> heads, Break firstBreak) {
        return new AlertChainReport(checked, chains, List.copyOf(heads.keySet()), firstBreak);
    }

    private static String textOrNull(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static String describe(JsonNode tree) {
        String id = textOrNull(tree, "alertId");
        return id == null ? "the alert" : "alert " + id;
    }
}
