package io.vigie.core.match;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
