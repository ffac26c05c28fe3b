package io.vigie.core.signal;

import io.vigie.core.normalize.NormalizedText;
import io.vigie.core.normalize.TextNormalizer;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A small test stand-in for the standard normalizer, following the same folding contract (lower case, no
 * diacritics, apostrophes dropped, repeated letters squashed, leet digits inside words, single-letter
 * separators collapsed, whitespace runs to one space) with a per-char offset map. Delete once
 * {@code Normalizers.standard()} is merged.
 */
final class StandInNormalizer implements TextNormalizer {

    private char[] out = new char[64];
    private int[] from = new int[64];
    private int[] to = new int[64];
    private int len;
    private CharSequence raw;

    @Override
    public NormalizedText normalize(CharSequence text) {
        raw = text;
        len = 0;
        int n = text.length();
        // pass 1: per char fold
        char[] a = new char[n];
        int[] af = new int[n];
        int[] at = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '\u2019' || c == '\u200b') {
                continue;
            }
            String s = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char f = s.charAt(0);
            f = Character.isSurrogate(c) ? c : String.valueOf(f).toLowerCase(Locale.ROOT).charAt(0);
            if (Character.isWhitespace(f)) {
                f = ' ';
            }
            a[m] = f;
            af[m] = i;
            at[m] = i + 1;
            m++;
        }
        // leet between letters
        for (int i = 0; i < m; i++) {
            char c = a[i];
            char l = leet(c);
            if (l != 0 && i > 0 && Character.isLetter(a[i - 1]) && i + 1 < m
                    && (Character.isLetter(a[i + 1]) || leet(a[i + 1]) != 0 && i + 2 < m
                    && Character.isLetter(a[i + 2]))) {
                a[i] = l;
            }
        }
        // single letters separated by one separator: s.n.a.p -> snap (3 letters or more)
        boolean[] drop = new boolean[m];
        int i = 0;
        while (i < m) {
            if (single(a, m, i)) {
                int j = i;
                int letters = 1;
                while (j + 2 < m && sep(a[j + 1]) && single(a, m, j + 2)) {
                    j += 2;
                    letters++;
                }
                if (letters >= 3) {
                    for (int k = i + 1; k < j; k += 2) {
                        drop[k] = true;
                    }
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        for (int k = 0; k < m; k++) {
            if (drop[k]) {
                continue;
            }
            char c = a[k];
            if (len > 0 && c == out[len - 1] && (Character.isLetter(c) || c == ' ')) {
                to[len - 1] = at[k];
                continue;
            }
            grow();
            out[len] = c;
            from[len] = af[k];
            to[len] = at[k];
            len++;
        }
        return new View();
    }

    private static boolean single(char[] a, int m, int i) {
        return Character.isLetter(a[i]) && (i == 0 || !Character.isLetterOrDigit(a[i - 1]))
                && (i + 1 >= m || !Character.isLetterOrDigit(a[i + 1]));
    }

    private static boolean sep(char c) {
        return c == '.' || c == '-' || c == '_' || c == '*' || c == ' ';
    }

    private static char leet(char c) {
        switch (c) {
            case '0': return 'o';
            case '1': return 'i';
            case '3': return 'e';
            case '4': return 'a';
            case '5': return 's';
            case '7': return 't';
            default: return 0;
        }
    }

    private void grow() {
        if (len == out.length) {
            out = java.util.Arrays.copyOf(out, len * 2);
            from = java.util.Arrays.copyOf(from, len * 2);
            to = java.util.Arrays.copyOf(to, len * 2);
        }
    }

    private final class View implements NormalizedText {
        @Override
        public char[] chars() {
            return out;
        }

        @Override
        public int length() {
            return len;
        }

        @Override
        public CharSequence raw() {
            return raw;
        }

        @Override
        public int rawStart(int foldedIndex) {
            if (foldedIndex >= len) {
                return raw.length();
            }
            return from[Math.max(0, foldedIndex)];
        }

        @Override
        public int rawEnd(int foldedEnd) {
            if (foldedEnd <= 0) {
                return 0;
            }
            return to[Math.min(len, foldedEnd) - 1];
        }
    }
}
