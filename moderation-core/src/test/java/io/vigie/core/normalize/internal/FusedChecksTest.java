package io.vigie.core.normalize.internal;

import io.vigie.core.normalize.NormalizedText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fold step decides, while folding, whether the later steps can have work; skipping them when it says no
 * must give exactly what running them on every text gives: the same folded chars and the same raw spans. It also
 * notes the elisions, which must be where a look at the raw text finds them.
 */
class FusedChecksTest {

    private static final List<String> VARIANTS = new ArrayList<>(SpellingStep.load(
            "/io/vigie/core/normalize/spellings.txt").keySet());

    private final StandardNormalizer fused = new StandardNormalizer(FoldTable.standard(), true);
    private final StandardNormalizer reference = new StandardNormalizer(FoldTable.standard(), false);

    private void assertSame(String raw) {
        NormalizedText a = fused.normalize(raw);
        String folded = a.toString();
        int[] starts = new int[a.length() + 1];
        int[] ends = new int[a.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            starts[i] = a.rawStart(i);
            ends[i] = a.rawEnd(i);
        }
        NormalizedText b = reference.normalize(raw);
        assertEquals(b.toString(), folded, () -> "folded form of " + escape(raw));
        for (int i = 0; i <= b.length(); i++) {
            final int at = i;
            assertEquals(b.rawStart(i), starts[i], () -> "rawStart(" + at + ") of " + escape(raw));
            assertEquals(b.rawEnd(i), ends[i], () -> "rawEnd(" + at + ") of " + escape(raw));
        }
    }

