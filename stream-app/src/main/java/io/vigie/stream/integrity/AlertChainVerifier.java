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
import java.util.ArrayList;
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
 * <p><b>Two orders.</b> {@link #verify(Path)} wants each chain in link order, which is what one partition of the
 * alerts topic, or the output of {@code replay}, gives. The topology keeps one chain per task: conversation
 * tasks write their alerts to the alerts partition of the same number, but the sender and device tasks write
 * theirs to the partition of each alert's conversation, so their chains are spread over partitions, and an
 * export that merges partitions may list a chain's alerts out of order. {@link #verifyAnyOrder(Path)} accepts
 * any order: it still finds every edited, removed, duplicated or inserted alert, but not a reordering.
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
        return verifyFile(jsonl, AlertChainVerifier::verify);
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
        AlertLines lines = new AlertLines(reader);
        Parsed p;
        while ((p = lines.next()) != null) {
            long lineNo = lines.lineNo();
            if (p.problem() != null) {
                return report(checked, chains, heads, p.problem());
            }
            String id = p.id();
            String hash = p.hash();
            String prevHash = p.prevHash();
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
                                + " (an alert before it was removed or moved; for an export that merges partitions,"
                                + " use --any-order)"));
            }
            heads.put(hash, lineNo);
            checked++;
        }
        return report(checked, chains, heads, null);
    }

    /**
     * Verifies a file whose chains may be listed in any order (an export that merges partitions of the alerts
     * topic): every line must parse and match its hash, every {@code prevHash} other than
     * {@link AlertChain#GENESIS} must be the hash of exactly one other alert of the file, and no two alerts may
     * continue the same one. The first break is the one on the lowest line.
     *
     * @param jsonl the file; never null
     * @return the report; {@code alertsChecked} counts the alerts on lines before the first break
     * @throws UncheckedIOException when the file cannot be opened or read
     */
    public static AlertChainReport verifyAnyOrder(Path jsonl) {
        return verifyFile(jsonl, AlertChainVerifier::verifyAnyOrder);
    }

    /** As {@link #verifyAnyOrder(Path)}, from a reader the caller closes. */
    public static AlertChainReport verifyAnyOrder(BufferedReader reader) throws IOException {
        Objects.requireNonNull(reader, "reader must not be null");
        record Linked(long line, String id, String hash, String prevHash) {
        }
        List<Linked> alerts = new ArrayList<>();
        Map<String, Long> lineOfHash = new HashMap<>();
        Map<String, Long> continuedAt = new HashMap<>();
        Break first = null;
        AlertLines lines = new AlertLines(reader);
        Parsed p;
        // read the whole file even past a break: a link before it may point at an alert after it
        while ((p = lines.next()) != null) {
            long lineNo = lines.lineNo();
            if (p.problem() != null) {
                first = first == null ? p.problem() : first;
                if (p.hash() != null) {
                    // an edited alert is reported as such, not as a removal of the one it claims to be
                    lineOfHash.putIfAbsent(p.hash(), lineNo);
                }
                continue;
            }
            Long twin = lineOfHash.putIfAbsent(p.hash(), lineNo);
            if (twin != null) {
                first = first == null ? new Break(lineNo, Reason.BROKEN_LINK,
                        p.id() + " repeats the alert of line " + twin) : first;
                continue;
            }
            if (!p.prevHash().equals(AlertChain.GENESIS)) {
                Long other = continuedAt.putIfAbsent(p.prevHash(), lineNo);
                if (other != null && first == null) {
                    first = new Break(lineNo, Reason.BROKEN_LINK, p.id() + " continues " + p.prevHash()
                            + ", which line " + other + " already continued (duplicate or inserted alert)");
                }
            }
            alerts.add(new Linked(lineNo, p.id(), p.hash(), p.prevHash()));
        }
        // a link to an alert that is not in the file, on a line before any other break, comes first
        for (Linked a : alerts) {
            if (first != null && a.line() >= first.line()) {
                break;
            }
            if (!a.prevHash().equals(AlertChain.GENESIS) && !lineOfHash.containsKey(a.prevHash())) {
                first = new Break(a.line(), Reason.BROKEN_LINK, a.id() + " continues " + a.prevHash()
                        + ", the hash of no alert in the file (an alert was removed)");
                break;
            }
        }
        long limit = first == null ? Long.MAX_VALUE : first.line();
        int checked = 0;
        int chains = 0;
        List<String> heads = new ArrayList<>();
        for (Linked a : alerts) {
            if (a.line() >= limit) {
                break;
            }
            checked++;
            if (a.prevHash().equals(AlertChain.GENESIS)) {
                chains++;
            }
            if (!continuedAt.containsKey(a.hash())) {
                heads.add(a.hash());
            }
        }
        return new AlertChainReport(checked, chains, heads, first);
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
        return run(jsonl, false, out, err);
    }

    /**
     * The {@code verify-alerts [--any-order] FILE} command.
     *
     * @param anyOrder true for {@link #verifyAnyOrder(Path)} (an export merging partitions), false for
     *                 {@link #verify(Path)} (one partition, or replay output)
     * @return 0 when intact, 1 when broken or unreadable
     */
    public static int run(Path jsonl, boolean anyOrder, PrintStream out, PrintStream err) {
        AlertChainReport report;
        try {
            report = anyOrder ? verifyAnyOrder(jsonl) : verify(jsonl);
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

    /**
     * One line read: the alert's id (for messages), hash and prevHash, and the problem that breaks it if any
     * (a line with a hash mismatch keeps the hash it claims).
     */
    private record Parsed(String id, String hash, String prevHash, Break problem) {
    }

    /** Reads one file, turning a failure to open or read it into an {@link UncheckedIOException}. */
    private static AlertChainReport verifyFile(Path jsonl, ReaderCheck check) {
        Objects.requireNonNull(jsonl, "jsonl must not be null");
        try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            return check.verify(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonl + ": " + e, e);
        }
    }

    /** One of the two verifications, over an open reader. */
    @FunctionalInterface
    private interface ReaderCheck {
        AlertChainReport verify(BufferedReader reader) throws IOException;
    }

    /**
     * The non-blank lines of a reader, parsed, with their 1-based line numbers (blank lines count). A line that
     * is not valid UTF-8 comes as a {@link Parsed} whose problem says so, and ends the input. Not thread-safe.
     */
    private static final class AlertLines {
        private final BufferedReader reader;
        private long lineNo;
        private boolean ended;

        AlertLines(BufferedReader reader) {
            this.reader = reader;
        }

        /** The next non-blank line parsed, or null at the end of the input. */
        Parsed next() throws IOException {
            while (!ended) {
                String line;
                try {
                    line = reader.readLine();
                } catch (CharacterCodingException e) {
                    ended = true;
                    lineNo++;
                    return new Parsed(null, null, null,
                            new Break(lineNo, Reason.UNPARSEABLE, "the line is not valid UTF-8"));
                }
                if (line == null) {
                    ended = true;
                    return null;
                }
                lineNo++;
                if (!line.isBlank()) {
                    return parse(line, lineNo);
                }
            }
            return null;
        }

        /** The line number of the line {@link #next()} last returned. */
        long lineNo() {
            return lineNo;
        }
    }

    private static Parsed parse(String line, long lineNo) {
        JsonNode tree;
        try {
            tree = AlertChain.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            // the parser's message may quote the alert's text: give the column only
            return new Parsed(null, null, null, new Break(lineNo, Reason.UNPARSEABLE,
                    "not JSON (parse error at column " + e.getLocation().getColumnNr() + ")"));
        }
        if (tree == null || !tree.isObject()) {
            return new Parsed(null, null, null, new Break(lineNo, Reason.UNPARSEABLE, "not a JSON object"));
        }
        String id = describe(tree);
        String hash = textOrNull(tree, AlertChain.HASH_FIELD);
        String prevHash = textOrNull(tree, AlertChain.PREV_HASH_FIELD);
        if (!AlertChain.isHash(hash)) {
            return new Parsed(id, null, null, new Break(lineNo, Reason.UNPARSEABLE,
                    id + " has no " + AlertChain.HASH_FIELD + " of 64 lower-case hex digits (not chained?)"));
        }
        if (!AlertChain.isHash(prevHash)) {
            return new Parsed(id, null, null, new Break(lineNo, Reason.UNPARSEABLE,
                    id + " has no " + AlertChain.PREV_HASH_FIELD + " of 64 lower-case hex digits"));
        }
        String actual = AlertChain.hashOf(tree);
        if (!actual.equals(hash)) {
            return new Parsed(id, hash, prevHash, new Break(lineNo, Reason.HASH_MISMATCH,
                    id + " hashes to " + actual + " but carries " + hash + ": its content was changed"));
        }
        return new Parsed(id, hash, prevHash, null);
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
