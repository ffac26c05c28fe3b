package io.vigie.core.testing;

import io.vigie.core.cue.MessageCues;

import java.util.Arrays;

/**
 * The result side of the test signal models: which cues fired on one message, how often, the span of the first
 * occurrence of each, and the stated age. A fake extractor calls {@link #reset(CharSequence)}, then
 * {@link #hit(int, int, int)} and {@link #statedAge(int, int, int)} as it finds things, then {@link #finish()};
 * {@link #firedCues()} lists the fired cue ids in ascending order. Reused message after message; not
 * thread-safe. A start or end of -1 means "no span" (a cue that did not fire, or one fired by an attachment).
 */
public final class FakeCues implements MessageCues {

    private final int[] count;
    private final int[] start;
    private final int[] end;
    private final int[] fired;
    private int firedCount;
    private int statedAge;
    private int statedStart;
    private int statedEnd;
    private CharSequence raw = "";

    /** @param cueCount the size of the cue registry; ids run from 0 to {@code cueCount - 1} */
    public FakeCues(int cueCount) {
        count = new int[cueCount];
        start = new int[cueCount];
        end = new int[cueCount];
        fired = new int[cueCount];
    }

    /** Forgets the previous message and starts on {@code text} (never null). */
    public void reset(CharSequence text) {
        raw = text;
        Arrays.fill(count, 0);
        Arrays.fill(start, -1);
        Arrays.fill(end, -1);
        firedCount = 0;
        statedAge = -1;
        statedStart = -1;
        statedEnd = -1;
    }

    /** Counts one occurrence of {@code cueId}; the first occurrence gives the span [{@code s}, {@code e}). */
    public void hit(int cueId, int s, int e) {
        if (count[cueId]++ == 0) {
            start[cueId] = s;
            end[cueId] = e;
        }
    }

    /** Records the stated age and its span (this does not fire any cue). */
    public void statedAge(int age, int s, int e) {
        statedAge = age;
        statedStart = s;
        statedEnd = e;
    }

    /** Lists the fired cues, in ascending id order; call after the last {@link #hit(int, int, int)}. */
    public FakeCues finish() {
        firedCount = 0;
        for (int c = 0; c < count.length; c++) {
            if (count[c] > 0) {
                fired[firedCount++] = c;
            }
        }
        return this;
    }

    @Override
    public CharSequence raw() {
        return raw;
    }

    @Override
    public boolean has(int cueId) {
        return count[cueId] > 0;
    }

    @Override
    public int count(int cueId) {
        return count[cueId];
    }

    @Override
    public int start(int cueId) {
        return start[cueId];
    }

    @Override
    public int end(int cueId) {
        return end[cueId];
    }

    @Override
    public int statedAge() {
        return statedAge;
    }

    @Override
    public int statedAgeStart() {
        return statedStart;
    }

    @Override
    public int statedAgeEnd() {
        return statedEnd;
    }

    @Override
    public int[] firedCues() {
        return fired;
    }

    @Override
    public int firedCount() {
        return firedCount;
    }
}
