package io.vigie.core.match;

/**
 * What counts as a word character in folded text: a letter or a digit. A term marked whole-word only
 * matches when the folded chars just before and just after it are not word chars (or are the text's ends).
 * Stateless and thread-safe.
 */
public final class WordChars {

    /**
     * Bit {@code c} set when char {@code c} is a word char, for every UTF-16 char (8 KB): the boundary checks run
     * for nearly every term a scan meets, and the JDK's lookup for a non-ASCII char costs several table reads.
     */
    private static final long[] WORD = new long[1 << 10];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (c < 128 ? c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    : Character.isLetterOrDigit((char) c)) {
                WORD[c >>> 6] |= 1L << c;
            }
        }
    }

    private WordChars() {
    }

    /**
     * True for ASCII letters and digits and, beyond ASCII, for what {@link Character#isLetterOrDigit(char)}
     * says (read from a table built from it once), and a surrogate half counts as a word char only when the
     * JDK says so (emoji halves do not), so an emoji is a boundary.
     */
    public static boolean isWordChar(char c) {
        return (WORD[c >>> 6] & 1L << c) != 0;
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
