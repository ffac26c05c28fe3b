package io.vigie.core.normalize.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 4: reads chat spellings as the standard word ({@code spellings.txt}: "pa"→"pas", "ke"/"k"→"que",
 * "fo"→"faut", "tro"→"trop", "kopin"→"copain", "u"→"you", "r"→"are", "2nite"→"tonight"), whole tokens only. A
 * token is a maximal run of ASCII letters and digits; anything else (punctuation, spaces, other scripts) ends it,
 * so "pa." and "(pa)" are read, "pas", "papa" and "pa3" are not.
 *
 * <p>Because lexicon terms go through the same normalizer, a lexicon written in standard spelling matches the
 * chat spelling too, and a lexicon line written in chat spelling still matches both. The replacement chars all
 * map to the raw span of the token they replace, so evidence offsets stay exact.
 *
 * <p>Cost: one pass over the folded chars; a token is looked up only when its first char and length can start
 * a variant (a bit test), so ordinary text costs about one table read per token and writes nothing. A rewrite
 * happens into a scratch buffer that is swapped with the folded one: no allocation once both have grown.
 *
 * <p>Not thread-safe (per normalizer); the table is immutable and shared.
 */
final class SpellingStep {

    /** Longest variant, in chars. */
    private static final int MAX_VARIANT = 8;
    /** For each ASCII first char: bit {@code n} set when a variant of length {@code n} starts with it. */
    private static final int[] LENGTHS = new int[128];
    /** For each ASCII first char: its variants and their standard words, in parallel. */
    private static final char[][][] VARIANTS = new char[128][][];
    private static final char[][][] STANDARDS = new char[128][][];
    /**
     * A Bloom filter over the variants' {@link #packed} keys (64 K bits, one hash), so {@link FoldStep} can tell,
     * while folding, whether a token may be a variant: with 74 variants about one token in a thousand passes by
     * chance, and a text where none passes skips this step.
     */
    private static final long[] BLOOM = new long[1 << 10];
    private static final long BLOOM_MULTIPLIER = 0x9E37_79B9_7F4A_7C15L;
    /** For each ASCII char: 1 when it is a token char ({@code [a-z0-9]}). */
    static final byte[] TOKEN_CHAR = new byte[128];

    static {
        Map<String, String> table = load("/io/vigie/core/normalize/spellings.txt");
        Map<Character, List<String>> byFirst = new HashMap<>();
        for (String v : table.keySet()) {
            byFirst.computeIfAbsent(v.charAt(0), k -> new ArrayList<>()).add(v);
        }
        for (Map.Entry<Character, List<String>> e : byFirst.entrySet()) {
            char c = e.getKey();
            List<String> vs = e.getValue();
            VARIANTS[c] = new char[vs.size()][];
            STANDARDS[c] = new char[vs.size()][];
            for (int i = 0; i < vs.size(); i++) {
                VARIANTS[c][i] = vs.get(i).toCharArray();
                STANDARDS[c][i] = table.get(vs.get(i)).toCharArray();
                LENGTHS[c] |= 1 << vs.get(i).length();
            }
        }
        for (String v : table.keySet()) {
            long key = 0;
            for (int i = 0; i < v.length(); i++) {
                key = key << 7 | v.charAt(i);
            }
            long h = key * BLOOM_MULTIPLIER;
            BLOOM[(int) (h >>> 54)] |= 1L << (int) (h >>> 48);
        }
        for (char c = 0; c < 128; c++) {
            TOKEN_CHAR[c] = (byte) (isTokenChar(c) ? 1 : 0);
        }
    }

    /**
     * The key of a token of ASCII token chars: {@code key << 7 | c} for each char in turn, starting from 0 (the
     * empty token); a token of more than 9 chars keeps its last 9, whose key is no variant's (variants have at most
     * {@link #MAX_VARIANT} chars).
     */
    static long packed(long key, char c) {
        return key << 7 | c;
    }

    /**
     * 1 when the token with this {@link #packed} key may be a variant, 0 when it is surely not (nor the empty
     * token, key 0). Branch-free, for the fold loop.
     */
    static int mayBeVariant(long key) {
        long h = key * BLOOM_MULTIPLIER;
        return (int) (BLOOM[(int) (h >>> 54)] >>> (int) (h >>> 48)) & (int) ((key | -key) >>> 63);
    }

    private final FoldBuffer scratch = new FoldBuffer();

    /** The standard word for {@code buf[s..e)}, or null when it is no variant. */
    static char[] standardFor(char[] buf, int s, int e) {
        char first = buf[s];
        int n = e - s;
        if (first >= 128 || n > MAX_VARIANT || (LENGTHS[first] & (1 << n)) == 0) {
            return null;
        }
        char[][] vs = VARIANTS[first];
        for (int i = 0; i < vs.length; i++) {
            char[] v = vs[i];
            if (v.length == n && regionMatches(buf, s, v)) {
                return STANDARDS[first][i];
            }
        }
        return null;
    }

