package io.vigie.core.normalize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile and degenerate input: never throws, loses nothing it should keep, and offsets stay exact. */
class NormalizerEdgeCasesTest {

    private final TextNormalizer normalizer = Normalizers.standard();

    private String fold(CharSequence raw) {
        return normalizer.normalize(raw).toString();
    }

    /** The raw text a folded span [from, to) highlights. */
    private String highlight(String raw, String needle) {
        NormalizedText t = normalizer.normalize(raw);
        int from = t.toString().indexOf(needle);
        assertTrue(from >= 0, () -> "[" + needle + "] not in [" + t + "]");
        return raw.substring(t.rawStart(from), t.rawEnd(from + needle.length()));
    }

    @Test
    void shouldHighlightTheWholeChatSpellingAStandardWordCameFrom() {
        // given chat spellings read as longer standard words, when a folded span is mapped back
        // then it covers exactly the raw tokens, not more
        assertEquals("fo pa", highlight("bon fo pa qu'elle sache", "faut pas"));
        assertEquals("r u", highlight("r u ok", "are you"));
        assertEquals("2nite", highlight("free 2nite?", "tonight"));
    }

    @Test
    void shouldFoldEmptyAndNullToEmpty() {
        assertEquals("", fold(""));
        NormalizedText t = normalizer.normalize(null);
        assertEquals(0, t.length());
        assertEquals("", t.raw().toString());
        assertEquals(0, t.rawStart(0));
        assertEquals(0, t.rawEnd(0));
    }

    @Test
    void shouldDropUnpairedSurrogatesAndKeepPairs() {
        assertEquals("ab", fold("a\uD83Db"));
        assertEquals("ab", fold("a\uDE02b"));
        assertEquals("a😂b", fold("a\uDE02\uD83D\uDE02\uD83Db"));
        assertEquals("", fold("\uD83D"));
    }

    @Test
    void shouldFoldTextMadeOnlyOfCombiningMarksToEmpty() {
        assertEquals("", fold("\u0301\u0300\u0327\u0308".repeat(1000)));
    }

    @Test
    void shouldDropTenThousandZeroWidthChars() {
        // given a word hidden behind 10,000 zero-width spaces and joiners
        String raw = "\u200B\u200D".repeat(5000) + "snap" + "\u200C".repeat(10_000);
        // when folded, then only the word is left and it highlights exactly the raw word
        assertEquals("snap", fold(raw));
        assertEquals("snap", highlight(raw, "snap"));
    }

    @Test
    void shouldFoldOneHundredKilobytesOfMixedText() {
        String unit = "Salut ÇA va? p3d0 s.n.a.p 😂 \u200B ѕnар 06 12 34 56 78 !!!! ";
        String raw = unit.repeat(100_000 / unit.length() + 1);
        String folded = fold(raw);
        assertTrue(folded.startsWith("salut ca va? pedo snap 😂 snap 06 12 34 56 78 ! salut"), folded.substring(0, 80));
        // the same normalizer is then still usable for a short message (buffers only grew)
        assertEquals("salut", fold("Saluuut"));
    }

    @Test
    void shouldMakeRoomWhenExpansionsPrecedePlainText() {
        // given a fresh normalizer and a code point that expands to 18 chars (U+FDFA) before 400 plain chars,
        // sized so that the first allocation fits the raw length exactly
        String expansions = "\uFDFA \uFDFA \uFDFA ";
        int expanded = fold(expansions + "z").length() - 1; // 18 chars each, then their own runs squashed
        assertTrue(expanded > 40);
        for (int plain = 380; plain <= 420; plain += 2) {
            TextNormalizer fresh = Normalizers.standard();
            String raw = expansions + "ab".repeat(plain / 2);
            // when folded, then nothing overflows and the plain text is all there
            String folded = fresh.normalize(raw).toString();
            assertTrue(folded.endsWith("ab".repeat(plain / 2)), () -> "plain=" + raw.length());
            assertEquals(expanded + plain, folded.length());
        }
    }

    @Test
    void shouldHighlightWhatTheUserTypedThroughEveryRewrite() {
        assertEquals("s.n.a.p", highlight("viens sur s.n.a.p vite", "snap"));
        assertEquals("sn\u200Bap", highlight("sn\u200Bap", "snap"));
        assertEquals("p3d0", highlight("un p3d0 ici", "pedo"));
        assertEquals("saluuuut", highlight("saluuuut toi", "salut"));
        assertEquals("ѕnар", highlight("ajoute moi ѕnар", "snap"));
        assertEquals("\uD835\uDC12\uD835\uDC27\uD835\uDC1A\uD835\uDC29", highlight("\uD835\uDC12\uD835\uDC27\uD835\uDC1A\uD835\uDC29!", "snap"));
        assertEquals("Élodie", highlight("c'est Élodie", "elodie"));
        assertEquals("e\u0301le\u0300ve", highlight("un e\u0301le\u0300ve", "eleve"));
    }

    @Test
    void shouldMapBothCharsOfAnExpansionToTheOneRawChar() {
        // given "œ" folded to "oe"
        NormalizedText t = normalizer.normalize("un œuf");
        assertEquals("un oeuf", t.toString());
        // then "o" alone and "e" alone each highlight the whole "œ"
        assertEquals(3, t.rawStart(3));
        assertEquals(4, t.rawEnd(4));
        assertEquals(3, t.rawStart(4));
        assertEquals(4, t.rawEnd(5));
    }

    @Test
    void shouldClampOutOfRangeOffsets() {
        NormalizedText t = normalizer.normalize("  abc  ");
        assertEquals(2, t.rawStart(-5));
        assertEquals(5, t.rawStart(99));
        assertEquals(5, t.rawEnd(99));
        assertEquals(2, t.rawEnd(0));
    }

    @Test
    void shouldAcceptAnyCharSequence() {
        assertEquals("salut", fold(new StringBuilder("SALUT")));
    }
}
