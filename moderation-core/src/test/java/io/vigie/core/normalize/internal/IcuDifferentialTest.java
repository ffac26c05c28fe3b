package io.vigie.core.normalize.internal;

import com.ibm.icu.text.Normalizer2;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Differential test of the per-code-point fold against ICU4J: NFKC_Casefold, then NFD, then drop marks, then
 * NFC, over every BMP letter. Deliberate departures are named, each with a bound so an exception cannot grow
 * silently:
 * <ul>
 *   <li>explicit entries of {@code foldings.txt} and {@code homoglyphs.txt} (the oracle's output is mapped
 *       through them too, so "µ"→"μ"→"u" agrees);</li>
 *   <li>Cherokee: ICU case-folds to the uppercase letters (for stability), we lower-case;</li>
 *   <li>the iota subscript U+0345 is a combining mark and drops; ICU case-folds it to ι first ("ᾳ"→"a", not
 *       "ai");</li>
 *   <li>accented capital Greek look-alikes keep the capital's look-alike ("Ή"→"h" like "Η", not "n").</li>
 * </ul>
 */
class IcuDifferentialTest {

    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

    private final FoldTable table = FoldTable.standard();
    private final Map<Integer, String> explicit = table.explicitEntries();

    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    private String oracle(int cp) {
        String folded = NFD.normalize(NFKC_CF.normalize(new String(Character.toChars(cp))));
        StringBuilder kept = new StringBuilder();
        folded.codePoints().filter(c -> !isMark(c)).forEach(c -> {
            String mapped = explicit.get(c);
            if (mapped != null) {
                kept.append(mapped);
            } else {
                kept.appendCodePoint(c);
            }
        });
        return NFC.normalize(kept);
    }

    private String departure(int cp) {
        if (Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.CHEROKEE
                || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.CHEROKEE_SUPPLEMENT) {
            return "cherokee";
        }
        String nfkd = java.text.Normalizer.normalize(new String(Character.toChars(cp)), java.text.Normalizer.Form.NFKD);
        if (nfkd.indexOf('\u0345') >= 0) {
            return "iota subscript";
        }
        int base = nfkd.codePointAt(0);
        if (base != cp && Character.isUpperCase(base) && explicit.containsKey(base)) {
            return "capital greek look-alike";
        }
        return null;
    }

    @Test
    void shouldAgreeWithIcuOnEveryBmpLetterExceptTheNamedDepartures() {
        List<String> unexplained = new ArrayList<>();
        Map<String, Integer> departures = new TreeMap<>();
        int compared = 0;
        for (int cp = 0; cp <= 0xFFFF; cp++) {
            if (!Character.isLetter(cp) || explicit.containsKey(cp)) {
                continue;
            }
            compared++;
            String expected = oracle(cp);
            String actual = table.fold(cp);
            if (expected.equals(actual)) {
                continue;
            }
            String reason = departure(cp);
            if (reason == null) {
                unexplained.add(String.format(java.util.Locale.ROOT, "U+%04X %s icu=[%s] ours=[%s]",
                        cp, new String(Character.toChars(cp)), expected, actual));
            } else {
                departures.merge(reason, 1, Integer::sum);
            }
        }
        assertTrue(compared > 45_000, "compared " + compared);
        assertEquals(List.of(), unexplained);
        // the departures stay what they are documented to be
        assertTrue(departures.getOrDefault("cherokee", 0) <= 172, departures::toString);
        assertTrue(departures.getOrDefault("iota subscript", 0) <= 90, departures::toString);
        assertTrue(departures.getOrDefault("capital greek look-alike", 0) <= 30, departures::toString);
    }

    @Test
    void shouldFoldEveryExplicitEntryToItsDataFileTarget() {
        assertTrue(explicit.size() > 150, "data files loaded: " + explicit.size());
        explicit.forEach((cp, target) -> assertEquals(target, table.fold(cp), () -> "U+" + Integer.toHexString(cp)));
    }

    @Test
    void shouldFoldEveryCodePointToAFixedPoint() {
        // given the fold of every code point in the table, when each resulting code point is folded again,
        // then it is unchanged: the per-code-point step is idempotent
        for (int cp = 0; cp <= 0x1FFFF; cp++) {
            String folded = table.fold(cp);
            int finalCp = cp;
            folded.codePoints().forEach(c -> assertEquals(new String(Character.toChars(c)), table.fold(c),
                    () -> "U+" + Integer.toHexString(finalCp) + " folds to U+" + Integer.toHexString(c) + ", not folded"));
        }
    }

    @Test
    void shouldFoldTheSupplementaryMathematicalAlphabets() {
        for (int cp = 0x1D400; cp <= 0x1D6A3; cp++) {
            if (!Character.isDefined(cp)) {
                continue; // holes such as U+1D455, whose letter lives in Letterlike Symbols
            }
            String f = table.fold(cp);
            String where = "U+" + Integer.toHexString(cp);
            assertTrue(f.isEmpty() || f.length() == 1 && f.charAt(0) >= 'a' && f.charAt(0) <= 'z', where);
        }
        assertEquals("a", table.fold(0x1D6C2)); // MATHEMATICAL BOLD SMALL ALPHA, through the Greek look-alike
        assertEquals("7", table.fold(0x1D7D5)); // MATHEMATICAL BOLD DIGIT SEVEN
    }
}
