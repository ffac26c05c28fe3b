package io.vigie.core.match;

import java.util.ArrayDeque;
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
 * failure links already resolved, so scanning never follows a failure chain, and each entry is the next
 * row's offset with bit 0 flagging a state where terms end. Each such state owns a slice of
 * {@code outTerms} listing every term that ends there, its own and its suffixes'. Memory is
 * {@code 4 * states * classes} bytes (about 2 MB for the embedded lexicons).
 */
public final class TermAutomaton {

    private final int[] asciiClass;
    private final char[] otherChars;
    private final int[] otherClass;
    private final int classes;
    private final int[] table;
    private final int stride;
    private final int[] outStart;
    private final int[] outTerms;
    private final int[] termLength;
    private final int[] termPayload;
    private final Boundary[] termBoundary;
    private final int stateCount;

    private TermAutomaton(Builder b) {
        int n = b.terms.size();
        termLength = new int[n];
        termPayload = new int[n];
        termBoundary = new Boundary[n];
        TreeSet<Character> alphabet = new TreeSet<>();
        for (int t = 0; t < n; t++) {
            char[] term = b.terms.get(t);
            termLength[t] = term.length;
            termPayload[t] = b.payloads.get(t);
            termBoundary[t] = b.boundaries.get(t);
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

        // trie
        Map<Long, Integer> edges = new HashMap<>();
        List<List<Integer>> own = new ArrayList<>();
        own.add(new ArrayList<>());
        int states = 1;
        for (int t = 0; t < n; t++) {
            int s = 0;
            for (char c : b.terms.get(t)) {
                long key = ((long) s << 16) | c;
                Integer next = edges.get(key);
                if (next == null) {
                    next = states++;
                    edges.put(key, next);
                    own.add(new ArrayList<>());
                }
                s = next;
            }
            own.get(s).add(t);
        }
        stateCount = states;
        long cells = (long) states * classes;
        if (cells > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("lexicon too large for a dense automaton: " + states
                    + " states x " + classes + " chars");
        }
        int[] delta = new int[(int) cells];
        int[] gotoTable = new int[(int) cells];
        Arrays.fill(gotoTable, -1);
        for (Map.Entry<Long, Integer> e : edges.entrySet()) {
            int from = (int) (e.getKey() >>> 16);
            char c = (char) (e.getKey() & 0xFFFF);
            gotoTable[from * classes + classOf(c)] = e.getValue();
        }
        int[] fail = new int[states];
        List<int[]> outputs = new ArrayList<>(states);
        for (int s = 0; s < states; s++) {
            outputs.add(null);
        }
        // BFS: a state's failure target is shallower, so it is complete when the state is visited
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        outputs.set(0, toArray(own.get(0)));
        for (int c = 0; c < classes; c++) {
            int g = gotoTable[c];
            if (g > 0) {
                fail[g] = 0;
                delta[c] = g;
                queue.add(g);
            } else {
                delta[c] = 0;
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            int[] inherited = outputs.get(fail[s]);
            List<Integer> mine = own.get(s);
            int[] all = new int[mine.size() + inherited.length];
            for (int i = 0; i < mine.size(); i++) {
                all[i] = mine.get(i);
            }
            System.arraycopy(inherited, 0, all, mine.size(), inherited.length);
            outputs.set(s, all);
            for (int c = 0; c < classes; c++) {
                int g = gotoTable[s * classes + c];
                if (g > 0) {
                    fail[g] = delta[fail[s] * classes + c];
                    delta[s * classes + c] = g;
                    queue.add(g);
                } else {
                    delta[s * classes + c] = delta[fail[s] * classes + c];
                }
            }
        }
        outStart = new int[states + 1];
        int total = 0;
        for (int s = 0; s < states; s++) {
            outStart[s] = total;
            total += outputs.get(s).length;
        }
        outStart[states] = total;
        outTerms = new int[total];
        for (int s = 0; s < states; s++) {
            int[] out = outputs.get(s);
            System.arraycopy(out, 0, outTerms, outStart[s], out.length);
        }
        // Scanning is one dependent load per char, so the entry is made directly usable: the next state's
        // row offset (state * stride, stride even) with bit 0 set when that state has outputs. That keeps a
        // multiply and a second array load off the per-char chain.
        stride = (classes + 1) & ~1;
        table = new int[states * stride];
        for (int s = 0; s < states; s++) {
            for (int c = 0; c < classes; c++) {
                int next = delta[s * classes + c];
                table[s * stride + c] = next * stride | (outStart[next] != outStart[next + 1] ? 1 : 0);
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
     * index. Allocation-free.
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
        int flags = 0;
        int e = 0;
        for (int i = 0; i < len; i++) {
            char c = buf[i];
            int cls;
            if (c < 128) {
                cls = ascii[c];
                flags |= asciiFlags[c];
            } else {
                cls = classOf(c);
            }
            e = t[(e & ~1) + cls];
            if ((e & 1) != 0) {
                int s = e / stride;
                emit(buf, len, i, outStart[s], outStart[s + 1], sink);
            }
        }
        return flags;
    }

    private void emit(char[] buf, int len, int last, int from, int to, MatchSink sink) {
        boolean wordAfter = last + 1 < len && WordChars.isWordChar(buf[last + 1]);
        for (int o = from; o < to; o++) {
            int t = outTerms[o];
            int start = last + 1 - termLength[t];
            Boundary b = termBoundary[t];
            if (b != Boundary.SUB) {
                if (start > 0 && WordChars.isWordChar(buf[start - 1]) && !sink.elidedBefore(start)) {
                    continue;
                }
                if (b == Boundary.WORD && wordAfter) {
                    continue;
                }
            }
            sink.onMatch(termPayload[t], start, last + 1);
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
