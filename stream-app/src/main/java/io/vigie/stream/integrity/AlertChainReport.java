package io.vigie.stream.integrity;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AlertChainVerifier} found in a file of alert lines.
 *
 * @param alertsChecked alerts whose hash and link were verified, in file order, before the first break (all of
 *                      them when the file is intact)
 * @param chains        chains seen: one per alert whose {@code prevHash} is {@link AlertChain#GENESIS}, i.e. one per
 *                      partition of the alerts topic (and one more each time a partition's chain state was lost)
 * @param heads         the hash of the last alert of each chain, in the file order of those last alerts; never null.
 *                      Removing alerts from the <em>end</em> of a chain breaks no link: compare the heads against
 *                      the ones recorded at the last audit (or against the topic) to detect a truncation
 * @param firstBreak    the first line where the chain does not hold; null when the file is intact
 */
public record AlertChainReport(int alertsChecked, int chains, List<String> heads, Break firstBreak) {

    public AlertChainReport {
        heads = List.copyOf(heads);
    }

    /** True when every line parsed, every hash matched its content and every link led to the previous alert. */
    public boolean ok() {
        return firstBreak == null;
    }

    /** The first break, if any. */
    public Optional<Break> breakIfAny() {
        return Optional.ofNullable(firstBreak);
    }

    /** Why a line breaks the chain. */
    public enum Reason {
        /** The line is not a JSON object, or lacks a well-formed {@code hash} or {@code prevHash}. */
        UNPARSEABLE,
        /** The alert's content does not hash to its {@code hash}: it was edited after it was linked. */
        HASH_MISMATCH,
        /**
         * The alert's {@code prevHash} is not the hash of the last alert of any chain seen so far: an alert before
         * it was removed or moved, or two alerts claim the same predecessor.
         */
        BROKEN_LINK;

        /** Lower-case words for messages ("hash mismatch"). */
        public String words() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * One broken line.
     *
     * @param line   1-based line number in the file (blank lines count)
     * @param reason why; never null
     * @param detail one sentence naming what was expected; never null; holds alert ids and hashes, never text
     */
    public record Break(long line, Reason reason, String detail) {
        public Break {
            Objects.requireNonNull(reason, "reason must not be null");
            Objects.requireNonNull(detail, "detail must not be null");
        }

        /** {@code line 7: hash mismatch: ...}, one line. */
        @Override
        public String toString() {
            return "line " + line + ": " + reason.words() + ": " + detail;
        }
    }
}
