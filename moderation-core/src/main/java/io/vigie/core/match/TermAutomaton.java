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
 * ordinary terms. Immutable and thread-safe; {@link #scan} allocates nothing unless the text holds elisions.
 *
 * <p>Word-anchored: a term that needs a word start ({@link Boundary#WORD}, {@link Boundary#PREFIX}) can only
 * begin at the start of the text or after a char that is not a word char, so the automaton only starts and keeps
 * such candidates there. Its states are the trie's nodes reached from a word start ("B" states), the nodes on the
 * way to a {@link Boundary#SUB} term reached from inside a word ("F" states, which report only sub terms), and
 * one dead state: inside a word that no term continues, the scan stays on the dead state until the next non-word
 * char, instead of walking the suffixes of the word as a plain Aho-Corasick automaton does. Each state's failure
 * chain keeps only the suffixes that may still match (those starting after a non-word char inside the state's
 * path, and sub-term prefixes), so the terms a state lists need no left check at scan time.
 *
 * <p>French elision is the exception: "l'article" folds to "larticle", and a word term starting after the folded
 * apostrophe must still match ({@link MatchSink#elidedBefore}). When the sink says the text may hold one
 * ({@link MatchSink#mayElide()}), the terms starting at each such position are found first by a walk down the trie
 * and merged into the scan's reports.
 *
 * <p>Layout: chars are first mapped to a small alphabet class (classes 0 and 1 are chars no term uses, not a word
 * char and a word char), and each class to a column; the transitions are dense tables with the failure links
 * already resolved, so scanning never follows a failure chain and a char costs one dependent load. The scan is
 * bound by that load's latency, so the table is laid out for the cache: the 32 columns chat text uses most (the
 * two classes of unused chars, space, the letters, then a few punctuation chars and digits the alphabet holds)
 * are a table of 64-byte rows of two-byte entries, and the other columns a second table that only the rarer chars
 * read. States are numbered breadth first, so the rows scanning visits most (the root, the dead state and the
 * shallow states) sit together, and grouped by what they report, so the state number says whether to look at its
 * terms. Each state where terms end owns a slice of {@code out} listing every term it reports, longest first (and
 * the same slice of {@code outReport}, what the sink receives, in one load per term). Most terms are whole words,
 * so the scan looks at a state's terms only once it knows the next char: a state whose terms all need a word end
 * ({@link #WORD_END}) is skipped when a word char follows. Matches are reported in the order of a plain
 * Aho-Corasick scan: by end index, then longest first, then in the order the terms were added.
 */
public final class TermAutomaton {

    /** Table entry flag: the state has a term that may match, unless a word char follows (whole-word terms). */
    private static final int WORD_END = 1;
    /** Table entry flag: the state has a term that may match whatever follows (prefix and sub-word terms). */
    private static final int ANY_END = 2;
    private static final int FLAGS = WORD_END | ANY_END;

    /** Output bit: a word char must not follow the term ({@link Boundary#WORD}). */
    private static final int RIGHT_CHECK = 1;
    /** Low bits of an output: its right bit; the term index is above them. */
    private static final int OUT_SHIFT = 1;

    /** Alphabet class of a char no term uses that is not a word char. */
    private static final int OTHER_NON_WORD = 0;
    /** Alphabet class of a char no term uses that is a word char. */
    private static final int OTHER_WORD = 1;
    /** The start state: at the start of the text or after a non-word char (a word may start). */
    private static final int ROOT = 0;

    /** Column of each ASCII char (its class's, once the table is laid out). */
    private final int[] asciiClass;
    private final char[] otherChars;
    /** Column of each of {@link #otherChars}. */
    private final int[] otherClass;
    private final int classes;
    /**
     * Transitions on the first {@link #HOT} columns: row {@code state * HOT}; each entry the next state. Two bytes
     * an entry while the states fit ({@link #wideTable} null), else {@link #wideTable} (and this one empty).
     */
    private final char[] table;
    private final int[] wideTable;
    /**
     * The transitions on the rarer columns ({@link #HOT} and up), row {@code state * coldStride}: kept apart so that
     * a state's row in {@link #table} is 64 bytes, and the rows the scan visits take as few cache lines as they can.
     */
    private final char[] coldTable;
    private final int[] wideColdTable;
    private final int coldStride;
    /** States from this number up report whole-word terms (and maybe others): see the constructor's numbering. */
    private final int firstWordEnd;
    /** States from this number up report some term that needs no word end. */
    private final int firstAnyEnd;
    private final int[] outStart;
    /** Per output: term index {@code << OUT_SHIFT}, {@code | RIGHT_CHECK}. */
    private final int[] out;
    /**
     * Per output, what {@link #emit} reports in one load: the term's payload in the high 32 bits, its length
     * {@code << OUT_SHIFT} and {@code | RIGHT_CHECK} in the low ones.
     */
    private final long[] outReport;
    /**
     * Per state: the number of chars of its path (0 for the root and the dead state) {@code << 1}, plus 1 when it
     * has terms of its own ({@link #ownCount} above 0), so the elision walk reads one array per char to follow the
     * trie and learn whether to look at terms.
     */
    private final int[] walk;
    /**
     * Per state: how many of its outputs are its own terms (the first ones), for the elision walk; 0 for the
     * F states.
     */
    private final int[] ownCount;
    private final boolean[] termSub;
    private final int[] termLength;
    private final int[] termPayload;
    private final int stateCount;

    private TermAutomaton(Builder b) {
        int n = b.terms.size();
        termLength = new int[n];
        termPayload = new int[n];
        termSub = new boolean[n];
        TreeSet<Character> alphabet = new TreeSet<>();
        for (int t = 0; t < n; t++) {
            char[] term = b.terms.get(t);
            termLength[t] = term.length;
            termPayload[t] = b.payloads.get(t);
            termSub[t] = b.boundaries.get(t) == Boundary.SUB;
            for (char c : term) {
                alphabet.add(c);
            }
        }
        // alphabet classes: 2..size+1; 0 and 1 for chars no term uses (not a word char, a word char)
        asciiClass = new int[128];
        int nonAscii = 0;
        for (char c : alphabet) {
            if (c >= 128) {
                nonAscii++;
            }
        }
        for (char c = 0; c < 128; c++) {
            asciiClass[c] = WordChars.isWordChar(c) ? OTHER_WORD : OTHER_NON_WORD;
        }
        otherChars = new char[nonAscii];
        otherClass = new int[nonAscii];
        int cls = 2;
        int o = 0;
        boolean[] wordClass = new boolean[alphabet.size() + 2];
        wordClass[OTHER_WORD] = true;
        for (char c : alphabet) {
            if (c < 128) {
                asciiClass[c] = cls;
            } else {
                otherChars[o] = c;
                otherClass[o++] = cls;
            }
            wordClass[cls] = WordChars.isWordChar(c);
            cls++;
        }
        classes = cls;

        // trie, nodes numbered in insertion order
        Map<Long, Integer> edges = new HashMap<>();
        List<List<Integer>> ownByInsertion = new ArrayList<>();
        ownByInsertion.add(new ArrayList<>());
        int nodes = 1;
        for (int t = 0; t < n; t++) {
            int s = 0;
            for (char c : b.terms.get(t)) {
                long key = ((long) s << 16) | c;
                Integer next = edges.get(key);
                if (next == null) {
                    next = nodes++;
                    edges.put(key, next);
                    ownByInsertion.add(new ArrayList<>());
                }
                s = next;
            }
            ownByInsertion.get(s).add(t);
        }
        int[] gotoByInsertion = new int[nodes * classes];
        Arrays.fill(gotoByInsertion, -1);
        for (Map.Entry<Long, Integer> e : edges.entrySet()) {
            int from = (int) (e.getKey() >>> 16);
            char c = (char) (e.getKey() & 0xFFFF);
            gotoByInsertion[from * classes + classOf(c, WordChars.isWordChar(c))] = e.getValue();
        }

        // renumber the trie breadth first (children in class order)
        int[] order = new int[nodes]; // new number -> insertion number
        int[] rank = new int[nodes]; // insertion number -> new number
        int[] nodeDepth = new int[nodes];
        int head = 0;
        int tail = 1;
        while (head < tail) {
            int s = order[head];
            for (int c = 2; c < classes; c++) {
                int g = gotoByInsertion[s * classes + c];
                if (g > 0) {
                    order[tail] = g;
                    rank[g] = tail;
                    nodeDepth[tail] = nodeDepth[head] + 1;
                    tail++;
                }
            }
            head++;
        }
        int[] child = new int[nodes * classes]; // by new number; -1 where the trie has no edge
        for (int s = 0; s < nodes; s++) {
            for (int c = 0; c < classes; c++) {
                int g = gotoByInsertion[order[s] * classes + c];
                child[s * classes + c] = g > 0 ? rank[g] : -1;
            }
        }
        // nodes on the way to a sub term (sub-term prefixes): the only ones worth following from inside a word
        boolean[] subPrefix = new boolean[nodes];
        int[] parent = new int[nodes];
        for (int s = 0; s < nodes; s++) {
            for (int c = 0; c < classes; c++) {
                int g = child[s * classes + c];
                if (g > 0) {
                    parent[g] = s;
                }
            }
        }
        for (int s = nodes - 1; s > 0; s--) {
            for (int t : ownByInsertion.get(order[s])) {
                if (termSub[t]) {
                    subPrefix[s] = true;
                }
            }
            if (subPrefix[s]) {
                subPrefix[parent[s]] = true;
            }
        }

        // states: a node reached from a word start (B), a sub-term prefix reached from inside a word (F), the dead
        // state; numbered breadth first over both kinds
        int[] stateNode = new int[2 * nodes + 1]; // state -> trie node (-1 for the dead state)
        boolean[] stateFree = new boolean[2 * nodes + 1];
        int[] bState = new int[nodes];
        int[] fState = new int[nodes];
        Arrays.fill(fState, -1);
        int states = 0;
        bState[0] = states;
        stateNode[states++] = 0;
        final int dead = states;
        stateNode[states++] = -1;
        // BFS over states: queue holds states in creation order, which is breadth first
        int[] queueDepth = new int[2 * nodes + 1];
        for (int q = 0; q < states; q++) {
            int s = stateNode[q];
            if (s < 0) {
                continue;
            }
            for (int c = 2; c < classes; c++) {
                int g = child[s * classes + c];
                if (g <= 0) {
                    continue;
                }
                if (!stateFree[q]) {
                    bState[g] = states;
                    stateNode[states] = g;
                    queueDepth[states++] = queueDepth[q] + 1;
                }
                if (subPrefix[g] && (stateFree[q] || q == 0)) {
                    // a free start at the root happens from the dead state; inner free nodes follow free ones
                    fState[g] = states;
                    stateNode[states] = g;
                    stateFree[states] = true;
                    queueDepth[states++] = queueDepth[q] + 1;
                }
            }
        }
        stateCount = states;
        long cells = (long) states * classes;
        if (cells > Integer.MAX_VALUE / 4 || (long) states * HOT > Integer.MAX_VALUE / 4) { // the hot table's rows
            throw new IllegalArgumentException("lexicon too large for a dense automaton: " + states
                    + " states x " + classes + " chars");
        }

        // failure links and resolved transitions, breadth first (a failure target is shallower, so complete)
        int[] delta = new int[(int) cells];
        int[] fail = new int[states];
        for (int c = 0; c < classes; c++) {
            int g = child[c];
            delta[c] = g > 0 ? bState[g] : wordClass[c] ? dead : ROOT;
            delta[dead * classes + c] = g > 0 && subPrefix[g] ? fState[g] : wordClass[c] ? dead : ROOT;
        }
        for (int q = 0; q < states; q++) {
            int s = stateNode[q];
            if (s < 0) {
                continue;
            }
            for (int c = 2; c < classes; c++) {
                int g = child[s * classes + c];
                if (g <= 0) {
                    continue;
                }
                if (stateFree[q] && !subPrefix[g]) {
                    continue;
                }
                int next = stateFree[q] ? fState[g] : bState[g];
                if (q == ROOT) {
                    // one char long: its only proper suffix is the empty one after it
                    fail[next] = wordClass[c] ? dead : ROOT;
                    if (fState[g] >= 0) {
                        fail[fState[g]] = fail[next];
                    }
                } else {
                    fail[next] = delta[fail[q] * classes + c];
                    delta[q * classes + c] = next;
                }
            }
            if (q != 0) {
                for (int c = 0; c < classes; c++) {
                    int g = c >= 2 ? child[s * classes + c] : -1;
                    boolean own = g > 0 && (!stateFree[q] || subPrefix[g]);
                    if (!own) {
                        delta[q * classes + c] = delta[fail[q] * classes + c];
                    }
                }
            }
        }

        // outputs: a state's own terms (all of them for a B state, sub terms only for an F state), then its
        // failure target's; so longest first, and in the order added within one length
        int[][] outputs = new int[states][];
        outputs[ROOT] = new int[0];
        outputs[dead] = new int[0];
        int[] own = new int[states];
        for (int q = 0; q < states; q++) {
            int s = stateNode[q];
            if (s <= 0) {
                continue;
            }
            List<Integer> mine = new ArrayList<>();
            for (int t : ownByInsertion.get(order[s])) {
                if (!stateFree[q] || termSub[t]) {
                    mine.add(t);
                }
            }
            int[] inherited = outputs[fail[q]];
            int[] all = new int[mine.size() + inherited.length];
            for (int i = 0; i < mine.size(); i++) {
                all[i] = mine.get(i);
            }
            System.arraycopy(inherited, 0, all, mine.size(), inherited.length);
            outputs[q] = all;
            own[q] = stateFree[q] ? 0 : mine.size();
        }
        int[] stateFlags = new int[states];
        for (int q = 0; q < states; q++) {
            for (int t : outputs[q]) {
                stateFlags[q] |= b.boundaries.get(t) == Boundary.WORD ? WORD_END : ANY_END;
            }
        }

        // Scanning is one dependent load per char, and whether a state has terms to look at must not cost another:
        // states are renumbered by what they report (none, only whole-word terms, some term that needs no word
        // end), breadth first within each group, so the state number itself says it.
        int[] renumber = new int[states];
        int[] groupStart = new int[4];
        for (int q = 0; q < states; q++) {
            groupStart[groupOf(stateFlags[q]) + 1]++;
        }
        groupStart[2] += groupStart[1];
        int[] nextInGroup = {0, groupStart[1], groupStart[2]};
        for (int q = 0; q < states; q++) {
            renumber[q] = nextInGroup[groupOf(stateFlags[q])]++;
        }
        firstWordEnd = groupStart[1];
        firstAnyEnd = groupStart[2];
        ownCount = new int[states];
        walk = new int[states];
        outStart = new int[states + 1];
        int[][] outputsByNumber = new int[states][];
        for (int q = 0; q < states; q++) {
            int r = renumber[q];
            ownCount[r] = own[q];
            walk[r] = queueDepth[q] << 1 | (own[q] > 0 ? 1 : 0);
            outputsByNumber[r] = outputs[q];
        }
        int total = 0;
        for (int r = 0; r < states; r++) {
            outStart[r] = total;
            total += outputsByNumber[r].length;
        }
        outStart[states] = total;
        out = new int[total];
        outReport = new long[total];
        for (int r = 0; r < states; r++) {
            for (int i = 0; i < outputsByNumber[r].length; i++) {
                int t = outputsByNumber[r][i];
                int right = b.boundaries.get(t) == Boundary.WORD ? RIGHT_CHECK : 0;
                out[outStart[r] + i] = t << OUT_SHIFT | right;
                outReport[outStart[r] + i] = (long) termPayload[t] << 32 | termLength[t] << OUT_SHIFT | right;
            }
        }
        // columns: the classes of the chars chat text holds most first, so that those fit the hot table's rows
        int[] column = hotFirst(classes, alphabet);
        for (char c = 0; c < 128; c++) {
            asciiClass[c] = column[asciiClass[c]];
        }
        for (int i = 0; i < otherClass.length; i++) {
            otherClass[i] = column[otherClass[i]];
        }
        coldStride = Math.max(0, classes - HOT);
        boolean wide = states > Character.MAX_VALUE + 1;
        table = new char[wide ? 0 : states * HOT];
        coldTable = new char[wide ? 0 : states * coldStride];
        wideTable = wide ? new int[states * HOT] : null;
        wideColdTable = wide ? new int[states * coldStride] : null;
        for (int q = 0; q < states; q++) {
            for (int c = 0; c < classes; c++) {
                int col = column[c];
                int r = renumber[q];
                int at = col < HOT ? r * HOT + col : r * coldStride + col - HOT;
                int to = renumber[delta[q * classes + c]];
                if (wide) {
                    (col < HOT ? wideTable : wideColdTable)[at] = to;
                } else {
                    (col < HOT ? table : coldTable)[at] = (char) to;
                }
            }
        }
    }

    /** Columns of the transition table that share a state's 64-byte row in {@link #table}. */
    private static final int HOT = 32;
    /** Chars by how often chat text holds them (after the two classes of chars no term uses), for the hot columns. */
    private static final String BY_FREQUENCY = " esaitnrulodcmpvqfbghjxyzwk.,0123456789-'!?/:";

    /**
     * Column of each class: the two classes of chars no term uses, then the alphabet's chars in the order of
     * {@link #BY_FREQUENCY}, then the rest of the alphabet in class order.
     */
    private static int[] hotFirst(int classes, TreeSet<Character> alphabet) {
        int[] column = new int[classes];
        Arrays.fill(column, -1);
        column[OTHER_NON_WORD] = OTHER_NON_WORD;
        column[OTHER_WORD] = OTHER_WORD;
        int next = 2;
        for (int i = 0; i < BY_FREQUENCY.length(); i++) {
            int cls = 2 + alphabet.headSet(BY_FREQUENCY.charAt(i)).size();
            if (alphabet.contains(BY_FREQUENCY.charAt(i))) {
                column[cls] = next++;
            }
        }
        for (int c = 2; c < classes; c++) {
            if (column[c] < 0) {
                column[c] = next++;
            }
        }
        return column;
    }

    /** The state after {@code state} on a char of column {@code col}. */
    private int next(int state, int col) {
        if (wideTable != null) {
            return col < HOT ? wideTable[state * HOT + col] : wideColdTable[state * coldStride + col - HOT];
        }
        return col < HOT ? table[state * HOT + col] : coldTable[state * coldStride + col - HOT];
    }

    private static final Scratch NO_ELISIONS = new Scratch();

    /** 0: reports nothing; 1: only whole-word terms; 2: some term that needs no word end. */
    private static int groupOf(int flags) {
        return (flags & ANY_END) != 0 ? 2 : flags != 0 ? 1 : 0;
    }

    private int classOf(char c, boolean word) {
        if (c < 128) {
            return asciiClass[c];
        }
        int i = Arrays.binarySearch(otherChars, c);
        return i >= 0 ? otherClass[i] : word ? OTHER_WORD : OTHER_NON_WORD;
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
        return scan(buf, len, sink, asciiFlags, null);
    }

    /**
     * Like {@link #scan(char[], int, MatchSink, int[])}, with the caller's scratch for the terms found after
     * elisions, so that a warmed-up caller allocates nothing.
     *
     * @param scratch reused by the caller for every scan; null to allocate one when a text needs it
     */
    public int scan(char[] buf, int len, MatchSink sink, int[] asciiFlags, Scratch scratch) {
        Scratch el = sink.mayElide() ? elisions(buf, len, sink, scratch) : null;
        if (el != null && el.count > 0 || wideTable != null) {
            return scanMerging(buf, len, sink, asciiFlags, el != null && el.count > 0 ? el : NO_ELISIONS);
        }
        final char[] t = table;
        final char[] cold = coldTable;
        final int[] ascii = asciiClass;
        final int width = coldStride;
        final int anyEnd = firstAnyEnd;
        final int wordEnd = firstWordEnd;
        // a state's terms are looked at once the next char is known: before a word char only if some term there
        // needs no word end
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
                word = WordChars.isWordChar(c);
                cls = classOf(c, word);
            }
            if (e >= (word ? anyEnd : wordEnd)) {
                emit(i - 1, e, word, sink);
            }
            e = cls < HOT ? t[e * HOT + cls] : cold[e * width + cls - HOT];
        }
        if (e >= wordEnd) {
            emit(len - 1, e, false, sink);
        }
        return flags;
    }

    /**
     * The scan when terms starting after an elision are due, or the automaton is too large for two-byte entries:
     * the same loop, merging them in at their end.
     */
    private int scanMerging(char[] buf, int len, MatchSink sink, int[] asciiFlags, Scratch el) {
        if (wideTable != null) {
            return scanMergingWide(buf, len, sink, asciiFlags, el);
        }
        // the plain scan's loop, plus one compare per char with the end of the next elided term (ends ascending;
        // emitMerged reports every elided term ending at an index, so the next one ends later)
        final char[] t = table;
        final char[] cold = coldTable;
        final int[] ascii = asciiClass;
        final int width = coldStride;
        final int anyEnd = firstAnyEnd;
        final int wordEnd = firstWordEnd;
        int flags = 0;
        int e = 0;
        int x = 0;
        int nextEnd = el.count > 0 ? el.end[0] : Integer.MAX_VALUE;
        for (int i = 0; i < len; i++) {
            char c = buf[i];
            int cls;
            boolean word;
            if (c < 128) {
                cls = ascii[c];
                word = ASCII_WORD[c];
                flags |= asciiFlags[c];
            } else {
                word = WordChars.isWordChar(c);
                cls = classOf(c, word);
            }
            boolean due = e >= (word ? anyEnd : wordEnd);
            if (due || i == nextEnd) {
                x = emitMerged(i - 1, due ? e : -1, word, sink, el, x);
                nextEnd = x < el.count ? el.end[x] : Integer.MAX_VALUE;
            }
            e = cls < HOT ? t[e * HOT + cls] : cold[e * width + cls - HOT];
        }
        boolean due = e >= wordEnd;
        if (due || len == nextEnd) {
            emitMerged(len - 1, due ? e : -1, false, sink, el, x);
        }
        return flags;
    }

    /** {@link #scanMerging} over four-byte entries (an automaton of more than 65,536 states). */
    private int scanMergingWide(char[] buf, int len, MatchSink sink, int[] asciiFlags, Scratch el) {
        int flags = 0;
        int e = 0;
        int x = 0;
        for (int i = 0; i < len; i++) {
            char c = buf[i];
            int cls;
            boolean word;
            if (c < 128) {
                cls = asciiClass[c];
                word = ASCII_WORD[c];
                flags |= asciiFlags[c];
            } else {
                word = WordChars.isWordChar(c);
                cls = classOf(c, word);
            }
            boolean due = e >= (word ? firstAnyEnd : firstWordEnd);
            if (due || x < el.count && el.end[x] == i) {
                x = emitMerged(i - 1, due ? e : -1, word, sink, el, x);
            }
            e = next(e, cls);
        }
        boolean due = e >= firstWordEnd;
        if (due || x < el.count && el.end[x] == len) {
            emitMerged(len - 1, due ? e : -1, false, sink, el, x);
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
    private void emit(int last, int state, boolean wordAfter, MatchSink sink) {
        for (int o = outStart[state], to = outStart[state + 1]; o < to; o++) {
            long report = outReport[o];
            if ((report & RIGHT_CHECK) != 0 && wordAfter) {
                continue;
            }
            sink.onMatch((int) (report >>> 32), last + 1 - ((int) report >>> OUT_SHIFT), last + 1);
        }
    }

    /**
     * Like {@link #emit}, merging in the elided terms ending at {@code last + 1} (from index {@code x} of
     * {@code el}) by length, then term order; {@code state} -1 when the state has nothing due.
     *
     * @return the index of the first elided term not reported
     */
    private int emitMerged(int last, int state, boolean wordAfter, MatchSink sink, Scratch el, int x) {
        int o = state < 0 ? 0 : outStart[state];
        int to = state < 0 ? 0 : outStart[state + 1];
        int end = last + 1;
        while (true) {
            while (o < to && (outReport[o] & RIGHT_CHECK) != 0 && wordAfter) {
                o++;
            }
            boolean mine = o < to;
            boolean theirs = x < el.count && el.end[x] == end;
            if (!mine && !theirs) {
                return x;
            }
            if (mine && theirs) {
                int length = (int) outReport[o] >>> OUT_SHIFT;
                int t2 = el.term[x];
                mine = length > termLength[t2] || length == termLength[t2] && out[o] >>> OUT_SHIFT < t2;
            }
            if (mine) {
                long report = outReport[o++];
                sink.onMatch((int) (report >>> 32), end - ((int) report >>> OUT_SHIFT), end);
            } else {
                int term = el.term[x++];
                sink.onMatch(termPayload[term], end - termLength[term], end);
            }
        }
    }

    /**
     * The terms that need a word start and start right after an elision (a word char before them, and the sink
     * says a folded apostrophe stood there), sorted as the scan reports: by end, longest first, then term order;
     * null (or {@code scratch} emptied) when there are none.
     */
    private Scratch elisions(char[] buf, int len, MatchSink sink, Scratch scratch) {
        Scratch el = scratch;
        if (el != null) {
            el.count = 0;
        }
        for (int j = sink.nextElision(1, len); j > 0; j = sink.nextElision(j + 1, len)) {
            if (!WordChars.isWordChar(buf[j - 1])) {
                continue; // a word may start here anyway: the scan itself finds what starts at j
            }
            // walk down the trie from j: a node reached by a trie edge is one char deeper
            int q = ROOT;
            for (int k = j; k < len; k++) {
                char c = buf[k];
                int next = next(q, c < 128 ? asciiClass[c] : classOf(c, WordChars.isWordChar(c)));
                int w = walk[next];
                if (w >>> 1 != k - j + 1) { // not a trie edge (q is at depth k - j): a failure transition
                    break;
                }
                q = next;
                if ((w & 1) == 0) {
                    continue; // no term ends here
                }
                boolean wordAfter = k + 1 < len && WordChars.isWordChar(buf[k + 1]);
                for (int o = outStart[q], to = o + ownCount[q]; o < to; o++) {
                    int code = out[o];
                    int term = code >>> OUT_SHIFT;
                    if (termSub[term] || (code & RIGHT_CHECK) != 0 && wordAfter) {
                        continue;
                    }
                    if (el == null) {
                        el = new Scratch();
                    }
                    el.add(term, k + 1);
                }
            }
        }
        if (el != null) {
            el.sort(termLength);
        }
        return el;
    }

    /**
     * A caller's reusable scratch for {@link #scan(char[], int, MatchSink, int[], Scratch)}: the terms found after
     * elisions in the current text. Not thread-safe; grows to the most such terms a text held.
     */
    public static final class Scratch {
        private int[] term = new int[8];
        private int[] end = new int[8];
        private int count;

        /** An empty scratch. */
        public Scratch() {
        }

        private void add(int t, int e) {
            if (count == term.length) {
                term = Arrays.copyOf(term, count * 2);
                end = Arrays.copyOf(end, count * 2);
            }
            term[count] = t;
            end[count++] = e;
        }

        /** Insertion sort by end, then longest first, then term order (a handful of entries, nearly sorted). */
        private void sort(int[] termLength) {
            for (int i = 1; i < count; i++) {
                int t = term[i];
                int e = end[i];
                int j = i - 1;
                while (j >= 0 && after(term[j], end[j], t, e, termLength)) {
                    term[j + 1] = term[j];
                    end[j + 1] = end[j];
                    j--;
                }
                term[j + 1] = t;
                end[j + 1] = e;
            }
        }

        private static boolean after(int t1, int e1, int t2, int e2, int[] termLength) {
            if (e1 != e2) {
                return e1 > e2;
            }
            if (termLength[t1] != termLength[t2]) {
                return termLength[t1] < termLength[t2];
            }
            return t1 > t2;
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
