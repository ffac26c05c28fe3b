package io.vigie.core.hostile;

import io.vigie.core.ModerationEngine;
import io.vigie.core.cue.CueExtractor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.Disabled;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A stated age comes only from the writer's own age in years: a duration ("j'ai 10 minutes", "I'm 5 minutes
 * away") never does, whatever the number; "j'ai n ans" gives n exactly in the extractor's documented range
 * (5 to 99, {@code AgeExtractor.MIN_AGE/MAX_AGE}) and nothing outside it.
 */
class AgeExtractionPropertiesTest {

    private static final CueExtractor EXTRACTOR = ModerationEngine.defaults().cueModel().newExtractor();
    private static final long NOW = java.time.Instant.parse("2026-11-28T20:00:00Z").toEpochMilli();

    private static int age(String text) {
        return EXTRACTOR.extract(text, List.of(), NOW).statedAge();
    }

    @Property(tries = 300)
    void shouldNeverReadADurationAsAnAge(@ForAll int n,
                                         @ForAll("durationUnit") String unit) {
        assertEquals(-1, age("j'ai " + n + " " + unit), "j'ai " + n + " " + unit);
        assertEquals(-1, age("I'm " + n + " " + unit + " away"), "I'm " + n + " " + unit + " away");
    }

    /** "h" is left out on purpose: "j'ai 14 h" is an asv answer (age, homme), which the extractor reads by design. */
    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> durationUnit() {
        return net.jqwik.api.Arbitraries.of("minutes", "minute", "min", "mn", "secondes", "seconds", "sec",
                "heures", "hours", "jours", "days", "semaines", "weeks", "mois", "months", "km", "euros");
    }

    @Property(tries = 200)
    void shouldReadOwnAgeInYearsWithinTheDocumentedRange(@ForAll @IntRange(min = 0, max = 1000) int n) {
        int expected = n >= 5 && n <= 99 ? n : -1;
        assertEquals(expected, age("j'ai " + n + " ans"), "j'ai " + n + " ans");
    }

    @Property(tries = 100)
    void shouldNeverReadAHugeNumberAsAnAge(@ForAll @LongRange(min = 100, max = Long.MAX_VALUE) long n) {
        assertEquals(-1, age("j'ai " + n + " ans"), "j'ai " + n + " ans");
        assertEquals(-1, age("j'ai " + n + "000000000000 ans"), "j'ai " + n + "000000000000 ans");
    }

    @Property(tries = 100)
    void shouldNeverReadANegativeNumberAsAnAge(@ForAll @IntRange(min = -1000, max = -1) int n) {
        assertEquals(-1, age("j'ai " + n + " ans"), "j'ai " + n + " ans");
    }
}
