package io.vigie.core.cue.internal;

import io.vigie.core.cue.MessageCues;
import io.vigie.core.cue.CueModel;
import io.vigie.core.cue.CueModels;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever the text: extraction never throws, every span lies inside the raw text, and the pattern
 * extractors' work (chars touched, counted by the extractor) stays proportional to the text length on
 * pathological inputs. Work is counted, never timed.
 */
class ExtractorPropertiesTest {

    /** Chars touched per folded char, at most: the automaton pass, the kind pass, bounded look-arounds. */
    private static final int STEPS_PER_CHAR = 40;

    private static final CueModel MODEL = model();

    private static CueModel model() {
        return CueModels.defaults();
    }

    private final DefaultCueExtractor extractor = (DefaultCueExtractor) MODEL.newExtractor();

    @Provide
    Arbitrary<String> chatLike() {
        return Arbitraries.strings()
                .withChars("0123456789 abcdefhjmnoprstuy@.:/-+$€'éà,!?h\n")
                .withCharRange('\u0000', '\u00ff')
                .withChars("😀\u200b")
                .ofMaxLength(300);
    }

    @Property(tries = 1000)
    void shouldNeverThrowAndKeepSpansInsideTheRawText(@ForAll("chatLike") String text,
                                                      @ForAll @IntRange(min = 0, max = 4000) int year) {
        long eventMs = (year - 1970L) * 365L * 86_400_000L;
        MessageCues f = extractor.extract(text, List.of(), eventMs);
        assertEquals(0, extractor.errors());
        for (int i = 0; i < f.firedCount(); i++) {
            int cue = f.firedCues()[i];
            int s = f.start(cue);
            int e = f.end(cue);
            assertTrue(s == -1 && e == -1 || 0 <= s && s <= e && e <= text.length(),
                    () -> MODEL.cues().name(cue) + " [" + s + "," + e + "] in '" + text + "'");
            assertTrue(f.count(cue) > 0);
        }
        assertTrue(f.statedAge() == -1 || f.statedAge() >= 5 && f.statedAge() <= 99);
    }

    @Provide
    Arbitrary<String> unit() {
        return Arbitraries.of("1", "1 ", "12 ", "0", "06 ", "+", "+3", "@", "a@", "@a", "a.", ". ", "1.", ".com ",
                "a.fr/", "://", "h", "14 ans ", "jai 14 ", "- ", "/", "14/", "€", "1€", " ", "12 rue ", "né en 2012 ",
                "a", "aaaa", "s.", "1h", "20:30 ");
    }

    @Property(tries = 60)
    void shouldDoWorkProportionalToTheLength(@ForAll("unit") String a, @ForAll("unit") String b,
                                             @ForAll @IntRange(min = 1, max = 20_000) int repeats) {
        // given: a pathological repetition ("1 1 1 1 ...", "@@@@", "a.a.a.a.", all separators)
        String text = (a + b).repeat(repeats);
        // when
        extractor.extract(text, List.of(), 0L);
        // then
        long steps = extractor.lastWorkSteps();
        assertTrue(steps <= (long) STEPS_PER_CHAR * text.length() + 100,
                () -> steps + " steps for " + text.length() + " chars of '" + a + b + "'");
        assertEquals(0, extractor.errors());
    }

    @Property(tries = 2000)
    void shouldReadTheUtcYearOfAnEventTimeLikeJavaTime(
            @ForAll @net.jqwik.api.constraints.LongRange(min = -5_000_000_000_000L, max = 10_000_000_000_000L)
            long epochMs) {
        int expected = java.time.Instant.ofEpochMilli(epochMs).atZone(java.time.ZoneOffset.UTC).getYear();
        assertEquals(expected, DefaultCueExtractor.yearOf(epochMs));
    }

    @Example
    void shouldDoLinearWorkOnOneHundredThousandDigits() {
        String text = "7".repeat(100_000);
        extractor.extract(text, List.of(), 0L);
        assertTrue(extractor.lastWorkSteps() <= 4L * text.length(), "steps " + extractor.lastWorkSteps());
        String ones = "1 ".repeat(50_000);
        extractor.extract(ones, List.of(), 0L);
        assertTrue(extractor.lastWorkSteps() <= (long) STEPS_PER_CHAR * ones.length());
    }
}
