package io.vigie.core.cue.internal;

import io.vigie.core.cue.MessageCues;

/**
 * The reused per-extractor result. Only the cues that fired are reset before the next message, so a quiet
 * message costs nothing here. Not thread-safe.
 */
final class CueHits implements MessageCues {

    private final int[] counts;
    private final int[] starts;
    private final int[] ends;
    private final int[] fired;
    private int firedCount;
    private CharSequence raw = "";
    private int statedAge = -1;
    private int statedAgeStart = -1;
    private int statedAgeEnd = -1;
    private boolean statedAgeFirstPerson;
    private String error;
    private char[] foldedChars;
    private int foldedLength;
    private float context;
    private float contextScore = Float.NaN;

    CueHits(int cueCount) {
        counts = new int[cueCount];
        starts = new int[cueCount];
        ends = new int[cueCount];
        fired = new int[cueCount];
    }

    void reset(CharSequence text) {
        for (int i = 0; i < firedCount; i++) {
            counts[fired[i]] = 0;
        }
        firedCount = 0;
        raw = text;
        statedAge = -1;
        statedAgeStart = -1;
        statedAgeEnd = -1;
        statedAgeFirstPerson = false;
        error = null;
        foldedChars = null;
        context = 0f;
        contextScore = Float.NaN;
    }

    /** The conversation's context sum and score with this message. */
    void context(float sum, float score) {
        context = sum;
        contextScore = score;
    }

    @Override
    public float contextSum() {
        return context;
    }

    @Override
    public float contextScore() {
        return contextScore;
    }

    /** The folded text of this message (a reused buffer, read only by {@link #folded()}). */
    void folded(char[] chars, int length) {
        foldedChars = chars;
        foldedLength = length;
    }

    @Override
    public String folded() {
        return foldedChars == null ? raw.toString() : new String(foldedChars, 0, foldedLength);
    }

    /** Notes a problem met while extracting (the first one is kept). */
    void error(String reason) {
        if (error == null) {
            error = reason;
        }
    }

    @Override
    public String error() {
        return error;
    }

    /** Records one occurrence; the kept span is the earliest-starting one (-1 spans sort last). */
    void fire(int cue, int rawStart, int rawEnd) {
        int c = counts[cue];
        if (c == 0) {
            fired[firedCount++] = cue;
            starts[cue] = rawStart;
            ends[cue] = rawEnd;
        } else if (rawStart >= 0 && (starts[cue] < 0 || rawStart < starts[cue])) {
            starts[cue] = rawStart;
            ends[cue] = rawEnd;
        }
        counts[cue] = c + 1;
    }

    /** Keeps the earliest stated age. */
    void statedAge(int age, int rawStart, int rawEnd, boolean firstPerson) {
        if (statedAge < 0 || rawStart < statedAgeStart) {
            statedAge = age;
            statedAgeFirstPerson = firstPerson;
            statedAgeStart = rawStart;
            statedAgeEnd = rawEnd;
        }
    }

    /** Sorts the fired ids ascending (insertion sort: a handful of entries). */
    void finish() {
        for (int i = 1; i < firedCount; i++) {
            int v = fired[i];
            int j = i - 1;
            while (j >= 0 && fired[j] > v) {
                fired[j + 1] = fired[j];
                j--;
            }
            fired[j + 1] = v;
        }
    }

    @Override
    public CharSequence raw() {
        return raw;
    }

    @Override
    public boolean has(int cueId) {
        return cueId >= 0 && cueId < counts.length && counts[cueId] > 0;
    }

    @Override
    public int count(int cueId) {
        return has(cueId) ? counts[cueId] : 0;
    }

    @Override
    public int start(int cueId) {
        return has(cueId) ? starts[cueId] : -1;
    }

    @Override
    public int end(int cueId) {
        return has(cueId) ? ends[cueId] : -1;
    }

    @Override
    public int statedAge() {
        return statedAge;
    }

    @Override
    public boolean statedAgeFirstPerson() {
        return statedAgeFirstPerson;
    }

    @Override
    public int statedAgeStart() {
        return statedAgeStart;
    }

    @Override
    public int statedAgeEnd() {
        return statedAgeEnd;
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
