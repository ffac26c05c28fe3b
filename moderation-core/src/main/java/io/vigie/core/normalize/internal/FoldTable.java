package io.vigie.core.normalize.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-code-point folding of every code point from U+0000 to U+1FFFF, compiled once at class load from
 * the data files {@code foldings.txt} and {@code homoglyphs.txt} plus the generic rule, into a two-stage
 * lookup table (blocks of 128 entries, identical blocks shared, so about 60 KB instead of 512 KB).
 *
 * <p>The generic rule for a code point without an explicit entry: format and control characters drop, blanks
 * become a space, combining marks drop; otherwise NFKD, drop the marks, recompose (NFC, so Hangul syllables
 * stay syllables), then simple case folding ({@code toLowerCase(toUpperCase(cp))}, locale-independent), and
 * fold every resulting code point again until nothing changes. Explicit entries win over the generic rule and
 * must map to already-folded code points (checked at load).
 *
 * <p>Code points above U+1FFFF are kept as they are, except tag characters and the variation selector
 * supplement (U+E0000..U+E0FFF), which drop.
 *
 * <p>Thread-safety: immutable after construction; {@link #standard()} is shared by every normalizer.
 */
public final class FoldTable {

    private static final int MAX_CP = 0x1FFFF;
    static final int BLOCK_SHIFT = 7;
    static final int BLOCK_MASK = (1 << BLOCK_SHIFT) - 1;
    /*
     * Entry layout. A "simple" entry (sign bit clear) describes a code point that folds to at most one BMP
     * char: the folded char in the low 16 bits plus flag bits the fold loop consumes without branching. A
     * "complex" entry (sign bit set) points into the pool: offset << LEN_BITS | length.
     */
    /** Complex entry: an expansion, a surrogate, or a mapping to a supplementary code point. */
    static final int COMPLEX = 0x8000_0000;
    static final int LEN_BITS = 5;
    static final int MAX_LEN = (1 << LEN_BITS) - 1;
    /**
     * Simple entry: the folded char XOR the code point's low 16 bits, so that every code point that folds to
     * itself has the same entry bits and identical blocks deduplicate.
     */
    static final int CHAR_MASK = 0xFFFF;
    /** Simple entry: emitted even when equal to the previous char (digits, symbols). */
    static final int ALWAYS = 1 << 16;
    /** Simple entry: the code point is dropped. */
    static final int DROP = 1 << 17;
    /** Simple entry: a letter. */
    static final int LETTER = 1 << 18;
    /** Simple entry: a letter or digit (part of a word). */
    static final int WORD = 1 << 19;
    /** Simple entry: a digit or a leet symbol; after a letter, the leet step may have work. */
    static final int LEETY = 1 << 20;
    /** Simple entry: a separator between spelled-out letters. */
    static final int SEP = 1 << 21;
    /** Simple entry of a supplementary code point that folds to itself (the char bits are unused). */
    static final int KEEP_SUPPLEMENTARY = 1 << 22;
    /**
     * Never in the table: set by the fold loop in its running state on a letter whose previous char is not
     * part of a word (a one-letter word so far). Two places above {@link #SEP}, below the kind bits.
     */
    static final int LONE = 1 << 23;
    static final int KIND_SHIFT = 24;
    /**
     * Simple entry: an apostrophe that marks a French elision after a letter ({@code ' ’ ‘ ʼ `}), so the fold loop
     * notes where elisions are without looking at every char. Above the kind bits.
     */
    static final int APOSTROPHE = 1 << 27;
    /** The apostrophes {@link #APOSTROPHE} marks. */
    private static final char[] ELISION_APOSTROPHES = {'\'', '\u2019', '\u2018', '\u02bc', '`'};

    /** ASCII fold, one char per ASCII char (a drop maps to 0 with kind DROP). */
    static final char[] ASCII_FOLD = new char[128];
    /** ASCII kinds after folding, see {@link CharKind}. */
    static final byte[] ASCII_KIND = new byte[128];
    /** ASCII chars that belong to a word for the word-level steps (letters, digits, leet symbols). */
    static final boolean[] ASCII_WORD = new boolean[128];
    /** The simple entries of the ASCII block, for one load per ASCII char. */
    static final int[] ASCII_PACKED = new int[128];

    private static final FoldTable STANDARD;

    static {
        STANDARD = new FoldTable(loadEntries("foldings.txt", "homoglyphs.txt"));
        for (int c = 0; c < 128; c++) {
            int e = STANDARD.entry(c);
            if (e < 0) {
                throw new IllegalStateException("ASCII char " + c + " must fold to at most one char");
            }
            ASCII_FOLD[c] = (char) ((e ^ c) & CHAR_MASK);
            ASCII_KIND[c] = (byte) kindOf(e);
            ASCII_PACKED[c] = e;
            ASCII_WORD[c] = CharKind.isWordKind(ASCII_KIND[c]) || LeetStep.isLeetSymbol(c);
        }
    }

    /** Block number of each 128-code-point block; read directly by {@link FoldStep}'s inner loop. */
    final char[] index;
    /** Deduplicated blocks of entries; read directly by {@link FoldStep}'s inner loop. */
    final int[] blocks;
    private final char[] pool;
    private final byte[] poolKind;
    private final Map<Integer, int[]> explicit;

    private FoldTable(Map<Integer, int[]> explicit) {
        this.explicit = explicit;
        explicit.forEach((source, target) -> {
            for (int t : target) {
                int[] again = foldGeneric(t, 0);
                if (again.length != 1 || again[0] != t) {
                    throw new IllegalStateException("data file maps U+" + Integer.toHexString(source)
                            + " to U+" + Integer.toHexString(t) + ", which is not in folded form");
                }
            }
        });
        int[] full = new int[MAX_CP + 1];
        StringBuilder poolText = new StringBuilder(8192);
        Map<String, Integer> poolOffsets = new HashMap<>();
        for (int cp = 0; cp <= MAX_CP; cp++) {
            int[] folded = foldGeneric(cp, 0);
            boolean surrogate = cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
            if (!surrogate && folded.length == 0) {
                full[cp] = simple(cp, 0, CharKind.DROP);
                continue;
            }
            if (!surrogate && folded.length == 1 && folded[0] <= 0xFFFF && !Character.isSurrogate((char) folded[0])) {
                full[cp] = simple(cp, folded[0], CharKind.ofFolded(folded[0]));
                continue;
            }
            if (!surrogate && folded.length == 1 && folded[0] == cp) {
                full[cp] = KEEP_SUPPLEMENTARY | CharKind.ofFolded(cp) << KIND_SHIFT;
                continue;
            }
            String text = new String(folded, 0, folded.length);
            if (text.length() > MAX_LEN) {
                throw new IllegalStateException("fold of U+" + Integer.toHexString(cp) + " too long: " + text.length());
            }
            Integer off = poolOffsets.get(text);
            if (off == null) {
                off = poolText.length();
                poolText.append(text);
                poolOffsets.put(text, off);
            }
            full[cp] = COMPLEX | (off << LEN_BITS) | text.length();
        }
        this.pool = poolText.toString().toCharArray();
        this.poolKind = new byte[pool.length];
        for (int i = 0; i < pool.length; ) {
            int cp = Character.codePointAt(pool, i);
            int n = Character.charCount(cp);
            for (int k = 0; k < n; k++) {
                poolKind[i + k] = (byte) CharKind.ofFolded(cp);
            }
            i += n;
        }
        for (char a : ELISION_APOSTROPHES) {
            if (full[a] >= 0) { // a complex one is checked by the fold's slow path
                full[a] |= APOSTROPHE;
            }
        }
        // two-stage compression: identical 128-entry blocks are stored once
        int blockCount = (MAX_CP + 1) >>> BLOCK_SHIFT;
        this.index = new char[blockCount];
        Map<IntArrayKey, Integer> seen = new HashMap<>();
        List<int[]> unique = new ArrayList<>();
        for (int b = 0; b < blockCount; b++) {
            int[] block = Arrays.copyOfRange(full, b << BLOCK_SHIFT, (b + 1) << BLOCK_SHIFT);
            Integer id = seen.computeIfAbsent(new IntArrayKey(block), k -> {
                unique.add(k.values);
                return unique.size() - 1;
            });
            index[b] = (char) id.intValue();
        }
        this.blocks = new int[unique.size() << BLOCK_SHIFT];
        for (int u = 0; u < unique.size(); u++) {
            System.arraycopy(unique.get(u), 0, blocks, u << BLOCK_SHIFT, 1 << BLOCK_SHIFT);
        }
    }

    /** The table compiled from the bundled data files; never null, shared, immutable. */
    public static FoldTable standard() {
        return STANDARD;
    }

    /**
     * Raw table entry of {@code cp} (must be in U+0000..U+1FFFF): see the layout constants ({@link #COMPLEX}
     * and the simple-entry bits).
     */
    int entry(int cp) {
        return blocks[(index[cp >>> BLOCK_SHIFT] << BLOCK_SHIFT) | (cp & BLOCK_MASK)];
    }

    char[] pool() {
        return pool;
    }

    byte[] poolKind() {
        return poolKind;
    }

    /** Whether {@code c} is one of the apostrophes of a French elision ({@link #APOSTROPHE}). */
    static boolean isElisionApostrophe(char c) {
        for (char a : ELISION_APOSTROPHES) {
            if (c == a) {
                return true;
            }
        }
        return false;
    }

    /** Packs a simple entry for code point {@code cp} folding to BMP char {@code c} of the given kind. */
    static int simple(int cp, int c, int kind) {
        int bits = kind << KIND_SHIFT | ((c ^ cp) & CHAR_MASK);
        switch (kind) {
            case CharKind.DROP:
                return DROP | kind << KIND_SHIFT;
            case CharKind.LETTER:
                bits |= LETTER | WORD;
                break;
            case CharKind.DIGIT:
                bits |= WORD | ALWAYS | LEETY;
                break;
            case CharKind.SPACE:
                bits |= SEP;
                break;
            case CharKind.OTHER:
                bits |= ALWAYS;
                break;
            default: // PUNCT: squashed like letters
                break;
        }
        if (LeetStep.isLeetSymbol(c)) {
            bits |= LEETY;
        }
        if (c < 0x80 && SeparatorStep.isSeparator((char) c)) {
            bits |= SEP;
        }
        return bits;
    }

    static boolean isComplex(int entry) {
        return entry < 0;
    }

    /** The {@link CharKind} of a simple entry. */
    static int kindOf(int entry) {
        return entry >>> KIND_SHIFT & 0x7;
    }

    static int poolOffset(int entry) {
        return (entry & ~COMPLEX) >>> LEN_BITS;
    }

    static int poolLength(int entry) {
        return entry & MAX_LEN;
    }

    /** Highest code point covered by the table; above it code points are kept (tags and VS drop). */
    static int maxCodePoint() {
        return MAX_CP;
    }

    /**
     * The folded form of one code point as a String (for tests and tools, not the hot path). Never null; empty
     * when the code point drops.
     */
    public String fold(int cp) {
        if (cp < 0 || cp > Character.MAX_CODE_POINT) {
            return "";
        }
        if (cp > MAX_CP) {
            return cp >= 0xE0000 && cp <= 0xE0FFF ? "" : new String(Character.toChars(cp));
        }
        int e = entry(cp);
        if (isComplex(e)) {
            return new String(pool, poolOffset(e), poolLength(e));
        }
        if ((e & KEEP_SUPPLEMENTARY) != 0) {
            return new String(Character.toChars(cp));
        }
        return (e & DROP) != 0 ? "" : String.valueOf((char) ((e ^ cp) & CHAR_MASK));
    }

    /** Code points with an explicit entry in the data files (the deliberate departures from the generic rule). */
    public Map<Integer, String> explicitEntries() {
        Map<Integer, String> out = new TreeMap<>();
        explicit.forEach((k, v) -> out.put(k, new String(v, 0, v.length)));
        return Collections.unmodifiableMap(out);
    }

    private int[] foldGeneric(int cp, int depth) {
        if (depth > 6) {
            throw new IllegalStateException("folding of U+" + Integer.toHexString(cp) + " does not converge");
        }
        int[] fixed = explicit.get(cp);
        if (fixed != null) {
            return fixed;
        }
        int type = Character.getType(cp);
        if (type == Character.UNASSIGNED || isUnifiedHanOrHangulSyllable(cp)) {
            // nothing to decompose or case-fold: skips about 60,000 Normalizer calls at startup
            return new int[] {cp};
        }
        if (type == Character.SURROGATE || type == Character.FORMAT) {
            return new int[0];
        }
        if (type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || Character.isWhitespace(cp)) {
            return new int[] {' '};
        }
        if (type == Character.CONTROL) {
            return new int[0];
        }
        if (isMark(type)) {
            return new int[0];
        }
        String s = new String(Character.toChars(cp));
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        if (!d.equals(s)) {
            StringBuilder kept = new StringBuilder(d.length());
            d.codePoints().filter(c -> !isMark(Character.getType(c))).forEach(kept::appendCodePoint);
            String c = Normalizer.normalize(kept, Normalizer.Form.NFC);
            if (!c.equals(s)) {
                return foldAll(c, depth);
            }
        }
        int lower = Character.toLowerCase(Character.toUpperCase(cp));
        if (lower != cp) {
            return foldAll(new String(Character.toChars(lower)), depth);
        }
        return new int[] {cp};
    }

    private int[] foldAll(String s, int depth) {
        int[] acc = new int[0];
        for (int c : s.codePoints().toArray()) {
            int[] part = foldGeneric(c, depth + 1);
            int[] merged = Arrays.copyOf(acc, acc.length + part.length);
            System.arraycopy(part, 0, merged, acc.length, part.length);
            acc = merged;
        }
        return acc;
    }

    private static boolean isUnifiedHanOrHangulSyllable(int cp) {
        return cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0xAC00 && cp <= 0xD7A3;
    }

    private static boolean isMark(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static Map<Integer, int[]> loadEntries(String... files) {
        Map<Integer, int[]> out = new HashMap<>();
        Map<Integer, String> where = new HashMap<>();
        for (String file : files) {
            try (InputStream in = FoldTable.class.getResourceAsStream("/io/vigie/core/normalize/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing data file io/vigie/core/normalize/" + file);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                int lineNo = 0;
                while ((line = reader.readLine()) != null) {
                    lineNo++;
                    String location = file + ":" + lineNo;
                    for (Map.Entry<Integer, int[]> e : DataLine.parse(line, location).entrySet()) {
                        String previous = where.putIfAbsent(e.getKey(), location);
                        if (previous != null) {
                            throw new IllegalStateException(location + ": U+" + Integer.toHexString(e.getKey())
                                    + " already mapped at " + previous);
                        }
                        out.put(e.getKey(), e.getValue());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read data file " + file, e);
            }
        }
        return out;
    }

    /** Equality wrapper so identical blocks are stored once. */
    private static final class IntArrayKey {
        final int[] values;
        private final int hash;

        IntArrayKey(int[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IntArrayKey && Arrays.equals(values, ((IntArrayKey) o).values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
