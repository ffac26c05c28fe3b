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
 *       "..."→"."). Digits are never squashed ("0612345678", "2000" stay), nor are symbols and emoji. Runs
 *       squash after the per-code-point step, so "Straße"→"strasse"→"strase".</li>
 *   <li><b>Leetspeak inside words</b>: 0→o 1→i 3→e 4→a 5→s 7→t @→a $→s €→e ({@code leet.txt}; "1" reads
 *       as "i", never "l"): "p3d0"→"pedo", "s3xy"→"sexy", "h0t"→"hot", "t4rlouze"→"tarlouze", "s@lut"→"salut",
 *       "cla$$e"→"clase". A word here is a run of letters, digits and {@code @ $ €}. A leet char is read as a
 *       letter only when the word starts with a letter, and a letter follows it in the word (or it is the
 *       single last char, right after a letter: "ped0"), and, for a digit, no other digit touches it, and,
 *       for {@code @}, it is not followed by a mail domain ({@code [a-z0-9][a-z0-9-]*.[a-z][a-z]}).
 *       So numbers keep their digits: "14 ans", "jai 14ans", "jai14ans", "20h30", "18h", "4e", "13yo",
 *       "13 y/o", "150€", "2012", "06 12 34 56 78", "0612345678", "+33 6 12 34 56 78", "@lea_du_93", "lea93",
 *       "covid19", "lea@gmail.com". Price of the rule: "5n4p" (starts with a digit) and "b00bs" (two digits
 *       touching) stay as typed; "mp3" reads "mpe".</li>
 *   <li><b>Spelled-out letters</b>: two or more single letters each joined by the same one separator
 *       ({@code . - _ *}) are joined ("s.n.a.p"→"snap", "p-t-h-c"→"pthc", "p.d"→"pd"); with spaces only
 *       three or more ("s n a p"→"snap", "a b c d"→"abcd", but "il y a" stays and "y a t il"→"yat il").
 *       A single letter is one letter with no letter, digit or {@code @ $ €} beside it. A run whose letters
 *       are all the same ("a.a") stays, because joining it would make a new single letter.</li>
 *   <li><b>Chat spellings</b>: a whole token (a run of ASCII letters and digits) listed in
 *       {@code spellings.txt} reads as its standard word: "pa"→"pas", "ke"/"k"→"que", "ki"→"qui", "koi"→"quoi",
 *       "fo"→"faut", "tro"→"trop", "pr"→"pour", "kopin"→"copain", "u"→"you", "r"→"are", "ur"→"your",
 *       "pls"→"please", "2nite"→"tonight". Only spellings that mean nothing else are listed: "sa", "ta", "c",
 *       "t", "g" and "e" stay as typed. So a lexicon in standard spelling also matches "fo pa k'elle sache"
 *       (rule regexes run on a lighter, char-for-char folding and see the chat spelling as typed).</li>
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
 * they are compiled once per JVM, on first use (about one second on a busy 2-vCPU machine), so call this
 * once at startup to pay that early. Nothing to close.
 *
 * <h2>Cost</h2>
 * One pass over the raw chars, branch-free for every char that folds to at most one BMP char, plus one pass
 * each for leetspeak and spelled-out letters only when the first pass saw a digit or leet symbol after a
 * letter, or a separator after a one-letter word, and one token pass for chat spellings only when the first
 * pass saw a token that may be a listed spelling (a Bloom filter bit per token) or a later step changed the
 * text. The first pass also notes the elisions ({@link NormalizedText#elisions()}). Linear in the input length;
 * no allocation once the buffers have grown to the longest message.
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
