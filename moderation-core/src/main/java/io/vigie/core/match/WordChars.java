package io.vigie.core.match;

/**
 * What counts as a word character in folded text: a letter or a digit. A term marked whole-word only
 * matches when the folded chars just before and just after it are not word chars (or are the text's ends).
 * Stateless and thread-safe.
 */
public final class WordChars {

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD[c] = true;
            ASCII_WORD[c - 'a' + 'A'] = true;
        }
    }

    private WordChars() {
    }

    /**
     * True for letters and digits. ASCII goes through a table; other chars use
     * {@link Character#isLetterOrDigit(char)}, and a surrogate half counts as a word char only when the
     * JDK says so (emoji halves do not), so an emoji is a boundary.
     */
    public static boolean isWordChar(char c) {
        return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
    }

    /** True for ASCII digits 0-9 only (fullwidth digits are folded to ASCII before matching). */
    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** True for ASCII letters a-z (folded text is lower case). */
    public static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 128 && Character.isLetter(c);
    }
}
