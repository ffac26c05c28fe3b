package io.vigie.load.bench;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.vigie.core.cue.CueExtractor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.ahocorasick.trie.Trie;
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
 * The core's lexicon terms matched whole-word over the same simulator messages by three libraries, next to
 * the core's own normalize + match + signals, so the ratios show. The libraries get the messages folded (lower case, no accents)
 * beforehand (they have no folding); the core gets the raw text and folds it itself, so its figure includes
 * more work, not less. One op = one message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
public class LexiconBaselineBenchmark {

    /** Message length in UTF-16 chars. */
    @Param({"60", "240"})
    public int length;

    private static final int MESSAGES = 4096;
    private static final long EVENT_TIME_MS = 1_795_896_000_000L;

    private String[] raw;
    private String[] lower;
    private Pattern jdk;
    private LexiconMatchers.HankcsCounter hankcs;
    private Trie robertBor;
    private CueExtractor core;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        List<String> terms = BenchData.coreLexiconTerms();
        raw = BenchData.messages(MESSAGES, length, 0.01, 3);
        lower = BenchData.folded(raw);
        jdk = LexiconMatchers.jdkAlternation(terms);
        AhoCorasickDoubleArrayTrie<Integer> trie = LexiconMatchers.hankcs(terms);
        hankcs = new LexiconMatchers.HankcsCounter(trie);
        robertBor = LexiconMatchers.robertBor(terms);
        core = CoreStages.available("signals") ? CoreStages.cueModel().newExtractor() : null;
    }

    @Benchmark
    public int jdkRegexAlternation() {
        return LexiconMatchers.countJdk(jdk, lower[next++ & (MESSAGES - 1)]);
    }

    @Benchmark
    public int hankcsDoubleArrayWithBoundary() {
        return hankcs.count(lower[next++ & (MESSAGES - 1)]);
    }

    @Benchmark
    public int robertBorWholeWords() {
        return LexiconMatchers.countRobertBor(robertBor, lower[next++ & (MESSAGES - 1)]);
    }

    /** The core's normalize + match + signals on the raw text (fails setup-free, at call, if not landed). */
    @Benchmark
    public Object coreNormalizeMatchSignals() {
        if (core == null) {
            throw new IllegalStateException("the core's CueModels.defaults() has not landed yet");
        }
        return core.extract(raw[next++ & (MESSAGES - 1)], List.of(), EVENT_TIME_MS);
    }
}
