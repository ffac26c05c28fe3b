package io.vigie.core.normalize.internal;

/**
 * Step 1: per-code-point folding through the {@link FoldTable}, fused with the run rules that need no word
 * context: drops (controls, format chars, apostrophes, marks, unpaired surrogates), blank runs to one space
 * (trimmed), runs of the same letter to one letter, runs of the same punctuation char to one. A squashed or
 * merged char's raw span widens to cover the whole run.
 *
 * <p>ASCII goes through two 128-entry tables; anything else through the two-stage table, walking code points
 * so surrogate pairs stay intact. Also notes whether the later word-level steps have anything to do.
 *
 * <p>Not thread-safe: holds per-call state; one per normalizer.
 */
final class FoldStep {

    private final FoldTable table;
    private final char[] pool;
    private final byte[] poolKind;

    // per-call state, kept in fields only across the slow path
    private int w;
    private int prevCp;
    private int prevKind;
    private int wordLen;
    private int wordFirstKind;
    /** A digit or leet symbol followed a letter: the leet step may have work. */
    boolean leetCandidate;
    /** A separator followed a one-char word: the separator step may have work. */
    boolean separatorCandidate;

    FoldStep(FoldTable table) {
        this.table = table;
        this.pool = table.pool();
        this.poolKind = table.poolKind();
    }

    /** Folds {@code in[0..n)} into {@code out}, replacing its content. */
    void foldInto(char[] in, int n, FoldBuffer out) {
        out.ensureCapacity(n + 16);
        char[] buf = out.chars;
        int[] start = out.start;
        int[] end = out.end;
        final char[] asciiFold = FoldTable.ASCII_FOLD;
        final byte[] asciiKind = FoldTable.ASCII_KIND;
        int w = 0;
        int prevCp = -1;
        int prevKind = CharKind.SPACE; // so leading blanks are trimmed
        int wordLen = 0;
        int wordFirstKind = CharKind.OTHER;
        boolean leet = false;
        boolean sep = false;
        int i = 0;
        while (i < n) {
            char c = in[i];
            if (c < 0x80) {
                int kind = asciiKind[c];
                char f = asciiFold[c];
                if (kind == CharKind.DROP) {
                    i++;
                    continue;
                }
                if (kind == prevKind && f == prevCp && (kind == CharKind.LETTER || kind == CharKind.PUNCT)
                        || kind == CharKind.SPACE && prevKind == CharKind.SPACE) {
                    if (kind != CharKind.SPACE) {
                        end[w - 1] = i + 1;
                    }
                    i++;
                    continue;
                }
                if (kind == CharKind.LETTER || kind == CharKind.DIGIT) {
                    if (wordLen == 0) {
                        wordFirstKind = kind;
                    } else if (kind == CharKind.DIGIT && prevKind == CharKind.LETTER) {
                        leet = true;
                    }
                    wordLen++;
                } else {
                    if (wordLen > 0 && prevKind == CharKind.LETTER && (f == '$' || f == '@')) {
                        leet = true;
                    }
                    if (wordLen == 1 && wordFirstKind == CharKind.LETTER && SeparatorStep.isSeparator(f)) {
                        sep = true;
                    }
                    wordLen = 0;
                }
                buf[w] = f;
                start[w] = i;
                end[w] = i + 1;
                w++;
                prevCp = f;
                prevKind = kind;
                i++;
                continue;
            }
            // slow path: state moves to fields and back
            this.w = w;
            this.prevCp = prevCp;
            this.prevKind = prevKind;
            this.wordLen = wordLen;
            this.wordFirstKind = wordFirstKind;
            this.leetCandidate = leet;
            this.separatorCandidate = sep;
            i = foldNonAscii(in, n, i, out);
            buf = out.chars;
            start = out.start;
            end = out.end;
            w = this.w;
            prevCp = this.prevCp;
            prevKind = this.prevKind;
            wordLen = this.wordLen;
            wordFirstKind = this.wordFirstKind;
            leet = this.leetCandidate;
            sep = this.separatorCandidate;
        }
        if (w > 0 && buf[w - 1] == ' ') {
            w--;
        }
        out.length = w;
        this.leetCandidate = leet;
        this.separatorCandidate = sep;
    }

    /** Folds the non-ASCII code point at {@code i}; returns the index after it. */
    private int foldNonAscii(char[] in, int n, int i, FoldBuffer out) {
        char c = in[i];
        int cp = c;
        int next = i + 1;
        if (Character.isHighSurrogate(c) && next < n && Character.isLowSurrogate(in[next])) {
            cp = Character.toCodePoint(c, in[next]);
            next++;
        } else if (Character.isSurrogate(c)) {
            return next; // unpaired surrogate: drop
        }
        if (cp > FoldTable.maxCodePoint()) {
            if (cp < 0xE0000 || cp > 0xE0FFF) {
                emit(cp, CharKind.ofFolded(cp), i, next, out);
            }
            return next;
        }
        int e = table.entry(cp);
        if (FoldTable.isIdentity(e)) {
            emit(cp, FoldTable.identityKind(e), i, next, out);
            return next;
        }
        int off = FoldTable.poolOffset(e);
        int stop = off + FoldTable.poolLength(e);
        while (off < stop) {
            char p = pool[off];
            int pcp = p;
            int step = 1;
            if (Character.isHighSurrogate(p) && off + 1 < stop) {
                pcp = Character.toCodePoint(p, pool[off + 1]);
                step = 2;
            }
            emit(pcp, poolKind[off], i, next, out);
            off += step;
        }
        return next;
    }

    /** The general form of the fused run rules, for one folded code point with raw span [rs, re). */
    private void emit(int cp, int kind, int rs, int re, FoldBuffer out) {
        if (kind == CharKind.DROP) {
            return;
        }
        if (kind == CharKind.SPACE) {
            if (prevKind == CharKind.SPACE) {
                return;
            }
        } else if (kind == prevKind && cp == prevCp && (kind == CharKind.LETTER || kind == CharKind.PUNCT)) {
            out.end[w - 1] = re;
            return;
        }
        if (kind == CharKind.LETTER || kind == CharKind.DIGIT) {
            if (wordLen == 0) {
                wordFirstKind = kind;
            } else if (kind == CharKind.DIGIT && prevKind == CharKind.LETTER) {
                leetCandidate = true;
            }
            wordLen++;
        } else {
            if (wordLen > 0 && prevKind == CharKind.LETTER && LeetStep.isLeetSymbol(cp)) {
                leetCandidate = true;
            }
            if (wordLen == 1 && wordFirstKind == CharKind.LETTER && cp < 0x80 && SeparatorStep.isSeparator((char) cp)) {
                separatorCandidate = true;
            }
            wordLen = 0;
        }
        int n = Character.charCount(cp);
        out.ensureCapacity(w + n + 16);
        if (n == 1) {
            out.chars[w] = (char) cp;
            out.start[w] = rs;
            out.end[w] = re;
            w++;
        } else {
            out.chars[w] = Character.highSurrogate(cp);
            out.chars[w + 1] = Character.lowSurrogate(cp);
            out.start[w] = rs;
            out.start[w + 1] = rs;
            out.end[w] = re;
            out.end[w + 1] = re;
            w += 2;
        }
        prevCp = cp;
        prevKind = kind;
    }
}
