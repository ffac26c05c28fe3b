package io.vigie.core.hostile;

import io.vigie.core.assess.Assessment;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.rule.Finding;
import io.vigie.core.ModerationEngine;
import io.vigie.core.ModerationSession;
import io.vigie.core.cue.CueExtractor;
import io.vigie.core.cue.MessageCues;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default engine on pathological texts (long repeats, alternating separators, huge numbers, homoglyph
 * blocks, emoji and combining-mark floods, up to 100 KB): scoring never throws, and what it produces stays
 * bounded by the input: every finding's span and evidence lie inside the raw text, no more findings than rules,
 * no more fired cues than the text has chars. Bounds are on output sizes, never on wall-clock time (the linear
 * work of the extractor itself is counted in {@code ExtractorPropertiesTest}).
 */
class PathologicalTextPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z");
    private static final ModerationEngine ENGINE = ModerationEngine.defaults();

    private final ModerationSession session = ENGINE.newSession();
    private final CueExtractor extractor = ENGINE.cueModel().newExtractor();

    @Provide
    Arbitrary<String> unit() {
        return Arbitraries.oneOf(
                Arbitraries.of("a.", "a-", "a ", "a_", ". ", "1", "1 ", "9".repeat(40), "j'ai ", "14 ans ", "snap ",
                        "@", "a@b.", "+33", "06 ", "://", "€", "\u200b", "\u00ad", "\u0301", "a\u0301\u0302\u0303",
                        "😀", "👍🏽", "🇫🇷", "\ud800", "\udfff", "\u0000", "\n", "\u202e", "ǅ", "ß", "İ", "ﬁ"),
                homoglyph().map(String::valueOf),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(4));
    }

    /** Lookalikes of Latin letters: Greek, Cyrillic, fullwidth and mathematical alphanumerics. */
    @Provide
    Arbitrary<String> homoglyph() {
        return Arbitraries.oneOf(
                Arbitraries.chars().range('\u0370', '\u04ff').map(String::valueOf),
                Arbitraries.chars().range('\uff01', '\uff5e').map(String::valueOf),
                Arbitraries.integers().between(0x1d400, 0x1d7ff).map(Character::toString));
    }

    @Provide
    Arbitrary<String> pathological() {
        return Combinators.combine(unit(), unit(), Arbitraries.integers().between(1, 25_000))
                .as((a, b, n) -> {
                    String s = (a + b).repeat(Math.max(1, Math.min(n, 100_000 / Math.max(1, (a + b).length()))));
                    return s;
                });
    }

    @Property(tries = 60)
    void shouldScoreAnyPathologicalTextWithinTheTextBounds(@ForAll("pathological") String text) {
        // given
        ChatMessage m = ChatMessage.of("m-1", "c-1", "u-1", List.of("u-2"), T0, text);
        // when
        Assessment a = session.assess(m, null, null, Map.of());
        // then
        assertFindingsInside(a, text);
    }

    @Property(tries = 30)
    void shouldScoreEveryHomoglyphFlood(@ForAll("homoglyph") String glyph,
                                        @ForAll @IntRange(min = 1, max = 30_000) int n) {
        String text = ("j'ai 13 ans " + glyph + " ").repeat(Math.max(1, n / 16));
        assertFindingsInside(session.assess(ChatMessage.of("m-1", "c-1", "u-1", List.of("u-2"), T0, text), null,
                null, Map.of()), text);
    }

    @Property(tries = 40)
    void shouldKeepFeatureSpansInsideTheText(@ForAll("pathological") String text) {
        // when
        MessageCues f = extractor.extract(text, List.of(), T0.toEpochMilli());
        // then
        assertTrue(f.firedCount() <= text.length() + 1, "fired cues " + f.firedCount());
        for (int i = 0; i < f.firedCount(); i++) {
            int cue = f.firedCues()[i];
            int s = f.start(cue);
            int e = f.end(cue);
            assertTrue(s == -1 && e == -1 || 0 <= s && s <= e && e <= text.length(), "cue span [" + s + "," + e
                    + ") in " + text.length() + " chars");
        }
        assertTrue(f.statedAge() == -1 || f.statedAge() >= 5 && f.statedAge() <= 99);
        assertTrue(f.statedAge() == -1 || 0 <= f.statedAgeStart() && f.statedAgeStart() <= f.statedAgeEnd()
                && f.statedAgeEnd() <= text.length());
    }

    @Property(tries = 10)
    void shouldScoreOneHundredKilobytesOfRandomText(@ForAll @IntRange(min = 0, max = 1_000) int seed) {
        // given: 100 KB of chars drawn from the whole BMP, surrogates included
        StringBuilder sb = new StringBuilder(100_000);
        java.util.Random r = new java.util.Random(seed);
        while (sb.length() < 100_000) {
            sb.append((char) r.nextInt(0x10000));
        }
        String text = sb.toString();
        // when / then
        assertFindingsInside(session.assess(ChatMessage.of("m-1", "c-1", "u-1", List.of("u-2"), T0, text), null,
                null, Map.of()), text);
    }

    @net.jqwik.api.Example
    void shouldKeepFindingsOfARepeatedGroomingLineInsideTheText() {
        // given: a secrecy line flooded 2,000 times with zero-width chars and separators between the copies
        String text = "dis rien a tes parents, c'est notre secret \u200b.-.".repeat(2_000);
        // when
        Assessment a = session.assess(ChatMessage.of("m-1", "c-1", "u-1", List.of("u-2"), T0, text), null, null,
                Map.of());
        // then: the rule fires once per rule, not once per copy, and its span is real text
        assertTrue(!a.findings().isEmpty(), "the secrecy line is still found in the flood");
        assertFindingsInside(a, text);
    }

    private static void assertFindingsInside(Assessment a, String text) {
        int rules = ENGINE.ruleIds().size();
        assertTrue(a.findings().size() <= rules, a.findings().size() + " findings for " + rules + " rules");
        for (Finding f : a.findings()) {
            assertTrue(f.start() == -1 && f.end() == -1 || 0 <= f.start() && f.start() <= f.end()
                    && f.end() <= text.length(), f.ruleId() + " span [" + f.start() + "," + f.end() + ")");
            if (f.evidence() != null) {
                assertTrue(f.evidence().length() <= text.length(), f.ruleId() + " evidence longer than the text");
                if (f.start() >= 0) {
                    assertEquals(text.substring(f.start(), f.end()), f.evidence(), f.ruleId() + " evidence");
                }
            }
        }
        assertTrue(a.score() >= 0, "score " + a.score());
    }
}
