package io.vigie.stream.topology;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The replay store must behave like Kafka Streams' in-memory store as the processors use it: same gets, and ranges
 * in the byte order of the UTF-8 keys (the order a serialized store iterates in), so that sweeps and prefix scans
 * see the same entries in the same order live and in replay.
 */
class ObjectStoreTest {

    /** Keys mixing ASCII, Latin-1, the BMP above the surrogates, and supplementary characters. */
    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().withChars("ab\u00e9\u4e2d\uff41\ufffd").withChars("\ud83d\ude00\ud83d\ude01")
                .ofMaxLength(6).filter(s -> !hasLoneSurrogate(s));
    }

    @Property(tries = 2000)
    void shouldOrderKeysLikeTheirUtf8Bytes(@ForAll("keys") String a, @ForAll("keys") String b) {
        assertEquals(Integer.signum(Arrays.compareUnsigned(utf8(a), utf8(b))),
                Integer.signum(ObjectStore.CODE_POINT_ORDER.compare(a, b)), a + " vs " + b);
    }

    @Property(tries = 300)
    void shouldAnswerLikeAByteOrderedMapAfterAnySequenceOfWrites(
            @ForAll("writes") List<Map.Entry<String, Integer>> writes,
            @ForAll("keys") String from, @ForAll("keys") String to) {
        ObjectStore<Integer> store = new ObjectStore<>("s");
        TreeMap<byte[], KeyValue<String, Integer>> expected = new TreeMap<>(Arrays::compareUnsigned);
        for (Map.Entry<String, Integer> w : writes) {
            store.put(w.getKey(), w.getValue());
            if (w.getValue() == null) {
                expected.remove(utf8(w.getKey()));
            } else {
                expected.put(utf8(w.getKey()), KeyValue.pair(w.getKey(), w.getValue()));
            }
        }
        assertEquals(new ArrayList<>(expected.values()), drain(store.all()));
        List<KeyValue<String, Integer>> range = Arrays.compareUnsigned(utf8(from), utf8(to)) > 0 ? List.of()
                : new ArrayList<>(expected.subMap(utf8(from), true, utf8(to), true).values());
        assertEquals(range, drain(store.range(from, to)));
        assertEquals(expected.size(), store.approximateNumEntries());
        for (KeyValue<String, Integer> kv : expected.values()) {
            assertEquals(kv.value, store.get(kv.key));
        }
    }

    @Provide
    Arbitrary<List<Map.Entry<String, Integer>>> writes() {
        Arbitrary<Integer> values = Arbitraries.integers().between(0, 9).injectNull(0.3);
        return keys().flatMap(k -> values.map(v -> (Map.Entry<String, Integer>) new java.util.AbstractMap
                .SimpleEntry<>(k, v))).list().ofMaxSize(40);
    }

    @Test
    void shouldLetTheCallerDeleteWhileIteratingASnapshot() {
        ObjectStore<Integer> store = new ObjectStore<>("s");
        for (int i = 0; i < 10; i++) {
            store.put("k" + i, i);
        }
        int seen = 0;
        try (KeyValueIterator<String, Integer> it = store.all()) {
            while (it.hasNext()) {
                store.delete(it.next().key);
                seen++;
            }
        }
        assertEquals(10, seen);
        assertEquals(0, store.approximateNumEntries());
        assertNull(store.get("k3"));
        assertFalse(store.all().hasNext());
    }

    private static List<KeyValue<String, Integer>> drain(KeyValueIterator<String, Integer> it) {
        List<KeyValue<String, Integer>> out = new ArrayList<>();
        while (it.hasNext()) {
            out.add(it.next());
        }
        it.close();
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
