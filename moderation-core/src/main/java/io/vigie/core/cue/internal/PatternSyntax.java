package io.vigie.core.cue.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the token-pattern syntax of lexicon terms (load time only; stateless).
 *
 * <pre>
 * pattern  := element (gap? element)*
 * gap      := '~' N                 at most N words between the two elements (default 0: adjacent)
 * element  := alt                   one word, '@cue' or '&lt;lemma&gt;'
 *           | '(' alt ('|' alt)* ')'  one of several
 *           | '[' alt ('|' alt)* ']'  optional: one of several, or nothing
 * alt      := word (' ' word)*      a phrase, matched as written
 *           | '@' cue.name          wherever that cue fired (a concept another lexicon line defines)
 *           | '&lt;' lemma '&gt;'          any form of the lemma (the inflection tables)
 * word     := letters or digits, with a trailing '*' for any ending (endormi* = endormi, endormie, endormies);
 *             '\*' is a literal star inside a word, for masked spellings (d\*ke)
 * </pre>
 *
 * A term is a pattern when it holds any of {@code ~ ( ) [ ] | @ < > * \}; other terms are plain phrases.
 */
final class PatternSyntax {

    /** Largest gap a pattern may allow between two elements. */
    static final int MAX_GAP = 12;
    /** Most elements in one pattern. */
    static final int MAX_ELEMENTS = 10;

    private PatternSyntax() {
    }

    /** One alternative of an element. */
    sealed interface Alt permits Words, CueRef, Lemma {
    }

    /**
     * A phrase as written.
     *
     * @param text   the raw words (unfolded), single-spaced
     * @param prefix true when the last word ends with '*'
     */
    record Words(String text, boolean prefix) implements Alt {
    }

    /** Wherever the named cue fired. */
    record CueRef(String cue) implements Alt {
    }

    /** Any form of a lemma from the inflection tables. */
    record Lemma(String lemma) implements Alt {
    }

    /**
     * One element.
     *
     * @param gapBefore words allowed between the previous element and this one
     */
    record Element(List<Alt> alts, boolean optional, int gapBefore) {
    }

    /** Thrown with a reason and the 1-based column in the term. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int column;

        SyntaxError(String reason, int column) {
            super(reason);
            this.column = column;
        }

        int column() {
            return column;
        }
    }

    /** True when {@code term} uses pattern syntax. */
    static boolean isPattern(String term) {
        for (int i = 0; i < term.length(); i++) {
            switch (term.charAt(i)) {
                case '~', '(', ')', '[', ']', '|', '@', '<', '>', '*', '\\' -> {
                    return true;
                }
                default -> { }
            }
        }
        return false;
    }

