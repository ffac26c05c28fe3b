package io.vigie.stream.topology;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A processor's view of a store it alone writes, keeping the last values it read or wrote as objects, so that
 * the next message of an active conversation does not deserialize the state the previous one just wrote. Every
 * write still goes to the store (and its changelog) first; the cache only saves reads.
 *
 * <p>Correct because the owning processor is the store's only writer and the cache lives exactly as long as
 * the processor's {@code init}: Kafka Streams calls {@code init} again whenever it re-creates or revives the task
 * (after a rebalance, or a task corrupted under exactly-once, whose store is then restored), and the processor
 * makes a new view there. Values must be immutable. Least recently used entries leave first.
 *
 * <p>Not thread-safe: one stream task owns it.
 *
 * @param <V> the value type
 */
final class ObjectCachingStore<V> implements KeyValueStore<String, V> {

    private final KeyValueStore<String, V> store;
    private final Map<String, V> recent;

    /**
     * @param store    the task's store, as the processor context gives it
     * @param capacity entries kept as objects; 0 reads every value from the store
     */
    ObjectCachingStore(KeyValueStore<String, V> store, int capacity) {
        this.store = store;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The store itself when caching is off, else a caching view of it. */
    static <V> KeyValueStore<String, V> of(KeyValueStore<String, V> store, int capacity) {
        return capacity <= 0 ? store : new ObjectCachingStore<>(store, capacity);
    }

    @Override
    public V get(String key) {
        V v = recent.get(key);
        if (v == null) {
            v = store.get(key);
            if (v != null) {
                recent.put(key, v);
            }
        }
        return v;
    }

    @Override
    public void put(String key, V value) {
        store.put(key, value);
        remember(key, value);
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V old = store.putIfAbsent(key, value);
        if (old == null) {
            remember(key, value);
        }
        return old;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        store.putAll(entries);
        for (KeyValue<String, V> kv : entries) {
            remember(kv.key, kv.value);
        }
    }

    @Override
    public V delete(String key) {
        recent.remove(key);
        return store.delete(key);
    }

    private void remember(String key, V value) {
        if (value == null) {
            recent.remove(key);
        } else {
            recent.put(key, value);
        }
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        return store.range(from, to);
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        return store.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return store.all();
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        return store.reverseAll();
    }

    @Override
    public <S extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, S prefixKeySerializer) {
        return store.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return store.approximateNumEntries();
    }

    @Override
    public String name() {
        return store.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        store.init(context, root);
    }

    @Override
    public void close() {
        recent.clear();
        store.close();
    }

    @Override
    public boolean persistent() {
        return store.persistent();
    }

    @Override
    public boolean isOpen() {
        return store.isOpen();
    }
}
