package io.vigie.core.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A compiled Aho-Corasick automaton over folded chars: every term is found in one left-to-right pass, one
 * table lookup per char, with a per-term boundary check ({@link Boundary}). Phrases ("on se voit") are
 * ordinary terms. Immutable and thread-safe; {@link #scan} allocates nothing.
 *
 * <p>Layout: chars are first mapped to a small alphabet class (class 0 = a char that no term uses, which
 * always leads back to the root); the transitions are a dense {@code int[states * stride]} table with the
 * failure links already resolved, so scanning never follows a failure chain. States are numbered breadth
 * first, so the rows scanning visits most (the root and the shallow states) sit together; the stride is a power
 * of two. Each entry is the next row's offset with the state's flags in its three low bits, so a char costs one
 * dependent load. Each state where terms end owns a slice of {@code out} listing every term that ends there,
 * its own and its suffixes', longest first, each with what is left to check of its boundary.
 *
 * <p>Most terms are whole words, and most states where one ends are met inside a longer word ("bon" in
 * "bonjour"), so the scan looks at a state's terms only once it knows the next char: a state whose terms all
 * need a word end ({@link #WORD_END}) is skipped when a word char follows. Whether a suffix term starts after a
 * word char is known when the automaton is built (it is the state's own char before the suffix: "aime" at the end
 * of "jaime"); such a term can only match where an apostrophe was folded away ("j'aime",
 * {@link MatchSink#elidedBefore}), and a state whose only terms are such is skipped unless the sink says an
 * elision may be in the text ({@link MatchSink#mayElide()}). Matches are reported in the order of a plain
 * Aho-Corasick scan: by end index, then longest first, then in the order the terms were added.
 */
public final class TermAutomaton {

    /** Table entry flag: the state has a term that may match, unless a word char follows (whole-word terms). */
    private static final int WORD_END = 1;
    /**
     * Table entry flag: the state has a whole-word suffix term that follows a word char, so only an elision lets it
     * match (and only unless a word char follows).
     */
    private static final int MID_WORD = 2;
    /** Table entry flag: the state has a term that may match whatever follows (prefix and sub-word terms). */
    private static final int ANY_END = 4;
    private static final int FLAGS = WORD_END | MID_WORD | ANY_END;

    /** Output code: nothing to check on the left (a sub-word term, or a suffix term after a non-word char). */
    private static final int LEFT_FREE = 0;
    /** Output code: check the char before the term in the text (the state's own terms). */
    private static final int LEFT_CHECK = 1;
    /** Output code: a word char precedes the term (known from the state): it matches only after an elision. */
    private static final int LEFT_ELIDED = 2;
    /** Output bit: a word char must not follow the term ({@link Boundary#WORD}). */
    private static final int RIGHT_CHECK = 4;
    /** Low bits of an output: its left code and right bit; the term index is above them. */
    private static final int OUT_SHIFT = 3;

    private final int[] asciiClass;
    private final char[] otherChars;
    private final int[] otherClass;
    private final int classes;
    private final int[] table;
    /** log2 of the row stride: a table entry shifted right by it is the state number. */
    private final int shift;
    private final int[] outStart;
    /** Per output: term index {@code << OUT_SHIFT}, {@code | RIGHT_CHECK}, {@code | } the left code. */
    private final int[] out;
    private final int[] termLength;
    private final int[] termPayload;
    private final int stateCount;

    private TermAutomaton(Builder b) {
        int n = b.terms.size();
        termLength = new int[n];
        termPayload = new int[n];
        TreeSet<Character> alphabet = new TreeSet<>();
        for (int t = 0; t < n; t++) {
            char[] term = b.terms.get(t);
            termLength[t] = term.length;
            termPayload[t] = b.payloads.get(t);
            for (char c : term) {
                alphabet.add(c);
            }
        }
        // alphabet classes: 1..size, 0 for chars no term uses
        asciiClass = new int[128];
        int nonAscii = 0;
        for (char c : alphabet) {
            if (c >= 128) {
                nonAscii++;
            }
        }
        otherChars = new char[nonAscii];
        otherClass = new int[nonAscii];
        int cls = 1;
        int o = 0;
        for (char c : alphabet) {
            if (c < 128) {
                asciiClass[c] = cls;
            } else {
                otherChars[o] = c;
                otherClass[o++] = cls;
            }
            cls++;
        }
        classes = cls;

        // trie, states numbered in insertion order
        Map<Long, Integer> edges = new HashMap<>();
        List<List<Integer>> ownByInsertion = new ArrayList<>();
        ownByInsertion.add(new ArrayList<>());
        int states = 1;
        for (int t = 0; t < n; t++) {
            int s = 0;
            for (char c : b.terms.get(t)) {
                long key = ((long) s << 16) | c;
                Integer next = edges.get(key);
                if (next == null) {
                    next = states++;
                    edges.put(key, next);
                    ownByInsertion.add(new ArrayList<>());
                }
                s = next;
            }
            ownByInsertion.get(s).add(t);
        }
        stateCount = states;
        int[] gotoByInsertion = new int[states * classes];
        Arrays.fill(gotoByInsertion, -1);
        for (Map.Entry<Long, Integer> e : edges.entrySet()) {
            int from = (int) (e.getKey() >>> 16);
            char c = (char) (e.getKey() & 0xFFFF);
            gotoByInsertion[from * classes + classOf(c)] = e.getValue();
        }

        // renumber breadth first (children in class order): shallow states, the ones scanning visits most, first
        int[] order = new int[states]; // new number -> insertion number
        int[] rank = new int[states]; // insertion number -> new number
        int[] depth = new int[states]; // by new number
        int[] parent = new int[states];
        char[] via = new char[states]; // the char on the edge into the state
        char[] charOfClass = new char[classes];
        for (char c : alphabet) {
            charOfClass[classOf(c)] = c;
        }
        int head = 0;
        int tail = 1;
        while (head < tail) {
            int s = order[head];
            for (int c = 1; c < classes; c++) {
                int g = gotoByInsertion[s * classes + c];
                if (g > 0) {
                    order[tail] = g;
                    rank[g] = tail;
                    depth[tail] = depth[head] + 1;
                    parent[tail] = head;
                    via[tail] = charOfClass[c];
                    tail++;
                }
            }
            head++;
        }
        long cells = (long) states * classes;
        if (cells > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("lexicon too large for a dense automaton: " + states
                    + " states x " + classes + " chars");
        }
        int[] gotoTable = new int[(int) cells];
        for (int s = 0; s < states; s++) {
            for (int c = 0; c < classes; c++) {
                int g = gotoByInsertion[order[s] * classes + c];
                gotoTable[s * classes + c] = g > 0 ? rank[g] : -1;
            }
        }

        // failure links and resolved transitions, breadth first: a failure target is shallower, so complete
        int[] delta = new int[(int) cells];
        int[] fail = new int[states];
        int[][] outputs = new int[states][];
        outputs[0] = toArray(ownByInsertion.get(0));
        for (int c = 0; c < classes; c++) {
            int g = gotoTable[c];
            delta[c] = g > 0 ? g : 0;
        }
        for (int s = 1; s < states; s++) { // the new numbering is breadth first: a plain loop visits in BFS order
            int[] inherited = outputs[fail[s]];
            List<Integer> mine = ownByInsertion.get(order[s]);
            int[] all = new int[mine.size() + inherited.length];
            for (int i = 0; i < mine.size(); i++) {
                all[i] = mine.get(i);
            }
            System.arraycopy(inherited, 0, all, mine.size(), inherited.length);
            outputs[s] = all;
            for (int c = 0; c < classes; c++) {
                int g = gotoTable[s * classes + c];
                if (g > 0) {
                    fail[g] = delta[fail[s] * classes + c];
                    delta[s * classes + c] = g;
                } else {
                    delta[s * classes + c] = delta[fail[s] * classes + c];
                }
            }
        }

        // outputs, each with what its boundary leaves to check at scan time
        outStart = new int[states + 1];
        int total = 0;
        for (int s = 0; s < states; s++) {
            outStart[s] = total;
            total += outputs[s].length;
        }
        outStart[states] = total;
        out = new int[total];
        int[] stateFlags = new int[states];
        char[] path = new char[64];
        for (int s = 0; s < states; s++) {
            int d = depth[s];
            if (outputs[s].length > 0) {
                if (path.length < d) {
                    path = new char[Math.max(d, path.length * 2)];
                }
                for (int k = d - 1, x = s; k >= 0; k--, x = parent[x]) {
                    path[k] = via[x];
                }
            }
            for (int i = 0; i < outputs[s].length; i++) {
                int t = outputs[s][i];
                Boundary boundary = b.boundaries.get(t);
                int len = termLength[t];
                int left;
                if (boundary == Boundary.SUB) {
                    left = LEFT_FREE;
                } else if (len == d) {
                    left = LEFT_CHECK;
                } else {
                    left = WordChars.isWordChar(path[d - len - 1]) ? LEFT_ELIDED : LEFT_FREE;
                }
                out[outStart[s] + i] = t << OUT_SHIFT | (boundary == Boundary.WORD ? RIGHT_CHECK : 0) | left;
                stateFlags[s] |= boundary != Boundary.WORD ? ANY_END : left == LEFT_ELIDED ? MID_WORD : WORD_END;
            }
        }

        // Scanning is one dependent load per char, so the entry is made directly usable: the next state's row
        // offset (state << shift) with the state's flags in the three low bits, free since the stride is >= 8.
        shift = Math.max(3, 32 - Integer.numberOfLeadingZeros(classes - 1));
        int stride = 1 << shift;
        if ((long) states * stride > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("lexicon too large for a dense automaton: " + states
                    + " states x " + stride + " columns");
        }
        table = new int[states * stride];
        for (int s = 0; s < states; s++) {
            for (int c = 0; c < classes; c++) {
                int next = delta[s * classes + c];
                table[(s << shift) + c] = next << shift | stateFlags[next];
            }
        }
    }

    private static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    private int classOf(char c) {
        if (c < 128) {
            return asciiClass[c];
        }
        int i = Arrays.binarySearch(otherChars, c);
        return i >= 0 ? otherClass[i] : 0;
    }

    /**
     * Finds every term in {@code buf[0, len)} and reports those whose boundary holds, in order of their end
     * index (then longest first, then in the order terms were added). Allocation-free.
     *
     * @param buf  folded chars, never null
     * @param len  number of valid chars in {@code buf}
     * @param sink receives each match, never null
     */
    public void scan(char[] buf, int len, MatchSink sink) {
        scan(buf, len, sink, NO_FLAGS);
    }

    private static final int[] NO_FLAGS = new int[128];

    /**
     * Like {@link #scan(char[], int, MatchSink)}, and also ORs together {@code asciiFlags[c]} for every
     * ASCII char of the text, so a caller learns which cheap triggers (a digit, an '@') the text holds
     * without a second pass.
     *
     * @param asciiFlags 128 entries, one per ASCII char, never null
     * @return the OR of the flags of the text's ASCII chars
     */
    public int scan(char[] buf, int len, MatchSink sink, int[] asciiFlags) {
        final int[] t = table;
        final int[] ascii = asciiClass;
        final int rowMask = ~FLAGS;
        // a state's terms are looked at once the next char is known: before a word char only if some term there
        // needs no word end; a state with only mid-word suffix terms only when the text may hold an elision
        final int beforeNonWord = sink.mayElide() ? FLAGS : WORD_END | ANY_END;
        final int beforeWord = ANY_END;
        int flags = 0;
        int e = 0;
        for (int i = 0; i < len; i++) {
            char c = buf[i];
            int cls;
            boolean word;
            if (c < 128) {
                cls = ascii[c];
                word = ASCII_WORD[c];
                flags |= asciiFlags[c];
            } else {
                cls = classOf(c);
                word = WordChars.isWordChar(c);
            }
            if ((e & (word ? beforeWord : beforeNonWord)) != 0) {
                emit(buf, i - 1, e >>> shift, word, beforeNonWord, sink);
            }
            e = t[(e & rowMask) + cls];
        }
        if ((e & beforeNonWord) != 0) {
            emit(buf, len - 1, e >>> shift, false, beforeNonWord, sink);
        }
        return flags;
    }

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = WordChars.isWordChar(c);
        }
    }

    /**
     * Reports the terms of {@code state}, reached at index {@code last}, whose boundaries hold.
     *
     * @param wordAfter whether a word char follows {@code last}
     */
    private void emit(char[] buf, int last, int state, boolean wordAfter, int visit, MatchSink sink) {
        boolean elisions = (visit & MID_WORD) != 0;
        for (int o = outStart[state], to = outStart[state + 1]; o < to; o++) {
            int code = out[o];
            if ((code & RIGHT_CHECK) != 0 && wordAfter) {
                continue;
            }
            int term = code >>> OUT_SHIFT;
            int start = last + 1 - termLength[term];
            switch (code & (LEFT_CHECK | LEFT_ELIDED)) {
                case LEFT_CHECK:
                    if (start > 0 && WordChars.isWordChar(buf[start - 1]) && !(elisions && sink.elidedBefore(start))) {
                        continue;
                    }
                    break;
                case LEFT_ELIDED:
                    if (!elisions || !sink.elidedBefore(start)) {
                        continue;
                    }
                    break;
                default:
                    break;
            }
            sink.onMatch(termPayload[term], start, last + 1);
        }
    }

    /** Number of terms compiled. */
    public int termCount() {
        return termLength.length;
    }

    /** Number of automaton states (a size figure for logs and benchmarks). */
    public int stateCount() {
        return stateCount;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "TermAutomaton[terms=" + termCount() + ", states=" + stateCount + ", classes=" + classes + "]";
    }

    /**
     * Collects folded terms, then compiles them once. Not thread-safe. Terms must already be folded by the
     * same normalizer as the text they will be scanned over.
     */
    public static final class Builder {
        private final List<char[]> terms = new ArrayList<>();
        private final List<Integer> payloads = new ArrayList<>();
        private final List<Boundary> boundaries = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();

        private Builder() {
        }

        /**
         * Adds one term.
         *
         * @param folded   the folded term; copied; must not be empty
         * @param payload  what the sink receives for this term (any int)
         * @param boundary how the term must sit in the text, never null
         * @return this builder
         * @throws IllegalArgumentException on an empty term, or the same term, payload and boundary twice
         */
        public Builder add(CharSequence folded, int payload, Boundary boundary) {
            Objects.requireNonNull(folded, "folded must not be null");
            Objects.requireNonNull(boundary, "boundary must not be null");
            if (folded.length() == 0) {
                throw new IllegalArgumentException("empty term");
            }
            String key = folded + "\u0000" + payload + "\u0000" + boundary;
            if (seen.putIfAbsent(key, terms.size()) != null) {
                throw new IllegalArgumentException("duplicate term '" + folded + "' for payload " + payload);
            }
            char[] chars = new char[folded.length()];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = folded.charAt(i);
            }
            terms.add(chars);
            payloads.add(payload);
            boundaries.add(boundary);
            return this;
        }

        /**
         * Adds one term unless the same term, payload and boundary is already in: for lists whose entries may
         * overlap (alternatives of patterns), where a repeat is harmless.
         *
         * @return true when the term was added
         */
        public boolean addIfAbsent(CharSequence folded, int payload, Boundary boundary) {
            if (seen.containsKey(folded + "\u0000" + payload + "\u0000" + boundary)) {
                return false;
            }
            add(folded, payload, boundary);
            return true;
        }

        /** Compiles the automaton. The builder may be reused afterwards. */
        public TermAutomaton build() {
            return new TermAutomaton(this);
        }
    }
}
