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
            "bien", "endormie", "pas", "x", "y", "mr");

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
    void shouldNotRunAcrossASentenceEndExceptIntoTheNextSentencesFirstWord() {
        // given "saura ~3 rien"
        TokenPatterns.Builder b = TokenPatterns.builder(VOCAB.size());
        b.add(List.of(el("saura"), el(false, 3, "rien")), -1);
        TokenPatterns p = b.build();
        // then: a gap never crosses a full stop, '!' or a line break
        assertEquals(List.of(), run(p, "il saura. x rien"));
        assertEquals(List.of(), run(p, "il saura! x rien"));
        assertEquals(List.of(), run(p, "il saura\nx rien"));
        // but the next sentence may carry on the thought with its first word ("tu sais bien. des jeunes")
        assertEquals(List.of("0:saura. rien"), run(p, "il saura. rien"));
        assertEquals(List.of("0:saura! rien"), run(p, "il saura! rien"));
        // and what is not a sentence end stays crossable: a question mark (a chat question runs on: "move to X?
        // this app logs me out"), an ellipsis, a dot inside a word, an initial, a title
        assertEquals(List.of("0:saura ? x rien"), run(p, "il saura ? x rien"));
        assertEquals(List.of("0:saura... x rien"), run(p, "il saura... x rien"));
        assertEquals(List.of("0:saura x.y rien"), run(p, "il saura x.y rien"));
        assertEquals(List.of("0:saura x. y rien"), run(p, "il saura x. y rien"), "'x.' is an initial");
        assertEquals(List.of("0:saura mr. y rien"), run(p, "il saura mr. y rien"), "a title");
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

    @Test
    void shouldMatchAPatternAtTheEndOfALongTextWhoseOccurrencesPassTheShortCap() {
        // given a long natural text: 600 ordinary pattern words (each its own occurrence) before "bien endormie"
        TokenPatterns.Builder b = TokenPatterns.builder(VOCAB.size());
        b.add(List.of(el("bien"), el("endormie")), -1);
        b.add(List.of(el("il"), el(false, 2, "saura"), el(false, 3, "rien", "jamais")), -1);
        TokenPatterns p = b.build();
        String text = "il ne le saura pas x y ".repeat(100) + "elle x bien endormie";
        TokenPatterns.Matcher m = p.newMatcher();
        // when the matcher is told how long the text is
        List<Integer> found = feed(m, text, text.length());
        // then the occurrences past the first 256 still count, and nothing was cut short
        assertEquals(List.of(0), found);
        assertTrue(!m.exhausted());
        // while the limits of a short message drop them, and say so
        assertEquals(List.of(), feed(m, text, 0));
        assertTrue(m.exhausted());
    }

    @Test
    void shouldFindTheSameMatchAsAnExhaustiveSearchInTheOrderRecorded() {
        // given random patterns with optional elements and gaps (elements of one to four units, so both the checks
        // by unit and by marked element run; random rarities, so any required element may be the anchor), over
        // random unit sequences given out of order, several messages through one matcher
        java.util.Random rnd = new java.util.Random(5);
        for (int round = 0; round < 300; round++) {
            TokenPatterns.Builder b = TokenPatterns.builder(6);
            List<List<TokenPatterns.Element>> pats = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                List<TokenPatterns.Element> els = new ArrayList<>();
                int n = 1 + rnd.nextInt(4);
                for (int e = 0; e < n; e++) {
                    int[] units = new int[1 + rnd.nextInt(4)];
                    for (int i = 0; i < units.length; i++) {
                        units[i] = rnd.nextInt(6);
                    }
                    els.add(new TokenPatterns.Element(units, e > 0 && rnd.nextInt(3) == 0, rnd.nextInt(3)));
                }
                if (els.stream().allMatch(TokenPatterns.Element::optional)) {
                    continue;
                }
                b.add(els, -1);
                pats.add(els);
            }
            b.rarities(rnd.ints(6, 0, 4).toArray());
            TokenPatterns tp = b.build();
            TokenPatterns.Matcher m = tp.newMatcher();
            for (int message = 0; message < 3; message++) {
                assertSameAsExhaustive(rnd, pats, m, round);
            }
        }
    }

    private static void assertSameAsExhaustive(java.util.Random rnd, List<List<TokenPatterns.Element>> pats,
                                               TokenPatterns.Matcher m, int round) {
        // text: words "w0".."w5" separated by spaces; occurrences recorded in a shuffled order
        int words = rnd.nextInt(30);
        StringBuilder text = new StringBuilder();
        List<int[]> occ = new ArrayList<>();
        for (int w = 0; w < words; w++) {
            int start = text.length();
            int unit = rnd.nextInt(6);
            text.append('w').append(unit).append(' ');
            occ.add(new int[] {unit, start, start + 2});
        }
        java.util.Collections.shuffle(occ, rnd);
        m.reset(text.length());
        for (int[] o : occ) {
            m.add(o[0], o[1], o[2]);
        }
        List<String> got = new ArrayList<>();
        m.match(text.toString().toCharArray(), text.length(), (pat, s, e) -> got.add(pat + ":" + s + "-" + e));
        // then the same as trying every occurrence in the order recorded
        List<String> want = new ArrayList<>();
        for (int pat = 0; pat < pats.size(); pat++) {
            int[] span = exhaustive(pats.get(pat), 0, occ, -1, 0, text.toString());
            if (span != null) {
                want.add(pat + ":" + span[0] + "-" + span[1]);
            }
        }
        assertEquals(want, got, "round " + round + " text '" + text + "'");
    }

    /** The first match (start, end) trying occurrences in the order recorded, or null; prevEnd -1 at the start. */
    private static int[] exhaustive(List<TokenPatterns.Element> els, int g, List<int[]> occ, int prevEnd, int extraGap,
                                    String text) {
        if (g == els.size()) {
            return new int[] {-1, prevEnd};
        }
        TokenPatterns.Element el = els.get(g);
        for (int[] o : occ) {
            boolean unit = java.util.Arrays.stream(el.units()).anyMatch(u -> u == o[0]);
            if (!unit) {
                continue;
            }
            if (prevEnd >= 0 && (o[1] < prevEnd || wordStarts(text, prevEnd, o[1]) > el.gapBefore() + extraGap)) {
                continue;
            }
            int[] rest = exhaustive(els, g + 1, occ, o[2], 0, text);
            if (rest != null) {
                return new int[] {prevEnd < 0 ? o[1] : -1, rest[1]};
            }
        }
        if (el.optional()) {
            if (prevEnd < 0) {
                return g + 1 < els.size() ? exhaustive(els, g + 1, occ, -1, 0, text) : null;
            }
            return exhaustive(els, g + 1, occ, prevEnd, el.gapBefore() + extraGap, text);
        }
        return null;
    }

    private static int wordStarts(String text, int from, int to) {
        int n = 0;
        for (int i = Math.max(from, 0); i < to; i++) {
            if (WordChars.isWordChar(text.charAt(i)) && (i == 0 || !WordChars.isWordChar(text.charAt(i - 1)))) {
                n++;
            }
        }
        return n;
    }

    private static List<Integer> feed(TokenPatterns.Matcher m, String text) {
        return feed(m, text, -1);
    }

    /** Feeds every word of {@code text} as its unit; {@code length} -1 for the limits of a short message. */
    private static List<Integer> feed(TokenPatterns.Matcher m, String text, int length) {
        if (length < 0) {
            m.reset();
        } else {
            m.reset(length);
        }
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
