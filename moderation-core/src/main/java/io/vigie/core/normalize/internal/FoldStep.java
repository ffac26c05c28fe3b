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
    /** Output index where the current run of letters and digits starts. */
    private int wordStart;
    /** A digit or leet symbol followed a letter: the leet step may have work. */
    boolean leetCandidate;
    /** A separator followed a one-letter word: the separator step may have work. */
    boolean separatorCandidate;

    FoldStep(FoldTable table) {
        this.table = table;
        this.pool = table.pool();
        this.poolKind = table.poolKind();
    }

    /**
     * Folds {@code in[0..n)} into {@code out}, replacing its content.
     *
     * <p>The loop handles every char that folds to at most one BMP char inline (ASCII through one packed
     * table, the rest of the BMP through the two-stage table); expansions and surrogate pairs go through
     * {@link #foldComplex}, which applies the same run rules through {@link #emit}. Keep the two in step.
     */
    void foldInto(char[] in, int n, FoldBuffer out) {
        out.ensureCapacity(n + 16);
        char[] buf = out.chars;
        int[] start = out.start;
        int[] end = out.end;
        final int[] ascii = FoldTable.ASCII_PACKED;
        final char[] index = table.index;
        final int[] blocks = table.blocks;
        final char[] pool = this.pool;
        final byte[] poolKind = this.poolKind;
        int w = 0;
        int prevCp = -1;
        int prevKind = CharKind.SPACE; // so leading blanks are trimmed
        int wordStart = 0;
        boolean leet = false;
        boolean sep = false;
        int i = 0;
        while (i < n) {
            char c = in[i];
            int f;
            int kind;
            if (c < 0x80) {
                int e = ascii[c];
                f = e & 0xFFFF;
                kind = e >>> 16;
            } else {
                int e = Character.isSurrogate(c) ? 0
                        : blocks[(index[c >>> FoldTable.BLOCK_SHIFT] << FoldTable.BLOCK_SHIFT) | (c & FoldTable.BLOCK_MASK)];
                if (e < 0) {
                    f = c;
                    kind = e & 0xF;
                } else if ((e & FoldTable.MAX_LEN) == 1 && !Character.isSurrogate(pool[e >>> FoldTable.LEN_BITS])) {
                    f = pool[e >>> FoldTable.LEN_BITS];
                    kind = poolKind[e >>> FoldTable.LEN_BITS];
                } else {
                    // drop, expansion or surrogate pair: state moves to fields and back
                    this.w = w;
                    this.prevCp = prevCp;
                    this.prevKind = prevKind;
                    this.wordStart = wordStart;
                    this.leetCandidate = leet;
                    this.separatorCandidate = sep;
                    i = foldComplex(in, n, i, out);
                    // expansions may have used the slack: the inline path writes at most one char per raw char
                    out.ensureCapacity(this.w + (n - i) + 16);
                    buf = out.chars;
                    start = out.start;
                    end = out.end;
                    w = this.w;
                    prevCp = this.prevCp;
                    prevKind = this.prevKind;
                    wordStart = this.wordStart;
                    leet = this.leetCandidate;
                    sep = this.separatorCandidate;
                    continue;
                }
            }
            switch (kind) {
                case CharKind.LETTER:
                    if (f == prevCp) {
                        end[w - 1] = i + 1;
                    } else {
                        buf[w] = (char) f;
                        start[w] = i;
                        end[w] = i + 1;
                        w++;
                        prevCp = f;
                        prevKind = CharKind.LETTER;
                    }
                    break;
                case CharKind.DIGIT:
                    leet |= prevKind == CharKind.LETTER;
                    buf[w] = (char) f;
                    start[w] = i;
                    end[w] = i + 1;
                    w++;
                    prevCp = f;
                    prevKind = CharKind.DIGIT;
                    break;
                case CharKind.SPACE:
                    if (prevKind != CharKind.SPACE) {
                        sep |= prevKind == CharKind.LETTER && w - wordStart == 1;
                        buf[w] = ' ';
                        start[w] = i;
                        end[w] = i + 1;
                        w++;
                        prevCp = ' ';
                        prevKind = CharKind.SPACE;
                        wordStart = w;
                    }
                    break;
                case CharKind.PUNCT:
                case CharKind.OTHER:
                    if (f == prevCp && kind == CharKind.PUNCT) {
                        end[w - 1] = i + 1;
                        break;
                    }
                    if (prevKind == CharKind.LETTER) {
                        leet |= LeetStep.isLeetSymbol(f);
                        sep |= w - wordStart == 1 && f < 0x80 && SeparatorStep.isSeparator((char) f);
                    }
                    buf[w] = (char) f;
                    start[w] = i;
                    end[w] = i + 1;
                    w++;
                    prevCp = f;
                    prevKind = kind;
                    wordStart = w;
                    break;
                default: // DROP
                    break;
            }
            i++;
        }
        if (w > 0 && buf[w - 1] == ' ') {
            w--;
        }
        out.length = w;
        this.leetCandidate = leet;
        this.separatorCandidate = sep;
    }

    /** Folds the code point at {@code i} the slow way; returns the index after it. */
    private int foldComplex(char[] in, int n, int i, FoldBuffer out) {
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

    /** The general form of the inline run rules, for one folded code point with raw span [rs, re). */
    private void emit(int cp, int kind, int rs, int re, FoldBuffer out) {
        switch (kind) {
            case CharKind.LETTER:
                if (cp == prevCp) {
                    out.end[w - 1] = re;
                    return;
                }
                break;
            case CharKind.DIGIT:
                leetCandidate |= prevKind == CharKind.LETTER;
                break;
            case CharKind.SPACE:
                if (prevKind == CharKind.SPACE) {
                    return;
                }
                separatorCandidate |= prevKind == CharKind.LETTER && w - wordStart == 1;
                break;
            case CharKind.PUNCT:
            case CharKind.OTHER:
                if (cp == prevCp && kind == CharKind.PUNCT) {
                    out.end[w - 1] = re;
                    return;
                }
                if (prevKind == CharKind.LETTER) {
                    leetCandidate |= LeetStep.isLeetSymbol(cp);
                    separatorCandidate |= w - wordStart == 1 && cp < 0x80 && SeparatorStep.isSeparator((char) cp);
                }
                break;
            default: // DROP
                return;
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
        if (kind != CharKind.LETTER && kind != CharKind.DIGIT) {
            wordStart = w;
        }
    }
}
