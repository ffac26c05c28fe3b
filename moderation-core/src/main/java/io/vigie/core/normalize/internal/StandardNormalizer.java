package io.vigie.core.normalize.internal;

import io.vigie.core.normalize.NormalizedText;
import io.vigie.core.normalize.TextNormalizer;

import java.util.Arrays;

/**
 * The standard folding chain: {@link FoldStep} (per code point, plus blank, letter and punctuation runs),
 * then {@link LeetStep} and {@link SeparatorStep} when the first step saw something for them to do, then
 * {@link SpellingStep} (chat spellings of whole tokens) when the fold saw a token that may be one or a step changed
 * the text; then the folded indexes of the elisions the fold noted. See
 * {@link io.vigie.core.normalize.Normalizers#standard()} for the folded form this produces.
 *
 * <p>Not thread-safe: one instance per stream task or session. The raw copy and the folded buffers are
 * reused and grow on demand, so a warmed-up instance allocates nothing per call. The returned
 * {@link NormalizedText} is this instance's single view, valid until the next {@link #normalize} call.
 * The shared {@link FoldTable} is immutable.
 */
public final class StandardNormalizer implements TextNormalizer {

    private final FoldStep fold;
    private final LeetStep leet = new LeetStep();
    private final SeparatorStep separators = new SeparatorStep();
    private final SpellingStep spellings = new SpellingStep();
    private final FoldBuffer buffer = new FoldBuffer();
    private final View view = new View();
    private char[] rawChars = new char[256];
    /** The folded indexes of the current text's elisions, see {@link NormalizedText#elisions()}. */
    private int[] elisionAt = new int[8];
    private int elisionCount;
    /** False only in tests: run every step on every text, whatever the fold saw. */
    private final boolean fusedChecks;

    /** A normalizer over the bundled data files. */
    public StandardNormalizer() {
        this(FoldTable.standard());
    }

    StandardNormalizer(FoldTable table) {
        this(table, true);
    }

    /** For tests: {@code fusedChecks} false runs every step on every text. */
    StandardNormalizer(FoldTable table, boolean fusedChecks) {
        this.fold = new FoldStep(table);
        this.fusedChecks = fusedChecks;
    }

    @Override
    public NormalizedText normalize(CharSequence raw) {
        CharSequence text = raw == null ? "" : raw;
        int n = text.length();
        if (n > rawChars.length) {
            rawChars = Arrays.copyOf(rawChars, Math.max(n, rawChars.length + (rawChars.length >> 1)));
        }
        if (text instanceof String) {
            ((String) text).getChars(0, n, rawChars, 0);
        } else {
            for (int i = 0; i < n; i++) {
                rawChars[i] = text.charAt(i);
            }
        }
        fold.foldInto(rawChars, n, buffer);
        // leet can shrink a word to one letter ("e3" -> "e"), so a change there may give the separators work
        // each later step runs only when the fold saw something for it to do in the text it will get: the fold's
        // output, unless an earlier step changed it
        boolean leetChanged = (fold.leetCandidate || !fusedChecks) && leet.apply(buffer);
        boolean joined = (fold.separatorCandidate || leetChanged || !fusedChecks) && separators.apply(buffer);
        if (fold.spellingCandidate || fold.leetCandidate || joined || !fusedChecks) {
            spellings.apply(buffer);
        }
        elisions();
        view.raw = text;
        return view;
    }

    /**
     * Maps the raw indexes after the elisions the fold noted to the folded indexes whose raw start they are (an
     * expansion gives several), in one merge walk: both lists ascend, since raw starts are monotone.
     */
    private void elisions() {
        elisionCount = 0;
        int[] raw = fold.rawElisions;
        int count = fold.rawElisionCount;
        int[] start = buffer.start;
        int len = buffer.length;
        int j = 0;
        for (int k = 0; k < count; k++) {
            int r = raw[k];
            while (j < len && start[j] < r) {
                j++;
            }
            while (j < len && start[j] == r) {
                if (elisionCount == elisionAt.length) {
                    elisionAt = Arrays.copyOf(elisionAt, elisionCount * 2);
                }
                elisionAt[elisionCount++] = j++;
            }
        }
    }

    /** Lookahead work done by the separator step so far (for the linear-work test). */
    long separatorVisits() {
        return separators.visits;
    }

    @Override
    public String toString() {
        return "StandardNormalizer[fold(nfkd,marks,case,homoglyphs,ignorables,apostrophes,runs) -> leet -> separators"
                + " -> spellings]";
    }

    /** The reused result view. */
    private final class View implements NormalizedText {
        private CharSequence raw = "";

        @Override
        public char[] chars() {
            return buffer.chars;
        }

        @Override
        public int length() {
            return buffer.length;
        }

        @Override
        public CharSequence raw() {
            return raw;
        }

        @Override
        public int rawStart(int foldedIndex) {
            int len = buffer.length;
            if (len == 0) {
                return 0;
            }
            if (foldedIndex <= 0) {
                return buffer.start[0];
            }
            if (foldedIndex >= len) {
                return buffer.end[len - 1];
            }
            return buffer.start[foldedIndex];
        }

        @Override
        public int rawEnd(int foldedEnd) {
            int len = buffer.length;
            if (len == 0) {
                return 0;
            }
            if (foldedEnd <= 0) {
                return buffer.start[0];
            }
            return buffer.end[Math.min(foldedEnd, len) - 1];
        }

        @Override
        public int[] elisions() {
            return elisionAt;
        }

        @Override
        public int elisionCount() {
            return elisionCount;
        }

        @Override
        public String toString() {
            return new String(buffer.chars, 0, buffer.length);
        }
    }
}
