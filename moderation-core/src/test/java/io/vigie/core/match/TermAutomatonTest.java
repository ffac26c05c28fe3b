package io.vigie.core.match;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The automaton finds exactly what a naive search with the same boundary rules finds. */
class TermAutomatonTest {

    private static List<String> scan(TermAutomaton ac, String text) {
        List<String> out = new ArrayList<>();
        char[] buf = text.toCharArray();
        ac.scan(buf, buf.length, (payload, start, end) -> out.add(payload + "@" + start + "-" + end));
        out.sort(null);
        return out;
    }

    private static List<String> naive(List<String> terms, List<Boundary> boundaries, String text) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            String term = terms.get(t);
            for (int i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
                int end = i + term.length();
                boolean before = i == 0 || !WordChars.isWordChar(text.charAt(i - 1));
                boolean after = end == text.length() || !WordChars.isWordChar(text.charAt(end));
                Boundary b = boundaries.get(t);
                if (b == Boundary.SUB || b == Boundary.PREFIX && before || b == Boundary.WORD && before && after) {
                    out.add(t + "@" + i + "-" + end);
                }
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void shouldFindWholeWordsPhrasesPrefixesAndSubstrings() {
        // given
        TermAutomaton ac = TermAutomaton.builder()
                .add("snap", 1, Boundary.WORD)
                .add("on se voit", 2, Boundary.WORD)
                .add("drogue", 3, Boundary.PREFIX)
                .add("pd", 4, Boundary.SUB)
                .add("se", 5, Boundary.WORD)
                .build();
        // when / then
        assertEquals(List.of("1@8-12"), scan(ac, "ajoute  snap."));
        assertEquals(List.of(), scan(ac, "snapchat"));
        assertEquals(List.of("2@0-10", "5@3-5"), scan(ac, "on se voit"));
        assertEquals(List.of("3@4-10"), scan(ac, "est droguee"));
        assertEquals(List.of(), scan(ac, "undrogue"));
        assertEquals(List.of("4@2-4"), scan(ac, "xxpdxx"));
    }

    @Test
    void shouldAgreeWithANaiveSearchOnRandomTermsAndTexts() {
        Random rnd = new Random(7);
        for (int round = 0; round < 50; round++) {
            // given: overlapping terms over a tiny alphabet, so suffix links matter
            List<String> terms = new ArrayList<>();
            List<Boundary> boundaries = new ArrayList<>();
            TermAutomaton.Builder b = TermAutomaton.builder();
            while (terms.size() < 30) {
                String t = random(rnd, 1 + rnd.nextInt(5), "ab c");
                if (t.isBlank() || terms.contains(t)) {
                    continue;
                }
                Boundary boundary = Boundary.values()[rnd.nextInt(3)];
                b.add(t, terms.size(), boundary);
                terms.add(t);
                boundaries.add(boundary);
            }
            TermAutomaton ac = b.build();
            for (int k = 0; k < 20; k++) {
                String text = random(rnd, rnd.nextInt(60), "ab c.é");
                // when / then
                assertEquals(naive(terms, boundaries, text), scan(ac, text), "text '" + text + "'");
            }
        }
    }

    /** Records the matches in the order reported, with elisions where {@code elided} says. */
    private static final class Recording implements MatchSink {
        final List<String> got = new ArrayList<>();
        private final java.util.function.IntPredicate elided;
        private final boolean mayElide;

        Recording(java.util.function.IntPredicate elided, boolean mayElide) {
            this.elided = elided;
            this.mayElide = mayElide;
        }

        @Override
        public void onMatch(int payload, int start, int end) {
            got.add(payload + "@" + start + "-" + end);
        }

        @Override
        public boolean elidedBefore(int start) {
            return elided.test(start);
        }

        @Override
        public boolean mayElide() {
            return mayElide;
        }
    }

    /**
     * Every match in the order a plain Aho-Corasick scan reports (by end, longest first, then the order the terms
     * were added), where a word term may also start right after a word char at an elision position.
     */
    private static List<String> naiveInOrder(List<String> terms, List<Boundary> boundaries, String text,
                                             boolean[] elided) {
        List<int[]> found = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            String term = terms.get(t);
            for (int i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
                int end = i + term.length();
                boolean before = i == 0 || !WordChars.isWordChar(text.charAt(i - 1)) || elided[i];
                boolean after = end == text.length() || !WordChars.isWordChar(text.charAt(end));
                Boundary b = boundaries.get(t);
                if (b == Boundary.SUB || b == Boundary.PREFIX && before || b == Boundary.WORD && before && after) {
                    found.add(new int[] {end, -term.length(), t, i});
                }
            }
        }
        found.sort(Comparator.<int[]>comparingInt(f -> f[0]).thenComparingInt(f -> f[1]).thenComparingInt(f -> f[2]));
        List<String> out = new ArrayList<>();
        for (int[] f : found) {
            out.add(f[2] + "@" + f[3] + "-" + f[0]);
        }
        return out;
    }

    @Test
    void shouldReportInScanOrderWithElisionsSubTermsAndRepeatedStrings() {
        // overlapping terms over a tiny alphabet, the same string sometimes under several boundaries
        assertScanOrderAsNaive(new Random(11), 200, 25, "ab c", "ab c.é");
    }

    @Test
    void shouldReportInScanOrderWhenTheAlphabetOutgrowsTheTablesHotColumns() {
        // 49 chars (digits, punctuation, accented letters, an emoji's surrogate halves): more alphabet classes than
        // the hot table's columns, so some transitions and failure links go through the cold one
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 -./,+éçœ«»\uD83D\uDE42";
        assertScanOrderAsNaive(new Random(13), 100, 60, alphabet, alphabet + "!?'");
    }

