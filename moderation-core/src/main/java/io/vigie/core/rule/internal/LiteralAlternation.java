package io.vigie.core.rule.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A fast path for the most common rule regex, a word-bounded list of literals such as
 * {@code \b(?:maman|papa|mom|dad)\b}. RE2/J runs such an alternation as an NFA over every branch (see
 * PERF-NOTES §1.3), which made it most of the rule stage's cost; this matcher gives the same leftmost-first
 * match (same start, end and branch preference as RE2's Perl semantics, with RE2's ASCII {@code \b}) with a
 * first-char table and region compares. Immutable and thread-safe.
 */
final class LiteralAlternation {

    private final char[][] words;
    private final boolean[] firstChar = new boolean[128];
    private boolean nonAsciiFirst;

    private LiteralAlternation(List<String> words) {
        this.words = new char[words.size()][];
        for (int i = 0; i < words.size(); i++) {
            char[] w = words.get(i).toCharArray();
            this.words[i] = w;
            if (w[0] < 128) {
                firstChar[w[0]] = true;
            } else {
                nonAsciiFirst = true;
            }
        }
    }

    /**
     * Recognizes {@code \b(?:w1|w2|...)\b} (or {@code \b(w1|...)\b}, or a single {@code \bword\b}) where each
     * word is literal text: letters, digits, spaces, apostrophes, '/' and '-'.
     *
     * @return the fast matcher, or null when the regex has any other shape
     */
    static LiteralAlternation parse(String regex) {
        if (!regex.startsWith("\\b") || !regex.endsWith("\\b") || regex.length() < 5) {
            return null;
        }
        String body = regex.substring(2, regex.length() - 2);
        if (body.startsWith("(?:") && body.endsWith(")")) {
            body = body.substring(3, body.length() - 1);
        } else if (body.startsWith("(") && body.endsWith(")")) {
            body = body.substring(1, body.length() - 1);
        }
        List<String> words = new ArrayList<>();
        for (String w : body.split("\\|", -1)) {
            if (w.isEmpty()) {
                return null;
            }
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                boolean literal = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '\''
                        || c == '/' || c == '-' || (c >= 0x80 && Character.isLetter(c));
                if (!literal) {
                    return null;
                }
            }
            words.add(w);
        }
        return new LiteralAlternation(words);
    }

    /**
     * Finds the leftmost match in {@code text[0, len)}.
     *
     * @param out receives {start, end} of the match
     * @return true when a word matched
     */
    boolean find(char[] text, int len, int[] out) {
        for (int i = 0; i < len; i++) {
            char c = text[i];
            if (c < 128 ? !firstChar[c] : !nonAsciiFirst) {
                continue;
            }
            if (!boundary(text, len, i)) {
                continue;
            }
            for (char[] w : words) {
                int end = i + w.length;
                if (end <= len && w[0] == c && regionMatches(text, i, w) && boundary(text, len, end)) {
                    out[0] = i;
                    out[1] = end;
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean regionMatches(char[] text, int at, char[] w) {
        for (int k = 1; k < w.length; k++) {
            if (text[at + k] != w[k]) {
                return false;
            }
        }
        return true;
    }

    /** RE2's {@code \b}: an ASCII word char on exactly one side of {@code pos}. */
    private static boolean boundary(char[] text, int len, int pos) {
        boolean before = pos > 0 && word(text[pos - 1]);
        boolean after = pos < len && word(text[pos]);
        return before != after;
    }

    private static boolean word(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
