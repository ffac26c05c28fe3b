package io.vigie.core.match;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Token patterns over units found by hand in a text: each word of the text is its own unit here (unit = index
 * in {@link #VOCAB}), so the tests read like the lexicon patterns they stand for.
 */
class TokenPatternsTest {

    private static final List<String> VOCAB = List.of("ne", "le", "saura", "jamais", "rien", "il", "elle",
            "bien", "endormie", "pas", "x", "y");

    private static int u(String word) {
        int i = VOCAB.indexOf(word);
        if (i < 0) {
            throw new IllegalArgumentException(word);
        }
        return i;
    }

    private static TokenPatterns.Element el(String... words) {
        return el(false, 0, words);
    }

    private static TokenPatterns.Element el(boolean optional, int gap, String... words) {
        int[] units = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            units[i] = u(words[i]);
        }
        return new TokenPatterns.Element(units, optional, gap);
    }

    /** Runs the patterns over {@code text}, feeding every vocabulary word as a unit; returns "p:start-end". */
    private static List<String> run(TokenPatterns patterns, String text) {
        TokenPatterns.Matcher m = patterns.newMatcher();
        m.reset();
        char[] buf = text.toCharArray();
        int i = 0;
        while (i < buf.length) {
            if (!WordChars.isWordChar(buf[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j < buf.length && WordChars.isWordChar(buf[j])) {
                j++;
            }
            int unit = VOCAB.indexOf(text.substring(i, j));
            if (unit >= 0) {
                m.add(unit, i, j);
            }
            i = j;
        }
        List<String> out = new ArrayList<>();
        m.match(buf, buf.length, (p, s, e) -> out.add(p + ":" + text.substring(s, e)));
        return out;
    }

    @Test
    void shouldMatchANegationWithOrWithoutNeAndInsertedWords() {
        // given "[ne] ~2 saura ~3 (rien|jamais)"
        TokenPatterns.Builder b = TokenPatterns.builder(VOCAB.size());
        b.add(List.of(el(true, 0, "ne"), el(false, 2, "saura"), el(false, 3, "rien", "jamais")), -1);
        TokenPatterns p = b.build();
        // then
        assertEquals(List.of("0:ne le saura jamais"), run(p, "il ne le saura jamais"));
        assertEquals(List.of("0:saura rien"), run(p, "elle saura rien"));
        assertEquals(List.of("0:saura x y jamais"), run(p, "il saura x y jamais"));
        assertEquals(List.of(), run(p, "il saura x y x pas jamais"), "four words between: over the gap of 3");
        assertEquals(List.of(), run(p, "jamais il ne saura"), "order matters");
    }

    @Test
    void shouldCountWordsNotPunctuationInGaps() {
        TokenPatterns.Builder b = TokenPatterns.builder(VOCAB.size());
        b.add(List.of(el("bien"), el("endormie")), -1);
        TokenPatterns p = b.build();
        assertEquals(List.of("0:bien, endormie"), run(p, "elle est bien, endormie !"));
        assertEquals(List.of(), run(p, "bien x endormie"));
    }

    @Test
    void shouldSkipAnAbsentOptionalElementAndAddItsGapToTheNext() {
        // "il [pas] ~1 jamais": with "pas" absent, "jamais" may stand one word after "il"
        TokenPatterns.Builder b = TokenPatterns.builder(VOCAB.size());
        b.add(List.of(el("il"), el(true, 0, "pas"), el(false, 1, "jamais")), -1);
        TokenPatterns p = b.build();
        assertEquals(List.of("0:il pas x jamais"), run(p, "il pas x jamais"));
        assertEquals(List.of("0:il x jamais"), run(p, "il x jamais"));
        assertEquals(List.of(), run(p, "il x y jamais"));
    }

    @Test
    void shouldEndAMatchBeforeAnAbsentTrailingOptionalElement() {
        TokenPatterns.Builder b = TokenPatterns.builder(VOCAB.size());
        b.add(List.of(el("saura"), el(true, 0, "jamais")), -1);
        TokenPatterns p = b.build();
        assertEquals(List.of("0:saura jamais"), run(p, "saura jamais"));
        assertEquals(List.of("0:saura"), run(p, "saura x"));
    }

    @Test
    void shouldFeedAMatchToLaterPatternsThroughItsOutputUnit() {
        // pattern 0 ("bien endormie") counts as unit "x" for pattern 1 ("x ~2 jamais")
        TokenPatterns.Builder b = TokenPatterns.builder(VOCAB.size());
        b.add(List.of(el("bien"), el("endormie")), u("x"));
        b.add(List.of(el("x"), el(false, 2, "jamais")), -1);
        TokenPatterns p = b.build();
        assertEquals(List.of("0:bien endormie", "1:bien endormie il saura jamais"),
                run(p, "bien endormie il saura jamais"));
    }

    @Test
    void shouldRefuseAPatternThatUsesALaterPatternsOutput() {
        TokenPatterns.Builder b = TokenPatterns.builder(VOCAB.size());
        b.add(List.of(el("x"), el("jamais")), -1);
        b.add(List.of(el("bien"), el("endormie")), u("x"));
        assertThrows(IllegalArgumentException.class, b::build);
    }

    @Test
    void shouldRefusePatternsOfOptionalElementsOnly() {
        TokenPatterns.Builder b = TokenPatterns.builder(VOCAB.size());
        assertThrows(IllegalArgumentException.class, () -> b.add(List.of(el(true, 0, "ne")), -1));
    }

    @Test
    void shouldStopWithinItsStepBudgetOnAPathologicalText() {
        // given a pattern that backtracks over every occurrence of "x", and 200 x's before a far "jamais"
        TokenPatterns.Builder b = TokenPatterns.builder(VOCAB.size());
        b.add(List.of(el("x"), el(false, 12, "x"), el(false, 12, "x"), el(false, 0, "jamais")), -1);
        TokenPatterns p = b.build();
        TokenPatterns.Matcher m = p.newMatcher();
        String text = "x ".repeat(200) + "y ".repeat(20) + "jamais";
        // when
        List<Integer> found = feed(m, text);
        // then the step budget stops it, and it says so
        assertTrue(m.exhausted());
        assertEquals(List.of(), found);
        // and the next message starts clean
        assertEquals(List.of(0), feed(m, "x x x jamais"));
        assertTrue(!m.exhausted());
    }

    @Test
    void shouldIgnoreOccurrencesBeyondTheCapAndSaySo() {
        TokenPatterns.Builder b = TokenPatterns.builder(VOCAB.size());
        b.add(List.of(el("y"), el("jamais")), -1);
        TokenPatterns.Matcher m = b.build().newMatcher();
        // the 300 x's fill the occurrence table: "y jamais" at the end is never recorded
        List<Integer> found = feed(m, "x ".repeat(300) + "y jamais");
        assertTrue(m.exhausted());
        assertEquals(List.of(), found);
    }

    private static List<Integer> feed(TokenPatterns.Matcher m, String text) {
        m.reset();
        int i = 0;
        while (i < text.length()) {
            int j = text.indexOf(' ', i);
            j = j < 0 ? text.length() : j;
            m.add(u(text.substring(i, j)), i, j);
            i = j + 1;
        }
        List<Integer> found = new ArrayList<>();
        m.match(text.toCharArray(), text.length(), (pat, s, e) -> found.add(pat));
        return found;
    }
}