    private static boolean regionMatches(char[] buf, int s, char[] v) {
        for (int i = 1; i < v.length; i++) {
            if (buf[s + i] != v[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /**
     * Replaces every variant token of {@code b}.
     *
     * @return whether anything changed
     */
    boolean apply(FoldBuffer b) {
        char[] buf = b.chars;
        int len = b.length;
        int first = -1;
        int i = 0;
        while (i < len) {
            if (!isTokenChar(buf[i])) {
                i++;
                continue;
            }
            int s = i;
            while (i < len && isTokenChar(buf[i])) {
                i++;
            }
            // a token glued to a non-ASCII letter or mark-less symbol is part of a longer word: leave it
            if (standardFor(buf, s, i) != null && (s == 0 || !CharKind.isWordCharAt(buf, s - 1, len))
                    && (i == len || !CharKind.isWordCharAt(buf, i, len))) {
                first = s;
                break;
            }
        }
        if (first < 0) {
            return false;
        }
        rewrite(b, first);
        return true;
    }

    /** Copies {@code b} into the scratch buffer with every variant from {@code from} on replaced, then swaps. */
    private void rewrite(FoldBuffer b, int from) {
        char[] buf = b.chars;
        int[] start = b.start;
        int[] end = b.end;
        int len = b.length;
        FoldBuffer out = scratch;
        out.ensureCapacity(len + 16);
        System.arraycopy(buf, 0, out.chars, 0, from);
        System.arraycopy(start, 0, out.start, 0, from);
        System.arraycopy(end, 0, out.end, 0, from);
        int w = from;
        int i = from;
        while (i < len) {
            if (!isTokenChar(buf[i])) {
                out.ensureCapacity(w + 1 + (len - i) + 16);
                out.chars[w] = buf[i];
                out.start[w] = start[i];
                out.end[w] = end[i];
                w++;
                i++;
                continue;
            }
            int s = i;
            while (i < len && isTokenChar(buf[i])) {
                i++;
            }
            char[] std = (s == 0 || !CharKind.isWordCharAt(buf, s - 1, len))
                    && (i == len || !CharKind.isWordCharAt(buf, i, len)) ? standardFor(buf, s, i) : null;
            if (std == null) {
                out.ensureCapacity(w + (i - s) + (len - i) + 16);
                System.arraycopy(buf, s, out.chars, w, i - s);
                System.arraycopy(start, s, out.start, w, i - s);
                System.arraycopy(end, s, out.end, w, i - s);
                w += i - s;
            } else {
                out.ensureCapacity(w + std.length + (len - i) + 16);
                int rawStart = start[s];
                int rawEnd = end[i - 1];
                for (char c : std) {
                    out.chars[w] = c;
                    out.start[w] = rawStart;
                    out.end[w] = rawEnd;
                    w++;
                }
            }
        }
        out.length = w;
        // swap: the scratch arrays become the folded text, the old ones the next scratch
        char[] oc = b.chars;
        int[] os = b.start;
        int[] oe = b.end;
        b.chars = out.chars;
        b.start = out.start;
        b.end = out.end;
        b.length = w;
        out.chars = oc;
        out.start = os;
        out.end = oe;
        out.length = 0;
    }

    /**
     * Reads and checks the table: each variant and standard word is folded ASCII (lower-case letters and digits,
     * no doubled letter, so folding cannot change it), a variant is no standard word of another line (folding
     * must be a fixed point), and no variant repeats.
     */
    static Map<String, String> load(String resource) {
        Map<String, String> table = new HashMap<>();
        try (InputStream in = SpellingStep.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing data file " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split("\\s+");
                String where = resource + ":" + lineNo;
                if (parts.length != 2) {
                    throw new IllegalStateException(where + ": need 'variant<TAB>standard'");
                }
                check(parts[0], where, MAX_VARIANT);
                check(parts[1], where, 32);
                if (table.put(parts[0], parts[1]) != null) {
                    throw new IllegalStateException(where + ": variant '" + parts[0] + "' listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        for (Map.Entry<String, String> e : table.entrySet()) {
            if (table.containsKey(e.getValue()) || e.getKey().equals(e.getValue())) {
                throw new IllegalStateException(resource + ": '" + e.getValue() + "' is both a standard word and a"
                        + " variant: folding would not be a fixed point");
            }
        }
        return table;
    }

    private static void check(String word, String where, int maxLength) {
        if (word.isEmpty() || word.length() > maxLength) {
            throw new IllegalStateException(where + ": '" + word + "' must have 1.." + maxLength + " chars");
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!isTokenChar(c)) {
                throw new IllegalStateException(where + ": '" + word + "' must be folded: a-z and 0-9 only");
            }
            if (i > 0 && c == word.charAt(i - 1) && c >= 'a') {
                throw new IllegalStateException(where + ": '" + word + "' has a doubled letter, which folding"
                        + " squashes: write it once");
            }
        }
    }
}