    /**
     * Random term sets, and texts made of pieces of their terms and random chars: the automaton reports what
     * {@link #naiveInOrder} finds, in the same order, with and without elisions.
     */
    private static void assertScanOrderAsNaive(Random rnd, int rounds, int termCount, String termAlphabet,
                                               String textAlphabet) {
        TermAutomaton.Scratch scratch = new TermAutomaton.Scratch();
        for (int round = 0; round < rounds; round++) {
            // given
            List<String> terms = new ArrayList<>();
            List<Boundary> boundaries = new ArrayList<>();
            TermAutomaton.Builder b = TermAutomaton.builder();
            while (terms.size() < termCount) {
                String t = rnd.nextInt(5) == 0 && !terms.isEmpty() ? terms.get(rnd.nextInt(terms.size()))
                        : random(rnd, 1 + rnd.nextInt(5), termAlphabet);
                Boundary boundary = Boundary.values()[rnd.nextInt(3)];
                if (t.isBlank() || !b.addIfAbsent(t, terms.size(), boundary)) {
                    continue;
                }
                terms.add(t);
                boundaries.add(boundary);
            }
            TermAutomaton ac = b.build();
            for (int k = 0; k < 20; k++) {
                StringBuilder piece = new StringBuilder();
                int length = rnd.nextInt(60);
                while (piece.length() < length) {
                    piece.append(rnd.nextBoolean() ? terms.get(rnd.nextInt(terms.size()))
                            : random(rnd, 1 + rnd.nextInt(3), textAlphabet));
                }
                String text = piece.toString();
                boolean[] elided = new boolean[text.length() + 1];
                boolean any = rnd.nextBoolean();
                for (int i = 1; any && i < text.length(); i++) {
                    elided[i] = rnd.nextInt(4) == 0;
                }
                char[] buf = text.toCharArray();
                Recording sink = new Recording(i -> elided[i], any);
                List<String> got = sink.got;
                // when
                if (k % 2 == 0) {
                    ac.scan(buf, buf.length, sink, new int[128], scratch);
                } else {
                    ac.scan(buf, buf.length, sink);
                }
                // then
                assertEquals(naiveInOrder(terms, boundaries, text, elided), got, "text '" + text + "'");
            }
        }
    }

    @Test
    void shouldMatchAWordTermAfterAnElisionOnlyWhereTheSinkSaysSo() {
        // given: "aime" inside "jaime", and "la" + "article" glued by a folded apostrophe
        TermAutomaton ac = TermAutomaton.builder()
                .add("aime", 1, Boundary.WORD)
                .add("article", 2, Boundary.WORD)
                .add("art", 3, Boundary.PREFIX)
                .add("larticle", 4, Boundary.WORD)
                .build();
        char[] text = "jaime larticle".toCharArray();
        Recording elisions = new Recording(start -> start == 1 || start == 7, true);
        List<String> got = elisions.got;
        // when
        ac.scan(text, text.length, elisions);
        // then: in scan order, the longest first at the same end
        assertEquals(List.of("1@1-5", "3@7-10", "4@6-14", "2@7-14"), got);
        assertEquals(List.of("4@6-14"), scan(ac, "jaime larticle"));
    }

    @Test
    void shouldMatchTheSameWithMoreStatesThanTwoByteEntriesHold() {
        // given 8,000 long random terms: more than 65,536 states, so the table takes four bytes an entry; and more
        // alphabet classes than the hot columns
        Random rnd = new Random(3);
        List<String> terms = new ArrayList<>();
        List<Boundary> boundaries = new ArrayList<>();
        TermAutomaton.Builder b = TermAutomaton.builder();
        while (terms.size() < 8000) {
            String t = random(rnd, 12, "abcdefghijklmnopqrstuvwxyz0123456789-/=%");
            Boundary boundary = Boundary.values()[rnd.nextInt(3)];
            if (b.addIfAbsent(t, terms.size(), boundary)) {
                terms.add(t);
                boundaries.add(boundary);
            }
        }
        TermAutomaton ac = b.build();
        assertTrue(ac.stateCount() > 65_536, ac.toString());
        for (int k = 0; k < 50; k++) {
            // texts made of pieces of terms, so that matches and near-misses occur
            StringBuilder text = new StringBuilder();
            while (text.length() < 80) {
                String t = terms.get(rnd.nextInt(terms.size()));
                text.append(t, rnd.nextInt(3), 12 - rnd.nextInt(3)).append(rnd.nextBoolean() ? " " : "");
            }
            // when / then
            assertEquals(naive(terms, boundaries, text.toString()), scan(ac, text.toString()), "text '" + text + "'");
        }
    }

    @Test
    void shouldRefuseEmptyAndRepeatedTerms() {
        TermAutomaton.Builder b = TermAutomaton.builder().add("a", 1, Boundary.WORD);
        assertThrows(IllegalArgumentException.class, () -> b.add("", 1, Boundary.WORD));
        assertThrows(IllegalArgumentException.class, () -> b.add("a", 1, Boundary.WORD));
    }

    @Test
    void shouldHandleNonAsciiAndEmptyText() {
        TermAutomaton ac = TermAutomaton.builder().add("çava", 1, Boundary.WORD).build();
        assertEquals(List.of("1@1-5"), scan(ac, " çava 😀"));
        assertEquals(List.of(), scan(ac, ""));
    }

    private static String random(Random rnd, int len, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
