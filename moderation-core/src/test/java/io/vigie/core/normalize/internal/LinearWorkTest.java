package io.vigie.core.normalize.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Work stays proportional to the input length on inputs built to make a naive lookahead quadratic. Counts
 * steps, not time.
 */
class LinearWorkTest {

    private static final int N = 50_000;

    private long visitsFor(String raw) {
        StandardNormalizer normalizer = new StandardNormalizer();
        long before = normalizer.separatorVisits();
        normalizer.normalize(raw);
        return normalizer.separatorVisits() - before;
    }

    @Test
    void shouldLookAtEachSpelledOutLetterAtMostTwice() {
        for (String unit : new String[] {"a.", "a ", "a.b.", "x-", "a.a-", "a b ", "a. "}) {
            String raw = unit.repeat(N / unit.length());
            long visits = visitsFor(raw);
            assertTrue(visits <= 2L * raw.length(), () -> unit + ": " + visits + " visits for " + raw.length() + " chars");
        }
    }

    @Test
    void shouldFoldLongRunsWithoutBlowingUp() {
        StandardNormalizer normalizer = new StandardNormalizer();
        assertEquals("a", normalizer.normalize("a".repeat(N)).toString());
        assertEquals("0".repeat(N), normalizer.normalize("0".repeat(N)).toString());
        // the run of @ folds to one, which then reads as the letter a and squashes into the a before it
        assertEquals("a", normalizer.normalize("a" + "@".repeat(N)).toString());
        assertEquals("se".repeat(N / 2), normalizer.normalize("s3".repeat(N / 2)).toString());
        // an '@' scans ahead for a mail domain; many of them must not rescan the same letters
        String ats = ("x@" + "y".repeat(100)).repeat(N / 102);
        assertEquals("xay".repeat(N / 102), normalizer.normalize(ats).toString());
    }
}
