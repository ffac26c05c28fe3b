package io.vigie.core.normalize.internal;

/**
 * The closed set of character kinds the folding steps care about, as small int constants so the hot loops
 * compare primitives, plus the classification of folded chars. Stateless; all tables are immutable.
 */
final class CharKind {

    /** Removed from the folded form (controls, format chars, apostrophes, marks, unpaired surrogates). */
    static final int DROP = 0;
    /** Any blank; runs fold to one ASCII space. */
    static final int SPACE = 1;
    /** A letter ({@link Character#isLetter(int)}); runs of the same letter fold to one. */
    static final int LETTER = 2;
    /** A decimal digit ({@link Character#isDigit(int)}); never squashed, never folded to a letter at word start. */
    static final int DIGIT = 3;
    /** Punctuation (Unicode P* categories); runs of the same char fold to one. */
    static final int PUNCT = 4;
    /** Everything else (symbols, emoji, unassigned): kept as is. */
    static final int OTHER = 5;

    private CharKind() {
    }

    /** Kind of a code point that is already in folded form (computed at startup, not on the hot path). */
    static int ofFolded(int cp) {
        if (cp == ' ') {
            return SPACE;
        }
        if (Character.isLetter(cp)) {
            return LETTER;
        }
        if (Character.isDigit(cp)) {
            return DIGIT;
        }
        switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
                return PUNCT;
            default:
                return OTHER;
        }
    }

    /**
     * Kind of the folded char at {@code i} of {@code buf}, reading a surrogate pair as one code point (both
     * halves get the pair's kind). Used by the word-level steps; ASCII goes through a table.
     */
    static int at(char[] buf, int i, int len) {
        char c = buf[i];
        if (c < 0x80) {
            return FoldTable.ASCII_KIND[c];
        }
        if (Character.isSurrogate(c)) {
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(buf[i + 1])) {
                cp = Character.toCodePoint(c, buf[i + 1]);
            } else if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(buf[i - 1])) {
                cp = Character.toCodePoint(buf[i - 1], c);
            } else {
                return OTHER;
            }
            return ofFolded(cp);
        }
        return ofFolded(c);
    }

    /**
     * Whether the folded char at {@code i} is part of a word for the leet and separator steps: a letter, a
     * digit or a leet symbol ({@code @ $ €}). ASCII answers from one table.
     */
    static boolean isWordCharAt(char[] buf, int i, int len) {
        char c = buf[i];
        if (c < 0x80) {
            return FoldTable.ASCII_WORD[c];
        }
        return isWordKind(at(buf, i, len)) || LeetStep.isLeetSymbol(c);
    }

    /** Whether the folded char at {@code i} is a letter; ASCII answers from one table. */
    static boolean isLetterAt(char[] buf, int i, int len) {
        char c = buf[i];
        return c < 0x80 ? FoldTable.ASCII_KIND[c] == LETTER : at(buf, i, len) == LETTER;
    }

    /** Whether the kind belongs to a word for the leet and separator steps (letters and digits). */
    static boolean isWordKind(int kind) {
        return kind == LETTER || kind == DIGIT;
    }
}
