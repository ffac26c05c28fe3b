package io.vigie.core.normalize;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invariants over random text: never throws, offsets in range and monotone, the folded form is a fixed point.
 * The alphabet is biased towards what the rules react to (letters, leet chars, separators, invisibles, marks,
 * homoglyphs, surrogates) so that rule interactions actually occur.
 */
class NormalizerPropertiesTest {

    private final TextNormalizer normalizer = Normalizers.standard();

    @Provide
    Arbitrary<String> chatLike() {
        Arbitrary<String> tricky = Arbitraries.strings()
                .withChars("aabbceeilnoopsstxyz AAEÉé0113344557@$€.-_*!!??''’\u200B\u00AD\u0301\u0430\u0435\u03BF")
                .withChars('\uD83D', '\uDE02', '\uFF21', '\u00DF', '\u0153', '\uFB01', '\t', '\n')
                .ofMaxLength(40);
        Arbitrary<String> anyChar = Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(30);
        Arbitrary<String> supplementary = Arbitraries.integers().between(0x10000, 0x1FFFF)
                .map(cp -> new String(Character.toChars(cp))).list().ofMaxSize(8).map(l -> String.join("a", l));
        return Arbitraries.oneOf(tricky, tricky, tricky, anyChar, supplementary,
                Arbitraries.strings().withChars("ab .-").ofMaxLength(30));
    }

    @Property(tries = 3000)
    void shouldBeAFixedPoint(@ForAll("chatLike") String raw) {
        // given a folded text
        String once = normalizer.normalize(raw).toString();
        // when folded again, then nothing changes
        assertEquals(once, normalizer.normalize(once).toString(), () -> "raw=" + escape(raw));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "e3.a", "x@-a.c", "m@-m.l", "a.a-a", "x.x y z", "a.a b c", "aa b c", "co0l", "x@g0od.com", "ab-c-d.com",
        "x@ab-c.d.com", "\uFDFA \uFDFA", "s\u0301.n.a.p", "p3d0.x"})
    void shouldStayFixedWhereRulesInteract(String raw) {
        // regressions found by fuzzing: one rule's output must never give another rule new work
        String once = normalizer.normalize(raw).toString();
        assertEquals(once, normalizer.normalize(once).toString(), () -> "raw=" + escape(raw));
    }

    @Property(tries = 3000)
    void shouldMapEveryFoldedOffsetIntoTheRawTextMonotonically(@ForAll("chatLike") String raw) {
        NormalizedText t = normalizer.normalize(raw);
        int len = t.length();
        int rawLen = raw.length();
        assertTrue(len >= 0 && len <= t.chars().length);
        int prevStart = 0;
        int prevEnd = 0;
        for (int i = 0; i <= len; i++) {
            int s = t.rawStart(i);
            int e = t.rawEnd(i);
            assertTrue(s >= 0 && s <= rawLen, () -> "rawStart out of range for " + escape(raw));
            assertTrue(e >= 0 && e <= rawLen, () -> "rawEnd out of range for " + escape(raw));
            assertTrue(s >= prevStart && e >= prevEnd, () -> "not monotone for " + escape(raw));
            if (i < len) {
                int end = t.rawEnd(i + 1);
                assertTrue(s < end, () -> "empty raw span for a folded char in " + escape(raw));
            }
            prevStart = s;
            prevEnd = e;
        }
    }

    @Property(tries = 2000)
    void shouldNeverSplitASurrogatePair(@ForAll("chatLike") String raw) {
        NormalizedText t = normalizer.normalize(raw);
        char[] c = t.chars();
        for (int i = 0; i < t.length(); i++) {
            if (Character.isHighSurrogate(c[i])) {
                assertTrue(i + 1 < t.length() && Character.isLowSurrogate(c[i + 1]), () -> escape(raw));
                i++;
            } else {
                assertTrue(!Character.isLowSurrogate(c[i]), () -> "lone low surrogate from " + escape(raw));
            }
        }
    }

    @Property(tries = 1000)
    void shouldNeverGrowMoreThanTheLongestFoldPerChar(@ForAll("chatLike") String raw) {
        // the worst single-code-point expansion (U+FDFA) is 18 chars; the work of every step is linear in it
        assertTrue(normalizer.normalize(raw).length() <= 18 * raw.length());
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                b.append(c);
            } else {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return b.toString();
    }
}
