package io.vigie.core.rule.internal;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Per-thread scratch for regex rules: the folded text buffer and one reusable matcher per regex rule. Not
 * thread-safe; held in a {@link ThreadLocal} by the pack so the pack itself stays immutable and shared.
 */
final class Scratch implements CharSequence {

    private char[] buf = new char[256];
    private int len;
    private CharSequence foldedFrom;
    private final Matcher[] matchers;

    Scratch(int regexCount) {
        this.matchers = new Matcher[regexCount];
    }

    /** A matcher for regex {@code slot}, reset on the folded form of {@code raw} (folded once per text). */
    Matcher matcher(int slot, Pattern pattern, CharSequence raw) {
        if (foldedFrom != raw) {
            if (buf.length < raw.length()) {
                buf = new char[Math.max(raw.length(), buf.length * 2)];
            }
            len = Folding.foldInto(raw, buf);
            foldedFrom = raw;
        }
        Matcher m = matchers[slot];
        if (m == null) {
            m = pattern.matcher(this);
            matchers[slot] = m;
        } else {
            m.reset(this);
        }
        return m;
    }

    /** Forgets the last text so a reused raw buffer with new content is folded again. */
    void clear() {
        foldedFrom = null;
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
