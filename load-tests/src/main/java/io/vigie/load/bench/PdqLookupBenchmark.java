package io.vigie.load.bench;

import io.vigie.core.cue.internal.PdqIndex;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Near-duplicate lookup of a PDQ hash (256 bits, Hamming distance at most {@code threshold}) in a list of
 * generated hashes: half the queries are a listed hash with 12 bits flipped, half are random. The core's
 * index ({@code io.vigie.core.cue.internal.PdqIndex}, what {@code CueModels} builds from hash lists)
 * against a linear scan with popcount; one op = one attachment looked up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
public class PdqLookupBenchmark {

    /** Number of listed hashes. */
    @Param({"1000000"})
    public int listed;

    /** Largest Hamming distance that counts as a match (PDQ's customary threshold is 31). */
    @Param({"31"})
    public int threshold;

    private static final int QUERIES = 1024;

    private long[] hashes;
    private long[] queries;
    private long[][] queryArrays;
    private PdqIndex index;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        hashes = BenchData.randomHashes(listed, 11);
        queries = BenchData.queries(hashes, QUERIES, 12, 12);
        queryArrays = new long[QUERIES][];
        for (int q = 0; q < QUERIES; q++) {
            queryArrays[q] = java.util.Arrays.copyOfRange(queries, q * 4, q * 4 + 4);
        }
        index = new PdqIndex(hashes, listed, threshold);
    }

    /** The core's multi-index hashing (16 chunks of 16 bits): smallest distance within the threshold, or -1. */
    @Benchmark
    public int coreMultiIndex() {
        return index.nearest(queryArrays[next++ & (QUERIES - 1)]);
    }

    /** Linear scan: index of the first listed hash within the threshold, or -1. */
    @Benchmark
    public int linearScan() {
        int q = (next++ & (QUERIES - 1)) * 4;
        return PdqScan.firstWithin(hashes, queries[q], queries[q + 1], queries[q + 2], queries[q + 3], threshold);
    }

    /** Scan helpers, shared with the tests. */
    public static final class PdqScan {
        private PdqScan() {
        }

        /** Index of the first hash of {@code list} within {@code threshold} bits of the query, or -1. */
        public static int firstWithin(long[] list, long a, long b, long c, long d, int threshold) {
            for (int i = 0, n = list.length / 4; i < n; i++) {
                int o = i * 4;
                int distance = Long.bitCount(list[o] ^ a) + Long.bitCount(list[o + 1] ^ b);
                if (distance > threshold) {
                    continue;
                }
                distance += Long.bitCount(list[o + 2] ^ c) + Long.bitCount(list[o + 3] ^ d);
                if (distance <= threshold) {
                    return i;
                }
            }
            return -1;
        }
    }
}
