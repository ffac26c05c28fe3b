package io.vigie.stream.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The conversation processor's cached view: reads saved, never a write lost or a stale value served. */
class ObjectCachingStoreTest {

    private final List<String> reads = new ArrayList<>();
    private final ObjectStore<String> inner = new ObjectStore<>("s");
    private final KeyValueStore<String, String> counted = new Reading(inner, reads);

    @Test
    void shouldServeWhatItWroteWithoutReadingTheStoreAgain() {
        ObjectCachingStore<String> view = new ObjectCachingStore<>(counted, 2);
        view.put("c-1", "v1");
        assertEquals("v1", view.get("c-1"));
        assertEquals("v1", inner.get("c-1"), "the write reached the store");
        assertEquals(List.of(), reads);
    }

    @Test
    void shouldReadAMissOnceThenKeepIt() {
        inner.put("c-1", "stored");
        ObjectCachingStore<String> view = new ObjectCachingStore<>(counted, 2);
        assertEquals("stored", view.get("c-1"));
        assertEquals("stored", view.get("c-1"));
        assertEquals(List.of("c-1"), reads);
        assertNull(view.get("c-absent"));
        assertNull(view.get("c-absent"));
        assertEquals(List.of("c-1", "c-absent", "c-absent"), reads, "absent keys are not remembered as absent");
    }

    @Test
    void shouldForgetDeletedAndNulledKeys() {
        ObjectCachingStore<String> view = new ObjectCachingStore<>(counted, 4);
        view.put("c-1", "v1");
        view.put("c-2", "v2");
        view.delete("c-1");
        view.put("c-2", null);
        assertNull(view.get("c-1"));
        assertNull(view.get("c-2"));
        assertEquals(0, inner.approximateNumEntries());
    }

    @Test
    void shouldEvictTheLeastRecentlyUsedBeyondItsCapacity() {
        ObjectCachingStore<String> view = new ObjectCachingStore<>(counted, 2);
        view.put("c-1", "v1");
        view.put("c-2", "v2");
        view.get("c-1");
        view.put("c-3", "v3"); // c-2 is the least recently used
        reads.clear();
        assertEquals("v1", view.get("c-1"));
        assertEquals("v3", view.get("c-3"));
        assertEquals(List.of(), reads);
        assertEquals("v2", view.get("c-2"));
        assertEquals(List.of("c-2"), reads, "the evicted entry is read back from the store");
    }

    @Test
    void shouldIterateAndSweepThroughTheStore() {
        ObjectCachingStore<String> view = new ObjectCachingStore<>(counted, 4);
        view.put("c-1", "v1");
        view.put("c-2", "v2");
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> it = view.all()) {
            while (it.hasNext()) {
                keys.add(it.next().key);
            }
        }
        keys.forEach(view::delete);
        assertEquals(List.of("c-1", "c-2"), keys);
        assertNull(view.get("c-1"));
        assertEquals(0, view.approximateNumEntries());
    }

    @Test
    void shouldBeTheStoreItselfWhenTurnedOff() {
        assertSame(counted, ObjectCachingStore.of(counted, 0));
    }

    /** The replay store, recording every key read from it. */
    private record Reading(ObjectStore<String> store, List<String> reads) implements KeyValueStore<String, String> {
        @Override
        public String get(String key) {
            reads.add(key);
            return store.get(key);
        }

        @Override
        public void put(String key, String value) {
            store.put(key, value);
        }

        @Override
        public String putIfAbsent(String key, String value) {
            return store.putIfAbsent(key, value);
        }

        @Override
        public void putAll(List<KeyValue<String, String>> entries) {
            store.putAll(entries);
        }

        @Override
        public String delete(String key) {
            return store.delete(key);
        }

        @Override
        public KeyValueIterator<String, String> range(String from, String to) {
            return store.range(from, to);
        }

        @Override
        public KeyValueIterator<String, String> all() {
            return store.all();
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
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            store.close();
        }

        @Override
        public boolean persistent() {
            return false;
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }
}