    @Provide
    Arbitrary<String> chatWithSpellings() {
        Arbitrary<String> variant = Arbitraries.of(VARIANTS);
        Arbitrary<String> variantCased = variant.map(String::toUpperCase);
        Arbitrary<String> word = Arbitraries.of("pas", "que", "jai", "c'est", "l'article", "s.n.a.p", "p3d0", "x y z",
                "koiii", "KOI", "k0i", "ｋｉ", "ß", "\uD835\uDC24", "🤣", "❤️", "a", "y", "2", "2nite", "150€", "@lea",
                "x y", "a b c", "a.b", "a-b-", "s_n", "x*y", "a  b  c", "e3 a b", "a.a", "il y a", "c a d", "k k k",
                "qu'", "l\u2019", "t\u2018", "d\u02bcun", "s`il", "2'", "k'", "\u00DF'a", "ke-", "\u200B", "é", "k\u0301", "kk", "pa_", "u.r", "p a s");
        Arbitrary<String> sep = Arbitraries.of(" ", "  ", ".", ", ", "!", "?", "'", "-", "_", "*", "\n", "", "\u00A0", " ", " ", ".");
        Arbitrary<String> token = Arbitraries.oneOf(variant, variant, variantCased, word);
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("kupar2 .-_*'0134@$€ëé\u200B").ofMaxLength(30),
                token.list().ofMaxSize(12).flatMap(ts -> sep.list().ofSize(ts.size()).map(ss -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < ts.size(); i++) {
                        b.append(ts.get(i)).append(ss.get(i));
                    }
                    return b.toString();
                })));
    }

    @Property(tries = 5000)
    void shouldFoldAsIfEveryStepRan(@ForAll("chatWithSpellings") String raw) {
        assertSame(raw);
    }

    @Property(tries = 5000)
    void shouldFindTheElisionsTheRawTextHolds(@ForAll("chatWithSpellings") String raw) {
        NormalizedText t = fused.normalize(raw);
        int[] expected = elisionsFromRaw(raw, t);
        int[] actual = Arrays.copyOf(t.elisions(), t.elisionCount());
        assertArrayEquals(expected, actual, () -> "elisions of " + escape(raw) + " folded to " + t);
    }

    @Test
    void shouldFindElisionsAfterLettersOnly() {
        NormalizedText t = fused.normalize("j'ai vu l’article, qu‘il a ʼdit `ok' 2'3 c'");
        // "jai vu larticle, quil a dit ok 23 c": after j', l’, qu‘ and ok' (a letter before each apostrophe; after
        // ok' the space starts there); not after a space or a digit, and nothing starts after the final c'
        assertEquals("jai vu larticle, quil a dit ok 23 c", t.toString());
        assertArrayEquals(new int[] {1, 8, 19, 30}, Arrays.copyOf(t.elisions(), t.elisionCount()));
        // an expansion right after the apostrophe: both of its chars start at the raw char after it
        NormalizedText ligature = fused.normalize("l'\uFB01n");
        assertEquals("lfin", ligature.toString());
        assertArrayEquals(new int[] {1, 2}, Arrays.copyOf(ligature.elisions(), ligature.elisionCount()));
    }

    /** The elisions as a scan of the raw text finds them (what the cue extractor did before the fold noted them). */
    private static int[] elisionsFromRaw(String raw, NormalizedText t) {
        List<Integer> found = new ArrayList<>();
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean apostrophe = c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02bc' || c == '`';
            if (apostrophe && Character.isLetter(raw.charAt(i - 1))) {
                for (int j = 0; j < t.length(); j++) {
                    if (t.rawStart(j) == i + 1) {
                        found.add(j);
                    }
                }
            }
        }
        return found.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    @Provide
    Arbitrary<String> spelledOut() {
        // single letters, leet, separators and look-alike blanks: what the separator and leet steps react to
        return Arbitraries.strings().withChars("aabxyz0134@ .-_*\u00A0\t\u200Bé").ofMaxLength(24);
    }

    @Property(tries = 5000)
    void shouldJoinSpelledOutLettersAsIfEveryStepRan(@ForAll("spelledOut") String raw) {
        assertSame(raw);
    }

    @Test
    void shouldFlagSpelledOutLetters() {
        FoldBuffer buffer = new FoldBuffer();
        FoldStep fold = new FoldStep(FoldTable.standard());
        for (String raw : new String[] {"s.n.a.p", "x y z", "ok x y z", "p-t-h-c", "a_b", "x*y", "s n a p"}) {
            fold.foldInto(raw.toCharArray(), raw.length(), buffer);
            assertTrue(fold.separatorCandidate, () -> "not flagged: '" + raw + "'");
        }
        for (String raw : new String[] {"pas grave", "on se voit demain"}) {
            fold.foldInto(raw.toCharArray(), raw.length(), buffer);
            assertFalse(fold.separatorCandidate, () -> "flagged: '" + raw + "'");
        }
    }

    @Test
    void shouldFoldARealisticCorpusAsIfEveryStepRan() {
        // chat-like messages: standard words, chat spellings, elisions, emoji, numbers, leet and spelled-out letters
        String[] words = {"je", "tu", "pas", "que", "quoi", "c'est", "j'ai", "l'école", "ce", "soir", "on", "se",
            "voit", "14", "ans", "ok", "mdr", "🤣", "❤️", "snap", "s.n.a.p", "p3d0", "il", "y", "a", "RDV", "20h30",
            "t'es", "où", "?", "!", "...", "viens", "seul", "sérieux", "😭", "ça", "va", "hello", "you", "are"};
        Random random = new Random(7);
        int changedBySpelling = 0;
        for (int m = 0; m < 20_000; m++) {
            StringBuilder b = new StringBuilder();
            int n = 3 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                boolean chat = random.nextInt(6) == 0;
                String w = chat ? VARIANTS.get(random.nextInt(VARIANTS.size())) : words[random.nextInt(words.length)];
                b.append(random.nextInt(10) == 0 ? w.toUpperCase() : w).append(random.nextInt(8) == 0 ? ", " : " ");
            }
            String raw = b.toString();
            assertSame(raw);
            if (!raw.isEmpty() && !reference.normalize(raw).toString().equals(withoutSpellings(raw))) {
                changedBySpelling++;
            }
        }
        // the corpus does exercise the spelling step
        assertTrue(changedBySpelling > 1000, "spellings rewritten in " + changedBySpelling + " texts");
    }

    private static String withoutSpellings(String raw) {
        FoldBuffer buffer = new FoldBuffer();
        FoldStep fold = new FoldStep(FoldTable.standard());
        char[] chars = raw.toCharArray();
        fold.foldInto(chars, chars.length, buffer);
        boolean leetChanged = fold.leetCandidate && new LeetStep().apply(buffer);
        if (fold.separatorCandidate || leetChanged) {
            new SeparatorStep().apply(buffer);
        }
        return new String(buffer.chars, 0, buffer.length);
    }

    @Test
    void shouldFlagEveryVariantAndFewOtherTokens() {
        FoldBuffer buffer = new FoldBuffer();
        FoldStep fold = new FoldStep(FoldTable.standard());
        for (String v : VARIANTS) {
            for (String raw : new String[] {v, "ok " + v, v + " ok", "(" + v + ")", "ok " + v.toUpperCase() + "!"}) {
                fold.foldInto(raw.toCharArray(), raw.length(), buffer);
                assertTrue(fold.spellingCandidate, () -> "variant not flagged in '" + raw + "'");
            }
        }
        // standard words and longer tokens pass the filter only by chance (about one token in a thousand)
        String[] plain = {"bonjour tout le monde", "on se voit ce soir", "what are you doing tonight?",
            "pasteque quoique kopinage", "j'ai 14 ans et toi"};
        for (String raw : plain) {
            fold.foldInto(raw.toCharArray(), raw.length(), buffer);
            assertFalse(fold.spellingCandidate, () -> "flagged: '" + raw + "'");
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return b.toString();
    }
}
