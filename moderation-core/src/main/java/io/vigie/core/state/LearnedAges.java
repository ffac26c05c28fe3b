package io.vigie.core.state;

import io.vigie.core.contract.Alert;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The immutable map a {@link ConversationState} keeps its learned ages in, iterated in user id order. Every message
 * of a public room lists the people there who said their age, in that order ({@code Ages.audience}); a room holds
 * up to the policy's participants, and sorting their ids for each message was a large part of a room message's
 * assessment. Two sorted arrays, looked up by binary search. A plain {@link Map} otherwise: equal to any map with
 * the same entries, unmodifiable, no null key or value.
 */
public final class LearnedAges extends AbstractMap<String, Alert.PersonAge> {

    private static final LearnedAges EMPTY = new LearnedAges(new String[0], new Alert.PersonAge[0]);

    private final String[] ids;
    private final Alert.PersonAge[] ages;

    private LearnedAges(String[] ids, Alert.PersonAge[] ages) {
        this.ids = ids;
        this.ages = ages;
    }

    /**
     * The entries of {@code map} in user id order: the map itself when it is a {@code LearnedAges}.
     *
     * @throws NullPointerException on a null map, key or value
     */
    public static LearnedAges copyOf(Map<String, Alert.PersonAge> map) {
        if (map instanceof LearnedAges l) {
            return l;
        }
        if (map.isEmpty()) {
            return EMPTY;
        }
        String[] ids = new String[map.size()];
        int n = 0;
        for (String id : map.keySet()) {
            ids[n++] = Objects.requireNonNull(id, "a learned age needs a user id");
        }
        Arrays.sort(ids);
        Alert.PersonAge[] ages = new Alert.PersonAge[n];
        for (int i = 0; i < n; i++) {
            ages[i] = Objects.requireNonNull(map.get(ids[i]), "a learned age must not be null");
        }
        return new LearnedAges(ids, ages);
    }

    /** The empty map. */
    public static LearnedAges of() {
        return EMPTY;
    }

    @Override
    public int size() {
        return ids.length;
    }

    /** The user id of the {@code i}-th entry in id order. */
    public String idAt(int i) {
        return ids[i];
    }

    /** The age view of the {@code i}-th entry in id order. */
    public Alert.PersonAge ageAt(int i) {
        return ages[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Alert.PersonAge get(Object key) {
        int i = indexOf(key);
        return i >= 0 ? ages[i] : null;
    }

    private int indexOf(Object key) {
        return key instanceof String s ? Arrays.binarySearch(ids, s) : -1;
    }

    @Override
    public Set<Entry<String, Alert.PersonAge>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Alert.PersonAge>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < ids.length;
                    }

                    @Override
                    public Entry<String, Alert.PersonAge> next() {
                        if (next >= ids.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(ids[i], ages[i]);
                    }
                };
            }

            @Override
            public int size() {
                return ids.length;
            }
        };
    }
}