    /**
     * Parses a pattern.
     *
     * @throws SyntaxError on unbalanced groups, an empty alternative, a gap at the start or the end, two gaps
     *                     in a row, a gap over {@link #MAX_GAP}, a '*' inside a word, or a pattern of optional
     *                     elements only
     */
    static List<Element> parse(String term) throws SyntaxError {
        List<Element> out = new ArrayList<>();
        int i = 0;
        int n = term.length();
        int pendingGap = -1;
        while (i < n) {
            char c = term.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '~') {
                int j = i + 1;
                while (j < n && Character.isDigit(term.charAt(j))) {
                    j++;
                }
                if (j == i + 1) {
                    throw new SyntaxError("'~' must be followed by a number of words, e.g. ~3", i + 1);
                }
                if (out.isEmpty()) {
                    throw new SyntaxError("a pattern cannot start with a gap", i + 1);
                }
                if (pendingGap >= 0) {
                    throw new SyntaxError("two gaps in a row", i + 1);
                }
                int gap = Integer.parseInt(term.substring(i + 1, Math.min(j, i + 4)));
                if (j - i - 1 > 3 || gap > MAX_GAP) {
                    throw new SyntaxError("gap over " + MAX_GAP + " words", i + 1);
                }
                pendingGap = gap;
                i = j;
                continue;
            }
            boolean optional = c == '[';
            List<Alt> alts;
            if (c == '[' || c == '(') {
                char close = optional ? ']' : ')';
                int j = term.indexOf(close, i + 1);
                int nested = firstOf(term, i + 1, j < 0 ? n : j, "([");
                if (j < 0) {
                    throw new SyntaxError("'" + c + "' is never closed", i + 1);
                }
                if (nested >= 0) {
                    throw new SyntaxError("groups cannot be nested", nested + 1);
                }
                alts = alternatives(term, i + 1, j);
                i = j + 1;
            } else if (c == ')' || c == ']' || c == '|') {
                throw new SyntaxError("'" + c + "' outside a group", i + 1);
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(term.charAt(j)) && "~()[]|".indexOf(term.charAt(j)) < 0) {
                    j++;
                }
                alts = List.of(alt(term, i, j));
                i = j;
            }
            if (out.size() == MAX_ELEMENTS) {
                throw new SyntaxError("more than " + MAX_ELEMENTS + " elements", i);
            }
            out.add(new Element(alts, optional, Math.max(0, pendingGap)));
            pendingGap = -1;
        }
        if (pendingGap >= 0) {
            throw new SyntaxError("a pattern cannot end with a gap", n);
        }
        if (out.isEmpty()) {
            throw new SyntaxError("empty pattern", 1);
        }
        boolean required = false;
        for (Element e : out) {
            required |= !e.optional();
        }
        if (!required) {
            throw new SyntaxError("every element is optional: the pattern would match anywhere", 1);
        }
        return out;
    }

    private static int firstOf(String s, int from, int to, String chars) {
        for (int k = from; k < to; k++) {
            if (chars.indexOf(s.charAt(k)) >= 0) {
                return k;
            }
        }
        return -1;
    }

    private static List<Alt> alternatives(String term, int from, int to) throws SyntaxError {
        List<Alt> alts = new ArrayList<>();
        int start = from;
        for (int k = from; k <= to; k++) {
            if (k == to || term.charAt(k) == '|') {
                alts.add(alt(term, start, k));
                start = k + 1;
            }
        }
        return alts;
    }

    private static Alt alt(String term, int from, int to) throws SyntaxError {
        String raw = term.substring(from, to).strip().replaceAll("\\s+", " ");
        if (raw.isEmpty()) {
            throw new SyntaxError("empty alternative", from + 1);
        }
        if (raw.startsWith("@")) {
            String cue = raw.substring(1);
            if (cue.isEmpty() || cue.contains(" ") || cue.indexOf('*') >= 0) {
                throw new SyntaxError("'@' names one cue, e.g. @drug.substance", from + 1);
            }
            return new CueRef(cue);
        }
        if (raw.startsWith("<")) {
            if (!raw.endsWith(">") || raw.length() < 3 || raw.indexOf(' ') >= 0) {
                throw new SyntaxError("a lemma is written <word>, e.g. <mettre>", from + 1);
            }
            return new Lemma(raw.substring(1, raw.length() - 1));
        }
        if (raw.indexOf('<') >= 0 || raw.indexOf('>') >= 0 || raw.indexOf('@') >= 0) {
            throw new SyntaxError("'@cue' and '<lemma>' stand alone in an alternative", from + 1);
        }
        raw = raw.replace("\\*", "\u0000"); // a literal star, kept apart from the prefix star
        int star = raw.indexOf('*');
        boolean prefix = false;
        if (star >= 0) {
            if (star != raw.length() - 1 || raw.length() == 1) {
                throw new SyntaxError("'*' only ends the last word of an alternative (endormi*)", from + star + 1);
            }
            if (raw.length() < 4) {
                throw new SyntaxError("a word before '*' needs at least 3 letters", from + 1);
            }
            prefix = true;
            raw = raw.substring(0, raw.length() - 1);
        }
        return new Words(raw.replace('\u0000', '*'), prefix);
    }
}
