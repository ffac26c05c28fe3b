package io.vigie.core.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Compiled token patterns: sequences of elements over "units" (a unit is anything the caller finds in the
 * folded text with a span: a lexicon word, a phrase, a cue), each element one of several units, optional or
 * not, with a bound on how many words may stand between it and the element before. "[ne] savoir ~3 jamais"
 * is three elements: "ne" (optional), any form of savoir right after it, then "jamais" with at most three
 * words in between. A match stays within one sentence, or reaches into the next one's first word only ({@link
 * Matcher}'s sentence ends). Immutable and thread-safe; each caller gets its own {@link Matcher}.
 *
 * <p>Patterns are matched after the caller has reported every unit occurrence of a message; a pattern is only
 * tried when its anchor (its rarest required element, chosen at build time) occurred and every required element
 * has at least one occurrence, so a message costs nothing for patterns whose words it does not hold. A pattern's
 * match may itself be a unit of later patterns ({@link Builder#add}'s {@code outputUnit}); patterns are matched
 * in the order they were added, and the builder refuses a pattern that uses the output of a later one.
 *
 * <p>Matching is a depth-first search over occurrences, bounded per message by a step budget, so the work stays
 * linear in the text whatever the input; a message that exhausts the budget is reported by
 * {@link Matcher#exhausted()}. The occurrences are also kept sorted by start, so extending a partial match only
 * looks at those within the element's gap (a bisection, then a few occurrences); the occurrence cap and the step
 * budget grow with the text ({@link Matcher#reset(int)}), so a pattern at the end of a long text still matches.
 */
public final class TokenPatterns {

    /** Occurrences kept per message of up to {@code 2 * MAX_HITS} chars; later ones are ignored (and reported as exhaustion). */
    static final int MAX_HITS = 256;
    /** Search steps per message of up to {@code STEP_BUDGET / STEPS_PER_CHAR} chars, over all patterns. */
    static final int STEP_BUDGET = 8192;
    /** Beyond those lengths: search steps per char of the text, and chars per occurrence kept. */
    static final int STEPS_PER_CHAR = 16;
    private static final int CHARS_PER_HIT = 2;
    /** Titles written with a full stop that does not end the sentence (the folded text is lower case). */
    private static final String[] TITLES = {"mr", "mrs", "ms", "dr", "st", "mme", "mlle", "mgr", "jr", "sr", "prof", "vs"};
    /** Elements with more units than this are searched by bisection. */
    private static final int LINEAR_UNITS = 8;
    /**
     * Required elements with at most this many units are checked by reading their units' last-seen stamps when a
     * pattern is a candidate; larger ones (concept sets) are marked seen by each occurrence of one of their units.
     */
    private static final int LAZY_UNITS = 2;

    private final int unitCount;
    private final int patternCount;
    // Everything a message's matching reads sits in a few flat arrays (no array per pattern or element to chase):
    /** Pattern p's elements are the global element ids {@code patternElems[p] .. patternElems[p + 1] - 1}. */
    private final int[] patternElems;
    /** Element g's units (sorted) are {@code elemUnits[elemUnitStart[g] .. elemUnitStart[g + 1] - 1]}. */
    private final int[] elemUnitStart;
    private final int[] elemUnits;
    private final boolean[] elemOptional;
    private final int[] elemGap;
    private final int[] outputUnit;
    /** Patterns anchored on unit u: {@code anchorPatterns[anchorStart[u] .. anchorStart[u + 1] - 1]}, ascending. */
    private final int[] anchorStart;
    private final int[] anchorPatterns;
    /**
     * Pattern p's required elements other than its anchor (which occurred when p became a candidate), rarest
     * first so that a pattern that cannot match fails on its first check:
     * {@code requiredElems[requiredStart[p] .. requiredStart[p + 1] - 1]}.
     */
    private final int[] requiredStart;
    private final int[] requiredElems;
    /**
     * Per pattern, its first check ({@code requiredElems[requiredStart[p]]}, the rarest, on which most candidates
     * fail) in one entry, so that rejecting a candidate reads this and one stamp: {@link #CHECK_NONE} (no required
     * element beside the anchor), {@link #CHECK_ELEMENT} with the element id in the low 32 bits (an element of
     * more than {@link #LAZY_UNITS} units, marked by its units' occurrences), or {@link #CHECK_UNITS} with its one
     * or two units (the second -1 when there is one) in the low and middle 31 bits.
     */
    private final long[] firstCheck;
    /**
     * The required elements (other than anchors) of more than {@link #LAZY_UNITS} units that accept unit u:
     * {@code unitElems[unitElemStart[u] .. unitElemStart[u + 1] - 1]}, so an occurrence marks them seen and a
     * candidate's check costs one read per such element, however many words its concept set holds. Smaller
     * elements are checked from their units' stamps instead: a common word ("je", "de") is a unit of many small
     * elements, and marking them all on every occurrence cost more than the few candidates' checks.
     */
    private final int[] unitElemStart;
    private final int[] unitElems;

    private TokenPatterns(Builder b) {
        this.unitCount = b.unitCount;
        int n = b.patterns.size();
        this.patternCount = n;
        int elements = 0;
        int unitRefs = 0;
        for (Pattern pat : b.patterns) {
            elements += pat.elements.size();
            for (Element el : pat.elements) {
                unitRefs += el.units().length;
            }
        }
        patternElems = new int[n + 1];
        elemUnitStart = new int[elements + 1];
        elemUnits = new int[unitRefs];
        elemOptional = new boolean[elements];
        elemGap = new int[elements];
        outputUnit = new int[n];
        requiredStart = new int[n + 1];
        List<Integer> required = new ArrayList<>();
        List<List<Integer>> anchors = new ArrayList<>();
        for (int u = 0; u < unitCount; u++) {
            anchors.add(new ArrayList<>());
        }
        int g = 0;
        int w = 0;
        for (int p = 0; p < n; p++) {
            Pattern pat = b.patterns.get(p);
            patternElems[p] = g;
            int anchor = -1;
            int anchorRarity = Integer.MIN_VALUE;
            List<int[]> others = new ArrayList<>(); // {element id, rarity} of the required elements
            for (int e = 0; e < pat.elements.size(); e++, g++) {
                Element el = pat.elements.get(e);
                elemUnitStart[g] = w;
                for (int u : el.units()) {
                    elemUnits[w++] = u;
                }
                elemOptional[g] = el.optional();
                elemGap[g] = el.gapBefore();
                if (!el.optional()) {
                    int r = b.rarityOf(el.units());
                    others.add(new int[] {g, r});
                    if (r > anchorRarity) {
                        anchorRarity = r;
                        anchor = g;
                    }
                }
            }
            int anchorEnd = anchor + 1 < g ? elemUnitStart[anchor + 1] : w;
            for (int k = elemUnitStart[anchor]; k < anchorEnd; k++) {
                anchors.get(elemUnits[k]).add(p);
            }
            final int anchorId = anchor;
            others.removeIf(o -> o[0] == anchorId);
            others.sort((x, y) -> Integer.compare(y[1], x[1])); // rarest first (stable: element order on ties)
            requiredStart[p] = required.size();
            for (int[] o : others) {
                required.add(o[0]);
            }
            outputUnit[p] = pat.outputUnit();
        }
        patternElems[n] = g;
        elemUnitStart[g] = w;
        requiredStart[n] = required.size();
        requiredElems = toArray(required);
        firstCheck = new long[n];
        for (int p = 0; p < n; p++) {
            firstCheck[p] = requiredStart[p] == requiredStart[p + 1] ? CHECK_NONE
                    : checkOf(requiredElems[requiredStart[p]]);
        }
        boolean[] checked = new boolean[elements];
        for (int r : requiredElems) {
            checked[r] = true;
        }
        List<List<Integer>> byUnit = new ArrayList<>();
        for (int u = 0; u < unitCount; u++) {
            byUnit.add(new ArrayList<>());
        }
        for (int e = 0; e < elements; e++) {
            if (checked[e] && elemUnitStart[e + 1] - elemUnitStart[e] > LAZY_UNITS) {
                for (int k = elemUnitStart[e]; k < elemUnitStart[e + 1]; k++) {
                    List<Integer> list = byUnit.get(elemUnits[k]);
                    if (list.isEmpty() || list.get(list.size() - 1) != e) {
                        list.add(e);
                    }
                }
            }
        }
        unitElemStart = new int[unitCount + 1];
        unitElems = flatten(byUnit, unitElemStart);
        anchorStart = new int[unitCount + 1];
        anchorPatterns = flatten(anchors, anchorStart);
    }

    private static final long CHECK_NONE = 0;
    private static final long CHECK_ELEMENT = 1L << 62;
    private static final long CHECK_UNITS = 2L << 62;
    private static final long CHECK_KIND = 3L << 62;
    private static final long UNIT_MASK = 0x7FFF_FFFFL;

    /** {@link #firstCheck}'s entry for required element {@code g}. */
    private long checkOf(int g) {
        int from = elemUnitStart[g];
        int units = elemUnitStart[g + 1] - from;
        if (units > LAZY_UNITS) {
            return CHECK_ELEMENT | g;
        }
        long second = units == 2 ? elemUnits[from + 1] : UNIT_MASK; // UNIT_MASK: no second unit
        return CHECK_UNITS | second << 31 | elemUnits[from];
    }

    /** The lists one after the other; list i is {@code [start[i], start[i + 1])} of the result. */
    private static int[] flatten(List<List<Integer>> lists, int[] start) {
        List<Integer> flat = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            start[i] = flat.size();
            flat.addAll(lists.get(i));
        }
        start[lists.size()] = flat.size();
        return toArray(flat);
    }

    private static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    /** Number of patterns compiled. */
    public int size() {
        return patternCount;
    }

    /** Number of distinct units the patterns are written over. */
    public int unitCount() {
        return unitCount;
    }

    /** A new per-caller matcher with its own scratch; not thread-safe. */
    public Matcher newMatcher() {
        return new Matcher();
    }

    /** A new builder for patterns over units {@code 0..unitCount-1}. */
    public static Builder builder(int unitCount) {
        return new Builder(unitCount);
    }

    @Override
    public String toString() {
        return "TokenPatterns[patterns=" + size() + ", units=" + unitCount + "]";
    }

    /** Receives each pattern match, in folded-text coordinates. */
    @FunctionalInterface
    public interface PatternSink {
        /**
         * One match of pattern {@code pattern}.
         *
         * @param start folded start of its first matched element
         * @param end   folded end of its last matched element
         */
        void onPattern(int pattern, int start, int end);
    }

    /**
     * The per-message side: collect unit occurrences with {@link #add}, then {@link #match} once. Reuse it for
     * every message after {@link #reset()}; it allocates nothing once its arrays have grown. Not thread-safe.
     */
    public final class Matcher {
        private int[] hitUnit = new int[64];
        private int[] hitStart = new int[64];
        private int[] hitEnd = new int[64];
        private int hits;
        /** Occurrences kept for this message, and search steps allowed (both grow with the text's length). */
        private int hitCap = MAX_HITS;
        private int stepBudget = STEP_BUDGET;
        /** The occurrences by start (then in the order recorded), once the first partial match needed them. */
        private int[] byStart = new int[64];
        private boolean sorted;
        /** Candidate occurrences of the search's open levels, each level sorted in the order recorded. */
        private int[] stack = new int[64];
        private int stackTop;
        /**
         * Per required element of more than {@link #LAZY_UNITS} units: stamp of the message one of its units last
         * occurred in.
         */
        private final int[] elemSeen = new int[elemOptional.length];
        /** Per unit: stamp of the message it last occurred in (before the occurrence cap). */
        private final int[] unitSeen = new int[unitCount];
        private int stamp = 1;
        /**
         * The candidate patterns (their anchor occurred) as a bit set: {@link #match} takes them in pattern order
         * without sorting, and a pattern a match makes a candidate (always a later one) is simply set.
         */
        private final long[] candidates = new long[Math.max(1, (size() + 63) >>> 6)];
        private int[] wordsBefore = new int[64];
        /**
         * sentencesBefore[i] = number of sentence ends in [0, i); sentenceFirstWord[k] = word starts before sentence
         * k's first word. A match never runs across a sentence end, except into the first word after it.
         */
        private int[] sentencesBefore = new int[64];
        private int[] sentenceFirstWord = new int[64];
        private boolean wordsReady;
        private char[] buf;
        private int len;
        private int steps;
        private boolean exhausted;
        private int matchStart;
        private int matchEnd;

        private Matcher() {
        }

        /** Forgets the last message's occurrences; the limits of a short message. */
        public void reset() {
            reset(0);
        }

        /**
         * Forgets the last message's occurrences, for a text of {@code textLength} folded chars: the occurrence
         * cap and the step budget grow linearly with it beyond a short message's.
         */
        public void reset(int textLength) {
            hitCap = Math.max(MAX_HITS, textLength / CHARS_PER_HIT);
            stepBudget = (int) Math.min(Integer.MAX_VALUE, Math.max(STEP_BUDGET, (long) STEPS_PER_CHAR * textLength));
            hits = 0;
            Arrays.fill(candidates, 0L); // match() clears what it takes; this is for a search cut short
            wordsReady = false;
            sorted = false;
            steps = 0;
            exhausted = false;
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(elemSeen, 0);
                Arrays.fill(unitSeen, 0);
                stamp = 1;
            }
        }

        /**
         * Records one occurrence of a unit over the folded span {@code [start, end)}.
         */
        public void add(int unit, int start, int end) {
            if (unit < 0 || unit >= unitCount) {
                return;
            }
            if (hits == hitCap) {
                exhausted = true;
                return;
            }
            if (hits == hitUnit.length) {
                int n = Math.min(hitCap, hits * 2);
                hitUnit = Arrays.copyOf(hitUnit, n);
                hitStart = Arrays.copyOf(hitStart, n);
                hitEnd = Arrays.copyOf(hitEnd, n);
                byStart = Arrays.copyOf(byStart, n);
            }
            hitUnit[hits] = unit;
            hitStart[hits] = start;
            hitEnd[hits] = end;
            if (sorted) {
                insertByStart(hits);
            }
            hits++;
            unitSeen[unit] = stamp;
            for (int k = unitElemStart[unit], to = unitElemStart[unit + 1]; k < to; k++) {
                elemSeen[unitElems[k]] = stamp;
            }
            for (int a = anchorStart[unit], to = anchorStart[unit + 1]; a < to; a++) {
                int p = anchorPatterns[a];
                candidates[p >>> 6] |= 1L << p;
            }
        }

        /** Puts occurrence h (the last one) in its place in {@link #byStart}, after those with the same start. */
        private void insertByStart(int h) {
            int i = h;
            int s = hitStart[h];
            while (i > 0 && hitStart[byStart[i - 1]] > s) {
                byStart[i] = byStart[i - 1];
                i--;
            }
            byStart[i] = h;
        }

        /** True when nothing was recorded since the last reset. */
        public boolean isEmpty() {
            return hits == 0;
        }

        /**
         * Matches every candidate pattern over the folded text and reports each that matches once (its
         * leftmost match), in pattern order. A match's output unit is added as an occurrence, so later
         * patterns see it.
         *
         * @param folded the folded text the spans refer to
         * @param length its valid length
         */
        public void match(char[] folded, int length, PatternSink sink) {
            this.buf = folded;
            this.len = length;
            // patterns are tried in pattern order; a pattern that a match makes a candidate (through its output unit)
            // comes after the one matching (the builder checks it), so re-reading the current word finds it
            stackTop = 0;
            for (int wi = 0; wi < candidates.length; wi++) {
                long bits;
                while ((bits = candidates[wi]) != 0) {
                    candidates[wi] = bits & (bits - 1);
                    int p = wi << 6 | Long.numberOfTrailingZeros(bits);
                    if (!allRequiredSeen(p)) {
                        continue;
                    }
                    if (steps >= stepBudget) {
                        exhausted = true;
                        return;
                    }
                    if (matchPattern(p)) {
                        sink.onPattern(p, matchStart, matchEnd);
                        int out = outputUnit[p];
                        if (out >= 0) {
                            add(out, matchStart, matchEnd);
                        }
                    }
                }
            }
        }

        /** True when the last message hit the occurrence cap or the step budget. */
        public boolean exhausted() {
            return exhausted;
        }

        private boolean allRequiredSeen(int p) {
            long check = firstCheck[p];
            long kind = check & CHECK_KIND;
            if (kind == CHECK_NONE) {
                return true;
            }
            if (kind == CHECK_ELEMENT ? elemSeen[(int) check] != stamp
                    : unitSeen[(int) (check & UNIT_MASK)] != stamp && !secondUnitSeen(check)) {
                return false;
            }
            for (int r = requiredStart[p] + 1, to = requiredStart[p + 1]; r < to; r++) {
                if (!elementSeen(requiredElems[r])) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the second unit of a {@link #CHECK_UNITS} entry occurred (false when it has none). */
        private boolean secondUnitSeen(long check) {
            long second = check >>> 31 & UNIT_MASK;
            return second != UNIT_MASK && unitSeen[(int) second] == stamp;
        }

        private boolean elementSeen(int g) {
            int from = elemUnitStart[g];
            int to = elemUnitStart[g + 1];
            if (to - from > LAZY_UNITS) {
                return elemSeen[g] == stamp;
            }
            for (int k = from; k < to; k++) {
                if (unitSeen[elemUnits[k]] == stamp) {
                    return true;
                }
            }
            return false;
        }

        private boolean matchPattern(int p) {
            return startAt(patternElems[p], patternElems[p + 1]);
        }

        /**
         * Tries every occurrence of element {@code g} as the match's first, in the order recorded; the pattern's
         * elements end before {@code last}.
         */
        private boolean startAt(int g, int last) {
            // a step per occurrence of the element (looking at the others is a read and a compare each)
            int base = stackTop;
            for (int h = 0; h < hits; h++) {
                if (in(g, hitUnit[h])) {
                    if (step()) {
                        stackTop = base;
                        return false;
                    }
                    push(h);
                }
            }
            for (int k = base; k < stackTop; k++) {
                int h = stack[k];
                if (extend(g + 1, last, hitEnd[h], 0)) {
                    matchStart = hitStart[h];
                    stackTop = base;
                    return true;
                }
                if (steps > stepBudget) {
                    stackTop = base;
                    return false;
                }
            }
            stackTop = base;
            // a leading optional element may be absent: the next element starts the match
            return elemOptional[g] && g + 1 < last && startAt(g + 1, last);
        }

        /**
         * Tries to match elements {@code g..last-1} after a previous element ending at {@code prevEnd}, with
         * {@code extraGap} words allowed on top of element g's own gap (from skipped optional elements). The
         * occurrences that may come next start at or after {@code prevEnd} with at most that many word starts
         * before them: a run of {@link #byStart}, tried in the order recorded.
         */
        private boolean extend(int g, int last, int prevEnd, int extraGap) {
            if (g == last) {
                matchEnd = prevEnd;
                return true;
            }
            int allowed = elemGap[g] + extraGap;
            if (!wordsReady) {
                countWords();
            }
            if (!sorted) {
                for (int h = 0; h < hits; h++) {
                    insertByStart(h); // the scan reports by end, so nearly sorted already
                }
                sorted = true;
            }
            int maxWords = wordsAt(prevEnd) + allowed;
            int sentence = sentencesAt(prevEnd);
            int base = stackTop;
            for (int k = firstStartingAt(prevEnd); k < hits; k++) {
                int h = byStart[k];
                if (step()) {
                    stackTop = base;
                    return false;
                }
                if (wordsAt(hitStart[h]) > maxWords || !sameSentence(sentence, hitStart[h])) {
                    break;
                }
                if (in(g, hitUnit[h])) {
                    push(h);
                }
            }
            sortLevel(base);
            for (int k = base; k < stackTop; k++) {
                if (extend(g + 1, last, hitEnd[stack[k]], 0)) {
                    stackTop = base;
                    return true;
                }
                if (steps > stepBudget) {
                    stackTop = base;
                    return false;
                }
            }
            stackTop = base;
            if (elemOptional[g]) {
                // the optional element is absent: its own gap and the next element's add up
                if (g + 1 == last) {
                    matchEnd = prevEnd;
                    return true;
                }
                return extend(g + 1, last, prevEnd, allowed);
            }
            return false;
        }

        /** Index in {@link #byStart} of the first occurrence starting at or after {@code pos}. */
        private int firstStartingAt(int pos) {
            int lo = 0;
            int hi = hits;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (hitStart[byStart[mid]] < pos) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private void push(int h) {
            if (stackTop == stack.length) {
                stack = Arrays.copyOf(stack, stackTop * 2);
            }
            stack[stackTop++] = h;
        }

        /** Sorts the open level {@code stack[base..stackTop)} in the order the occurrences were recorded. */
        private void sortLevel(int base) {
            for (int i = base + 1; i < stackTop; i++) {
                int v = stack[i];
                int j = i - 1;
                while (j >= base && stack[j] > v) {
                    stack[j + 1] = stack[j];
                    j--;
                }
                stack[j + 1] = v;
            }
        }

        private boolean step() {
            if (++steps > stepBudget) {
                exhausted = true;
                return true;
            }
            return false;
        }

        /** Word starts before folded index {@code i} (clamped to the text). */
        private int wordsAt(int i) {
            return wordsBefore[Math.min(i, len)];
        }

        /** Sentence ends before folded index {@code i} (clamped to the text). */
        private int sentencesAt(int i) {
            return sentencesBefore[Math.min(i, len)];
        }

        /**
         * True when an occurrence starting at {@code start} may follow an element that ended in sentence
         * {@code sentence}: in the same sentence, or as the first word of the next one ("ta sœur sait pas ce que tu
         * fais. pour l'instant"), never further on ("je supprime. passe sur X pour" does not read "supprime ...
         * pour"). Occurrences come by start, so the first one this refuses ends the search at this level.
         */
        private boolean sameSentence(int sentence, int start) {
            int s = sentencesAt(start);
            return s == sentence || s == sentence + 1 && wordsAt(start) == sentenceFirstWord[s];
        }

        /**
         * wordsBefore[i] = number of word starts in [0, i), counted without a branch per char; sentencesBefore[i]
         * = number of sentence ends in [0, i) ({@link #endsSentence}).
         */
        private void countWords() {
            if (wordsBefore.length < len + 1) {
                wordsBefore = new int[Math.max(len + 1, wordsBefore.length * 2)];
                sentencesBefore = new int[wordsBefore.length];
                sentenceFirstWord = new int[wordsBefore.length];
            }
            int n = 0;
            int ends = 0;
            int prevWord = 0;
            for (int i = 0; i < len; i++) {
                wordsBefore[i] = n;
                sentencesBefore[i] = ends;
                char c = buf[i];
                int w = WordChars.isWordChar(c) ? 1 : 0;
                n += w & ~prevWord;
                prevWord = w;
                if (w == 0 && c < 0x40 && endsSentence(i)) {
                    sentenceFirstWord[++ends] = n;
                }
            }
            wordsBefore[len] = n;
            sentencesBefore[len] = ends;
            wordsReady = true;
        }

        /**
         * A full stop or '!' followed by a space or the end of the text, or a line break: "je supprime. passe sur X
         * pour" is two sentences, and no pattern reads "supprime ... pour" across them. Not a full stop inside a word
         * or number ("t.me", "1.5"), nor an ellipsis ("le dentiste... j'ai"), which chat uses as a pause, nor a
         * question mark: a chat question often runs on into what it asks about ("move to Zoomi? this app logs me
         * out").
         */
        private boolean endsSentence(int i) {
            char c = buf[i];
            if (c == '\n') {
                return true;
            }
            if (c != '.' && c != '!') {
                return false;
            }
            if (i + 1 < len && buf[i + 1] != ' ' && buf[i + 1] != '\n') {
                return false;
            }
            return c != '.' || i == 0 || buf[i - 1] != '.' && !abbreviation(i);
        }

        /**
         * True when the full stop at {@code i} closes an initial or a title ("M. Bertin", "Mme. Roux", "Dr. Khan",
         * "St. Kilda"), not a sentence.
         */
        private boolean abbreviation(int i) {
            int j = i;
            while (j > 0 && WordChars.isWordChar(buf[j - 1])) {
                j--;
            }
            int n = i - j;
            if (n <= 1) {
                return n == 1;
            }
            for (String title : TITLES) {
                if (title.length() == n && sameChars(title, j)) {
                    return true;
                }
            }
            return false;
        }

        private boolean sameChars(String word, int at) {
            for (int k = 0; k < word.length(); k++) {
                if (buf[at + k] != word.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * True when element {@code g} accepts {@code unit}: a linear scan of its sorted ids when it has a few, a
         * binary search when it is a concept set of dozens of words.
         */
        private boolean in(int g, int unit) {
            int from = elemUnitStart[g];
            int to = elemUnitStart[g + 1];
            if (to - from > LINEAR_UNITS) {
                return Arrays.binarySearch(elemUnits, from, to, unit) >= 0;
            }
            for (int k = from; k < to; k++) {
                int u = elemUnits[k];
                if (u == unit) {
                    return true;
                }
                if (u > unit) {
                    return false;
                }
            }
            return false;
        }
    }

    /** One element of a pattern: any of its units, optional or not, and the words allowed before it. */
    public record Element(int[] units, boolean optional, int gapBefore) {
        public Element {
            Objects.requireNonNull(units, "units must not be null");
            if (units.length == 0) {
                throw new IllegalArgumentException("an element needs at least one unit");
            }
            units = units.clone();
            Arrays.sort(units);
            if (gapBefore < 0) {
                throw new IllegalArgumentException("gapBefore must be >= 0, got " + gapBefore);
            }
        }
    }

    private record Pattern(List<Element> elements, int outputUnit) {
    }

    /**
     * Collects patterns, then compiles them. Not thread-safe.
     */
    public static final class Builder {
        private final int unitCount;
        private final List<Pattern> patterns = new ArrayList<>();
        private int[] rarity;

        private Builder(int unitCount) {
            if (unitCount < 0) {
                throw new IllegalArgumentException("unitCount must be >= 0");
            }
            this.unitCount = unitCount;
        }

        /**
         * Sets how rare each unit is expected to be (higher = rarer), so each pattern is anchored on its rarest
         * required element. Units without a figure count 0.
         */
        public Builder rarities(int[] rarityByUnit) {
            this.rarity = rarityByUnit.clone();
            return this;
        }

        int rarityOf(int[] units) {
            // an element is as rare as its most common alternative
            int min = Integer.MAX_VALUE;
            for (int u : units) {
                int r = rarity == null || u >= rarity.length ? 0 : rarity[u];
                min = Math.min(min, r);
            }
            return min;
        }

        /**
         * Adds a pattern.
         *
         * @param elements   at least one, and at least one not optional; units in range
         * @param outputUnit the unit a match of this pattern counts as for later patterns, or -1
         * @return the pattern's id (patterns are numbered in the order they are added)
         * @throws IllegalArgumentException on a bad element or unit
         */
        public int add(List<Element> elements, int outputUnit) {
            Objects.requireNonNull(elements, "elements must not be null");
            if (elements.isEmpty()) {
                throw new IllegalArgumentException("a pattern needs at least one element");
            }
            boolean anyRequired = false;
            for (Element e : elements) {
                anyRequired |= !e.optional();
                for (int u : e.units()) {
                    if (u < 0 || u >= unitCount) {
                        throw new IllegalArgumentException("unit " + u + " out of range 0.." + (unitCount - 1));
                    }
                }
            }
            if (!anyRequired) {
                throw new IllegalArgumentException("a pattern needs at least one element that is not optional");
            }
            if (outputUnit >= unitCount) {
                throw new IllegalArgumentException("outputUnit " + outputUnit + " out of range");
            }
            patterns.add(new Pattern(List.copyOf(elements), outputUnit));
            return patterns.size() - 1;
        }

        /**
         * Compiles the patterns.
         *
         * @throws IllegalArgumentException when a pattern uses the output unit of itself or of a later pattern
         *                                  (patterns are matched in order, so it could never see that match)
         */
        public TokenPatterns build() {
            int[] producer = new int[unitCount];
            Arrays.fill(producer, -1);
            for (int p = 0; p < patterns.size(); p++) {
                int out = patterns.get(p).outputUnit();
                if (out >= 0) {
                    producer[out] = p; // the last pattern that outputs the unit
                }
            }
            for (int p = 0; p < patterns.size(); p++) {
                for (Element e : patterns.get(p).elements()) {
                    for (int u : e.units()) {
                        if (producer[u] >= p) {
                            throw new IllegalArgumentException("pattern " + p + " uses unit " + u
                                    + ", the output of pattern " + producer[u] + ", which is not before it");
                        }
                    }
                }
            }
            return new TokenPatterns(this);
        }
    }
}
