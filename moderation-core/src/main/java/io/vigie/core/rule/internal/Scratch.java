package io.vigie.core.rule.internal;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Per-thread scratch for regex rules: the folded text, one reusable matcher per distinct regex, and a memo
 * of each regex's first match on the current message, so a regex shared by several rules (a veto such as
 * family words) runs at most once per message. Not thread-safe; held in a {@link ThreadLocal} by the pack
 * so the pack itself stays immutable and shared. Call {@link #clear()} before each message.
 */
final class Scratch implements CharSequence {

    private char[] buf = new char[256];
    private int len;
    private boolean folded;
    private int generation = 1;
    private final Matcher[] matchers;
    private final int[] memoGeneration;
    private final int[] memoStart;
    private final int[] memoEnd;
    private final int[] span = new int[2];

    Scratch(int regexCount) {
        this.matchers = new Matcher[regexCount];
        this.memoGeneration = new int[regexCount];
        this.memoStart = new int[regexCount];
        this.memoEnd = new int[regexCount];
    }

    /** Forgets the last message: its folded text and every memoized match. */
    void clear() {
        folded = false;
        generation++;
    }

    /**
     * Whether regex {@code slot} matches the folded form of {@code raw}; the text is folded once per message
     * and each slot runs once per message.
     */
    boolean find(int slot, Pattern pattern, LiteralAlternation literal, CharSequence raw) {
        if (memoGeneration[slot] != generation) {
            if (!folded) {
                if (buf.length < raw.length()) {
                    buf = new char[Math.max(raw.length(), buf.length * 2)];
                }
                len = Folding.foldInto(raw, buf);
                folded = true;
            }
            if (literal != null) {
                if (!literal.find(buf, len, span)) {
                    span[0] = -1;
                    span[1] = -1;
                }
                memoStart[slot] = span[0];
                memoEnd[slot] = span[1];
                memoGeneration[slot] = generation;
                return span[0] >= 0;
            }
            Matcher m = matchers[slot];
            if (m == null) {
                m = pattern.matcher(this);
                matchers[slot] = m;
            } else {
                m.reset(this);
            }
            if (m.find()) {
                memoStart[slot] = m.start();
                memoEnd[slot] = m.end();
            } else {
                memoStart[slot] = -1;
                memoEnd[slot] = -1;
            }
            memoGeneration[slot] = generation;
        }
        return memoStart[slot] >= 0;
    }

    /** Start of the last {@link #find} match of {@code slot} (a raw offset: the fold keeps offsets). */
    int start(int slot) {
        return memoStart[slot];
    }

    /** End (exclusive) of the last {@link #find} match of {@code slot}. */
    int end(int slot) {
        return memoEnd[slot];
    }

    @Override
    public int length() {
        return len;
    }

    @Override
    public char charAt(int index) {
        if (index >= len) {
            throw new IndexOutOfBoundsException(index);
        }
        return buf[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(buf, start, end - start);
    }

    @Override
    public String toString() {
        return new String(buf, 0, len);
    }
}
