package io.vigie.core.rule.internal;

import java.text.Normalizer;

/**
 * The fold that rule regexes see: lower case (locale-independent), accents removed, typographic apostrophes
 * made plain. It maps one UTF-16 char to one char, so an offset in the folded text is the same offset in the
 * raw text and evidence spans need no map. Immutable tables built once at class load.
 */
public final class Folding {

    private static final int TABLE = 0x2100;
    private static final char[] FOLD = new char[TABLE];

    static {
        for (int c = 0; c < TABLE; c++) {
            char lower = Character.toLowerCase((char) c);
            char folded = lower;
            if (lower >= 0x80 && Character.isLetter(lower)) {
                String nfd = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
                char base = nfd.charAt(0);
                if (base < 0x80) {
                    folded = base;
                }
            }
            FOLD[c] = folded;
        }
        FOLD['\u2019'] = '\'';
        FOLD['\u2018'] = '\'';
        FOLD['\u00b4'] = '\'';
        FOLD['`'] = '\'';
        FOLD['\u00a0'] = ' ';
        FOLD['\u202f'] = ' ';
    }

    private Folding() {
    }

    /** The folded form of one char. */
    public static char fold(char c) {
        return c < TABLE ? FOLD[c] : c;
    }

    /**
     * Folds {@code raw} into {@code out} (which must hold {@code raw.length()} chars).
     *
     * @return the folded length, always {@code raw.length()}
     */
    public static int foldInto(CharSequence raw, char[] out) {
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            out[i] = fold(raw.charAt(i));
        }
        return n;
    }

    /** The folded form of a whole string; load-time and test helper. */
    public static String fold(CharSequence raw) {
        char[] out = new char[raw.length()];
        foldInto(raw, out);
        return new String(out);
    }
}
