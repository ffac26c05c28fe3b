package io.vigie.core.normalize.internal;

import java.util.Arrays;

/**
 * Step 1: per-code-point folding through the {@link FoldTable}, fused with the run rules that need no word
 * context: drops (controls, format chars, apostrophes, marks, unpaired surrogates), blank runs to one space
 * (trimmed), runs of the same letter to one letter, runs of the same punctuation char to one. A squashed or
 * merged char widens the raw span of the folded char before it; dropped chars belong to no folded char.
 *
 * <p>Every char that folds to at most one BMP char (all of ASCII, most of the BMP) goes through one
 * branch-free body: the table entry carries the folded char and the flag bits that decide whether to emit,
 * so chat text costs no branch mispredictions at word boundaries. Expansions and surrogate pairs take
 * {@link #foldComplex}, which applies the same rules through {@link #emit}; keep the two in step.
 * Also notes whether the later word-level steps can have anything to do.
 *
 * <p>Not thread-safe: holds per-call state; one per normalizer.
 */
final class FoldStep {

    private final FoldTable table;
    private final char[] pool;
    private final byte[] poolKind;

    // per-call state, in fields only across the slow path
    private int w;
    private int prevCp;
    /** Simple-entry bits of the last emitted char, plus {@link FoldTable#LONE}. */
    private int prevState;
    /** A digit or leet symbol followed a letter: the leet step may have work. */
    boolean leetCandidate;
    /** A separator followed a one-letter word: the separator step may have work. */
    boolean separatorCandidate;
    /**
     * A token of the folded text (a run of {@code [a-z0-9]}) may be a chat spelling
     * ({@link SpellingStep#mayBeVariant}): unless a later step changes the text, the spelling step has work only
     * when this is set.
     */
    boolean spellingCandidate;
    /** The {@link SpellingStep#packed} key of the token being folded, in a field only across the slow path. */
    private long tokenKey;
    /**
     * Raw indexes right after an elision apostrophe that follows a letter ({@code j'ai}, {@code l’article}),
     * ascending: {@code rawElisions[0 .. rawElisionCount)}.
     */
    int[] rawElisions = new int[8];
    int rawElisionCount;

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
        final int[] ascii = FoldTable.ASCII_PACKED;
        final char[] index = table.index;
        final int[] blocks = table.blocks;
        int w = 0;
        int prevCp = ' '; // so leading blanks are trimmed
        int prevState = FoldTable.SEP; // a blank: not a word
        int flags = 0;
        final byte[] tokenChar = SpellingStep.TOKEN_CHAR;
        long token = 0;
        int spelling = 0;
        rawElisionCount = 0;
        int i = 0;
        while (i < n) {
            char c = in[i];
            int key = c;
            int next = i + 1;
            int e = c < 0x80 ? ascii[c]
                    : blocks[(index[c >>> FoldTable.BLOCK_SHIFT] << FoldTable.BLOCK_SHIFT) | (c & FoldTable.BLOCK_MASK)];
            if (e < 0 && Character.isHighSurrogate(c) && next < n && Character.isLowSurrogate(in[next])) {
                // a pair that folds to one BMP char (mathematical, enclosed, fullwidth-like letters) stays inline
                int cp = Character.toCodePoint(c, in[next]);
                int pe = cp <= FoldTable.maxCodePoint() ? table.entry(cp) : FoldTable.COMPLEX;
                if (pe >= 0 && (pe & FoldTable.KEEP_SUPPLEMENTARY) == 0) {
                    e = pe;
                    key = cp;
                    next++;
                }
            }
            if (e < 0) {
                // expansion, unpaired surrogate or kept supplementary: state moves to fields and back
                this.w = w;
                this.prevCp = prevCp;
                this.prevState = prevState;
                this.tokenKey = token;
                this.spellingCandidate = false;
                i = foldComplex(in, n, i, out);
                // expansions may have used the slack: the inline path writes at most one char per raw char
                out.ensureCapacity(this.w + (n - i) + 16);
                buf = out.chars;
                start = out.start;
                end = out.end;
                w = this.w;
                prevCp = this.prevCp;
                prevState = this.prevState;
                token = this.tokenKey;
                flags |= (this.leetCandidate ? FoldTable.LEETY : 0) | (this.separatorCandidate ? FoldTable.SEP : 0);
                spelling |= this.spellingCandidate ? 1 : 0;
                continue;
            }
            if ((e & FoldTable.APOSTROPHE) != 0) {
                elision(in, i);
            }
            int f = (e ^ key) & FoldTable.CHAR_MASK;
            int keep = ~e >>> 17 & 1; // 0 for DROP
            // emit unless it repeats the previous letter, punctuation or blank (digits and symbols always)
            int emit = ((f != prevCp ? 1 : 0) | (e >>> 16 & 1)) & keep;
            // LEETY after LETTER (bit 18 -> 20) and SEP after LONE (bit 23 -> 21), without branches
            flags |= e & (prevState << 2 & FoldTable.LEETY | prevState >>> 2 & FoldTable.SEP);
            buf[w] = (char) f;
            start[w] = i;
            // a repeat widens the previous char's span; a dropped char writes to the scratch slot w (and so
            // does a leading blank, through index 0 while w == 0)
            end[Math.max(w - (keep & (emit ^ 1)), 0)] = next;
            if (emit != 0) {
                // LONE: a letter after a char that is not a letter or digit (WORD bit 19 -> 18)
                prevState = e | (e & ~(prevState >>> 1) & FoldTable.LETTER) << 5;
                prevCp = f;
                w++;
                // the chat-spelling check, without branches: a char that is no token char ends the token before it
                int t = tokenChar[f & 0x7F] & (f - 0x80) >>> 31;
                spelling |= SpellingStep.mayBeVariant(token) & (t ^ 1);
                token = SpellingStep.packed(token, (char) f) & -(long) t;
            }
            i = next;
        }
        if (w > 0 && buf[w - 1] == ' ') {
            w--;
        }
        out.length = w;
        this.leetCandidate = (flags & FoldTable.LEETY) != 0;
        this.separatorCandidate = (flags & FoldTable.SEP) != 0;
        this.spellingCandidate = (spelling | SpellingStep.mayBeVariant(token)) != 0;
    }

    /** Notes an elision when the apostrophe at raw index {@code i} follows a letter. */
    private void elision(char[] in, int i) {
        if (i > 0 && Character.isLetter(in[i - 1])) {
            if (rawElisionCount == rawElisions.length) {
                rawElisions = Arrays.copyOf(rawElisions, rawElisionCount * 2);
            }
            rawElisions[rawElisionCount++] = i + 1;
        }
    }

    /** Folds the code point at {@code i} the slow way; returns the index after it. */
    private int foldComplex(char[] in, int n, int i, FoldBuffer out) {
        leetCandidate = false;
        separatorCandidate = false;
        char c = in[i];
        if (FoldTable.isElisionApostrophe(c)) {
            elision(in, i);
        }
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
        if (!FoldTable.isComplex(e)) {
            if ((e & FoldTable.KEEP_SUPPLEMENTARY) != 0) {
                emit(cp, FoldTable.kindOf(e), i, next, out);
            } else if ((e & FoldTable.DROP) == 0) {
                emit((e ^ cp) & FoldTable.CHAR_MASK, FoldTable.kindOf(e), i, next, out);
            }
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

    /** The general form of the inline rules, for one folded code point with raw span [rs, re). */
    private void emit(int cp, int kind, int rs, int re, FoldBuffer out) {
        if (kind == CharKind.DROP) {
            return;
        }
        boolean squashable = kind == CharKind.LETTER || kind == CharKind.PUNCT || kind == CharKind.SPACE;
        if (squashable && cp == prevCp) {
            if (w > 0) {
                out.end[w - 1] = re;
            }
            return;
        }
        int e = FoldTable.simple(cp, cp, kind);
        if ((prevState & FoldTable.LETTER) != 0 && (e & FoldTable.LEETY) != 0) {
            leetCandidate = true;
        }
        if ((prevState & FoldTable.LONE) != 0 && (e & FoldTable.SEP) != 0) {
            separatorCandidate = true;
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
        prevState = e | (e & ~(prevState >>> 1) & FoldTable.LETTER) << 5;
        if (cp < 0x80 && SpellingStep.TOKEN_CHAR[cp] != 0) {
            tokenKey = SpellingStep.packed(tokenKey, (char) cp);
        } else {
            spellingCandidate |= SpellingStep.mayBeVariant(tokenKey) != 0;
            tokenKey = 0;
        }
    }
}
