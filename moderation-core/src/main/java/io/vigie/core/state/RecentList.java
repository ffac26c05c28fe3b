package io.vigie.core.state;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The immutable list a {@link ConversationState} keeps its window in: the entries, and beside them, in plain arrays,
 * what updating the window reads of each (its number in the conversation, its event time, whether it keeps text,
 * findings or cues). Every message of a conversation updates its window, and reading those few facts from each
 * entry object (and its {@link java.time.Instant}) was most of the cost of an assessment: the objects of a
 * conversation's entries are scattered over the heap, the arrays are not. A plain {@link List} otherwise: equal to
 * any list with the same entries, unmodifiable.
 */
public final class RecentList extends AbstractList<RecentMessage> implements RandomAccess {

    private static final byte TEXT = 1;
    private static final byte SIGNALS = 2;
    private static final byte CUES = 4;
    private static final RecentList EMPTY = new RecentList(new RecentMessage[0], new int[0], new long[0], new byte[0]);

    private final RecentMessage[] entries;
    private final int[] index;
    private final long[] sentAtMs;
    private final byte[] holds;

    private RecentList(RecentMessage[] entries, int[] index, long[] sentAtMs, byte[] holds) {
        this.entries = entries;
        this.index = index;
        this.sentAtMs = sentAtMs;
        this.holds = holds;
    }

    /** The empty window. */
    public static RecentList of() {
        return EMPTY;
    }

    /**
     * The entries of {@code list} as a {@code RecentList}: the list itself when it is one.
     *
     * @throws NullPointerException on a null list or entry
     */
    public static RecentList copyOf(List<RecentMessage> list) {
        if (list instanceof RecentList r) {
            return r;
        }
        Builder b = new Builder(list.size());
        for (int i = 0; i < list.size(); i++) {
            b.add(Objects.requireNonNull(list.get(i), "a window entry must not be null"));
        }
        return b.build();
    }

    @Override
    public RecentMessage get(int i) {
        Objects.checkIndex(i, entries.length);
        return entries[i];
    }

    @Override
    public int size() {
        return entries.length;
    }

    /** {@code get(i).index()}, without reading the entry. */
    public int index(int i) {
        return index[i];
    }

    /** {@code get(i).sentAt().toEpochMilli()}, without reading the entry. */
    public long sentAtMs(int i) {
        return sentAtMs[i];
    }

    /** {@code get(i).text() != null}, without reading the entry. */
    public boolean keepsText(int i) {
        return (holds[i] & TEXT) != 0;
    }

    /** {@code get(i).withoutText() == get(i)} (it keeps neither text nor findings), without reading the entry. */
    public boolean bare(int i) {
        return (holds[i] & (TEXT | SIGNALS)) == 0;
    }

    /** {@code get(i).keepsNothing()}, without reading the entry. */
    public boolean keepsNothing(int i) {
        return (holds[i] & (TEXT | CUES)) == 0;
    }

    /** A new builder for at most {@code capacity} entries. */
    public static Builder builder(int capacity) {
        return new Builder(capacity);
    }

    /** Collects entries in order, each either new or taken over from a list with what it knows of it. */
    public static final class Builder {
        private final RecentMessage[] entries;
        private final int[] index;
        private final long[] sentAtMs;
        private final byte[] holds;
        private int size;

        private Builder(int capacity) {
            entries = new RecentMessage[capacity];
            index = new int[capacity];
            sentAtMs = new long[capacity];
            holds = new byte[capacity];
        }

        /** Appends an entry. */
        public Builder add(RecentMessage m) {
            entries[size] = m;
            index[size] = m.index();
            sentAtMs[size] = m.sentAt().toEpochMilli();
            holds[size++] = (byte) ((m.text() != null ? TEXT : 0) | (m.signals().isEmpty() ? 0 : SIGNALS)
                    | (m.cues().isEmpty() ? 0 : CUES));
            return this;
        }

        /** Appends entry {@code i} of {@code from}, without reading it. */
        public Builder add(RecentList from, int i) {
            entries[size] = from.entries[i];
            index[size] = from.index[i];
            sentAtMs[size] = from.sentAtMs[i];
            holds[size++] = from.holds[i];
            return this;
        }

        /** Entries appended so far. */
        public int size() {
            return size;
        }

        /** The entry appended at {@code i}. */
        public RecentMessage get(int i) {
            Objects.checkIndex(i, size);
            return entries[i];
        }

        /** {@link RecentList#keepsText} of the entry appended at {@code i}. */
        public boolean keepsText(int i) {
            return (holds[i] & TEXT) != 0;
        }

        /** Replaces the entry at {@code i} by {@code m}. */
        public void set(int i, RecentMessage m) {
            int n = size;
            size = i;
            add(m);
            size = n;
        }

        /** Removes the entry at {@code i}, moving the later ones down. */
        public void remove(int i) {
            int tail = size - i - 1;
            System.arraycopy(entries, i + 1, entries, i, tail);
            System.arraycopy(index, i + 1, index, i, tail);
            System.arraycopy(sentAtMs, i + 1, sentAtMs, i, tail);
            System.arraycopy(holds, i + 1, holds, i, tail);
            entries[--size] = null;
        }

        /** The list; the builder must not be used afterwards. */
        public RecentList build() {
            if (size == 0) {
                return EMPTY;
            }
            if (size == entries.length) {
                return new RecentList(entries, index, sentAtMs, holds);
            }
            return new RecentList(Arrays.copyOf(entries, size), Arrays.copyOf(index, size),
                    Arrays.copyOf(sentAtMs, size), Arrays.copyOf(holds, size));
        }
    }
}
