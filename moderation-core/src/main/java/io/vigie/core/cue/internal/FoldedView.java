package io.vigie.core.cue.internal;

import io.vigie.core.match.WordChars;

/**
 * Token helpers over the folded text of the current message, shared by the pattern extractors. Every
 * look-around is bounded ({@link #REACH} chars), so the extractors stay linear in the text length whatever
 * the input; {@link #steps()} counts the chars they touched, for tests. Not thread-safe.
 */
final class FoldedView {

    /** How far a look-around walks over separators or a token before giving up. */
    static final int REACH = 24;

    char[] buf = new char[0];
    int len;
    private long steps;

    void reset(char[] buf, int len) {
        this.buf = buf;
        this.len = len;
        this.steps = 0;
    }

    long steps() {
        return steps;
    }

    void count(int n) {
        steps += n;
    }

    boolean word(int i) {
        return i >= 0 && i < len && WordChars.isWordChar(buf[i]);
    }

    boolean digit(int i) {
        return i >= 0 && i < len && WordChars.isDigit(buf[i]);
    }

    boolean letter(int i) {
        return i >= 0 && i < len && WordChars.isLetter(buf[i]);
    }

    char at(int i) {
        return i >= 0 && i < len ? buf[i] : '\0';
    }

    /** Chars that end a clause: what comes after them does not read as the same phrase. */
    static boolean clauseBreak(char c) {
        return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n' || c == '\r'
                || c == '\u2026';
    }

    /**
     * End (exclusive) of the word before {@code pos} in the same clause, or -1 at the start of the text,
     * after a clause break, or past {@link #REACH} separators.
     */
    int prevTokenEnd(int pos) {
        int i = pos - 1;
        int limit = Math.max(-1, pos - 1 - REACH);
        while (i > limit) {
            steps++;
            char c = buf[i];
            if (WordChars.isWordChar(c)) {
                return i + 1;
            }
            if (clauseBreak(c)) {
                return -1;
            }
            i--;
        }
        return -1;
    }

    /** Start of the word ending at {@code end} (walks back at most {@link #REACH} chars). */
    int tokenStart(int end) {
        int i = end;
        int limit = Math.max(0, end - REACH);
        while (i > limit && WordChars.isWordChar(buf[i - 1])) {
            steps++;
            i--;
        }
        return i;
    }

    /**
     * Start of the next word at or after {@code pos} in the same clause, or -1 at the end of the text, at a
     * clause break, or past {@link #REACH} separators.
     */
    int nextTokenStart(int pos) {
        int limit = Math.min(len, pos + REACH);
        for (int i = pos; i < limit; i++) {
            steps++;
            char c = buf[i];
            if (WordChars.isWordChar(c)) {
                return i;
            }
            if (clauseBreak(c)) {
                return -1;
            }
        }
        return -1;
    }

    /** End (exclusive) of the word starting at {@code start} (walks at most {@link #REACH} chars). */
    int tokenEnd(int start) {
        int i = start;
        int limit = Math.min(len, start + REACH);
        while (i < limit && WordChars.isWordChar(buf[i])) {
            steps++;
            i++;
        }
        return i;
    }

    /** End of the run of letters starting at {@code start} (bounded). */
    int lettersEnd(int start) {
        int i = start;
        int limit = Math.min(len, start + REACH);
        while (i < limit && WordChars.isLetter(buf[i])) {
            steps++;
            i++;
        }
        return i;
    }

    /** End of the run of digits starting at {@code start} (unbounded: callers only walk a run once). */
    int digitsEnd(int start) {
        int i = start;
        while (i < len && WordChars.isDigit(buf[i])) {
            steps++;
            i++;
        }
        return i;
    }

    /** True when only separators (no word char) remain after {@code pos}, up to {@link #REACH} chars. */
    boolean quietToEnd(int pos) {
        int limit = Math.min(len, pos + REACH);
        for (int i = pos; i < limit; i++) {
            steps++;
            if (WordChars.isWordChar(buf[i])) {
                return false;
            }
        }
        return limit == len;
    }

    /** The int value of up to 9 digits, or -1 when longer. */
    int value(int start, int end) {
        if (end - start > 9) {
            return -1;
        }
        int v = 0;
        for (int i = start; i < end; i++) {
            v = v * 10 + (buf[i] - '0');
        }
        return v;
    }

    boolean is(int start, int end, String s) {
        if (end - start != s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf[start + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
