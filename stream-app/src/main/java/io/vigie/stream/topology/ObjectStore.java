package io.vigie.stream.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.TreeSet;

/**
 * An in-memory key-value store that keeps the (immutable) values themselves instead of their serialized bytes,
 * for {@code replay}: no changelog, nothing to restore, so the JSON round trip on every {@code get} and
 * {@code put} of the serialized in-memory store bought nothing but cost about 40 % of a replay.
 *
 * <p>Same semantics as Kafka Streams' in-memory store as the processors use it: a {@code null} value deletes,
 * iteration is in the byte order of the UTF-8 keys (Unicode code point order) and sees the entries as they were
 * when the iterator was opened, so deleting while iterating is safe. Values must be immutable (the state records
 * of the core are: their constructors copy every collection).
 *
 * <p>Not thread-safe: one stream task (or the global thread) owns it, as with every Kafka Streams store.
 *
 * @param <V> the value type
 */
final class ObjectStore<V> implements KeyValueStore<String, V> {

    /**
     * UTF-8 byte order equals code point order; String's natural order is UTF-16 code unit order, which differs
     * only between a surrogate and a unit of U+E000..U+FFFF. So: compare units, and at the first difference move
     * surrogates above that range before comparing (no code point decoding on the way).
     */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                return Integer.compare(codePointRank(ca), codePointRank(cb));
            }
        }
        return Integer.compare(a.length(), b.length());
    };

    private static int codePointRank(char c) {
        if (c < Character.MIN_SURROGATE) {
            return c;
        }
        return Character.isSurrogate(c) ? c + 0x2000 : c - 0x800;
    }

    private final String name;
    /** The entries: every get and every update of a known key is one hash lookup. */
    private final Map<String, V> map = new HashMap<>();
    /** The keys in order, for ranges: touched only when a key comes or goes. */
    private final NavigableSet<String> keys = new TreeSet<>(CODE_POINT_ORDER);
    private volatile boolean open;

    ObjectStore(String name) {
        this.name = name;
    }

    /** A builder of this store, for {@code addStateStore} and {@code addGlobalStore}; logging and caching off. */
    static <V> StoreBuilder<KeyValueStore<String, V>> builder(String name) {
        return new Builder<>(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> {
            throw new IllegalStateException("store " + name + " has no changelog to restore from");
        });
        open = true;
    }

    @Override
    public void close() {
        map.clear();
        keys.clear();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void put(String key, V value) {
        if (value == null) {
            delete(key);
        } else if (map.put(key, value) == null) {
            keys.add(key);
        }
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V old = map.get(key);
        if (old == null) {
            put(key, value);
        }
        return old;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        for (KeyValue<String, V> kv : entries) {
            put(kv.key, kv.value);
        }
    }

    @Override
    public V delete(String key) {
        V old = map.remove(key);
        if (old != null) {
            keys.remove(key);
        }
        return old;
    }

    @Override
    public V get(String key) {
        return map.get(key);
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        if (from != null && to != null && CODE_POINT_ORDER.compare(from, to) > 0) {
            return snapshot(List.<String>of().iterator());
        }
        NavigableSet<String> sub = keys;
        if (from != null) {
            sub = sub.tailSet(from, true);
        }
        if (to != null) {
            sub = sub.headSet(to, true);
        }
        return snapshot(sub.iterator());
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return snapshot(keys.iterator());
    }

    @Override
    public long approximateNumEntries() {
        return map.size();
    }

    private KeyValueIterator<String, V> snapshot(Iterator<String> ordered) {
        List<KeyValue<String, V>> copy = new ArrayList<>();
        while (ordered.hasNext()) {
            String key = ordered.next();
            copy.add(KeyValue.pair(key, map.get(key)));
        }
        return new KeyValueIterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < copy.size();
            }

            @Override
            public KeyValue<String, V> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return copy.get(next++);
            }

            @Override
            public String peekNextKey() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return copy.get(next).key;
            }

            @Override
            public void close() {
                // a snapshot holds nothing to release
            }
        };
    }

    private static final class Builder<V> implements StoreBuilder<KeyValueStore<String, V>> {
        private final String name;

        Builder(String name) {
            this.name = name;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
            throw new UnsupportedOperationException("an object store has nothing to cache");
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
            throw new UnsupportedOperationException("an object store has no changelog");
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
            return this;
        }

        @Override
        public KeyValueStore<String, V> build() {
            return new ObjectStore<>(name);
        }

        @Override
        public Map<String, String> logConfig() {
            return Map.of();
        }

        @Override
        public boolean loggingEnabled() {
            return false;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
