package io.vigie.core.normalize;

import io.vigie.core.normalize.internal.StandardNormalizer;

/**
 * Entry point of the normalize stage: creates {@link TextNormalizer}s.
 *
 * <h2>The folded form (what rule-pack regexes and lexicon terms are written against)</h2>
 * Lexicon terms are compiled through the same normalizer as messages, so a term matches every spelling that
 * folds to the same text. In order:
 * <ol>
 *   <li><b>Per code point</b>: Unicode compatibility folding (NFKD: fullwidth, mathematical alphanumerics,
 *       circled and squared letters, ligatures "ﬁ"→"fi", superscripts "²"→"2"); combining marks dropped
 *       ("é"→"e", "ç"→"c", decomposed accents too); locale-independent lower case (never Turkish rules);
 *       letters without a decomposition folded by {@code foldings.txt} ("ß"→"ss", "œ"→"oe", "æ"→"ae",
 *       "ø"→"o", "ł"→"l", "đ"→"d", "ı"→"i", small capitals); Cyrillic, Greek and Armenian look-alikes
 *       folded to Latin by {@code homoglyphs.txt} ("а"→"a", "р"→"p", "ѕ"→"s", "і"→"i", "ο"→"o", "α"→"a",
 *       "ν"→"v": real Cyrillic or Greek words are folded too, on purpose).</li>
 *   <li><b>Dropped</b>: control and format characters (zero-width U+200B..U+200F, bidi controls
 *       U+202A..U+202E and U+2066..U+2069, word joiner U+2060, BOM U+FEFF, soft hyphen), variation
 *       selectors, Hangul fillers, tag characters, unpaired surrogates, U+FFFD, and apostrophes
 *       ({@code ' ’ ‘ ʼ ` ´}), so "j'ai" and "jai" are the same text.</li>
 *   <li><b>Blanks</b>: any run of whitespace (tabs, newlines, NBSP, ideographic space, braille blank)
 *       becomes one ASCII space; no leading or trailing space.</li>
 *   <li><b>Runs</b>: a run of the same letter becomes one letter ("saluuuut"→"salut", "cool"→"col",
 *       "pdddd"→"pd", "elle"→"ele"); a run of the same punctuation char becomes one ("!!!!"→"!",
 *       "..."→"."). Digits are never squashed ("0612345678", "2000" stay), nor are symbols and emoji.</li>
 *   <li><b>Leetspeak inside words</b>: 0→o 1→i 3→e 4→a 5→s 7→t @→a $→s €→e ("p3d0"→"pedo", "s3xy"→"sexy",
 *       "s@lut"→"salut", "cla$$e"→"clase"), only in a word (letters, digits, {@code @ $ €}) that starts
 *       with a letter, only when a letter follows in the word or the char is the single last one after a
 *       letter, never for a digit that touches another digit, never for an {@code @} before a mail domain.
 *       So numbers keep their digits: "14 ans", "jai14ans", "20h30", "18h", "4e", "13yo", "150€", "2012",
 *       "06 12 34 56 78", "+33 6 12 34 56 78", "@lea_du_93", "lea93". "1" reads as "i", never "l".</li>
 *   <li><b>Spelled-out letters</b>: two or more single letters each joined by the same one separator
 *       ({@code . - _ *}) are joined ("s.n.a.p"→"snap", "p-t-h-c"→"pthc", "p.d"→"pd"); with spaces only
 *       three or more ("s n a p"→"snap", "a b c d"→"abcd", but "il y a" stays and "y a t il"→"yat il").</li>
 * </ol>
 * Everything else (other punctuation, symbols, emoji as their original code points, other scripts) is kept,
 * so a regex can use non-alphanumerics as word boundaries. The folded form is a fixed point: folding it again
 * changes nothing.
 *
 * <h2>Offsets</h2>
 * {@link NormalizedText#rawStart(int)} and {@link NormalizedText#rawEnd(int)} map folded offsets back to raw
 * UTF-16 offsets (end exclusive), covering dropped invisible chars inside a span, squashed repeats, joined
 * separators and expansions ("œ"→"oe": both chars map to the one raw char). Both are monotone.
 *
 * <h2>Thread-safety and lifecycle</h2>
 * A normalizer is not thread-safe ({@code @NotThreadSafe}): create one per stream task or session (in the
 * processor's {@code init()}) and reuse it for every record; its buffers grow to the longest message seen
 * and are never allocated again. The compiled tables behind it are immutable and shared by all instances;
 * they load once, on first use (about 100 ms). Nothing to close.
 */
public final class Normalizers {

    private Normalizers() {
    }

    /**
     * A new normalizer producing the folded form described above.
     *
     * @return a new instance, never null; not thread-safe
     * @throws IllegalStateException if the bundled data files are missing or malformed (a build error)
     */
    public static TextNormalizer standard() {
        return new StandardNormalizer();
    }
}
