package io.vigie.load.bench;

import io.vigie.core.contract.Attachment;
import io.vigie.core.rule.Finding;
import io.vigie.core.rule.ScoringContext;
import io.vigie.core.normalize.TextNormalizer;
import io.vigie.core.rule.RulePack;
import io.vigie.core.cue.CueExtractor;
import io.vigie.core.cue.MessageCues;
import io.vigie.core.cue.CueModel;
import java.util.ArrayList;
import java.util.List;
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
 * Each core stage alone, one op = one message from a realistic simulator mix (1 % harmful): normalize,
 * normalize + match + signals, and the rules over precomputed features. The rules benchmark keeps one
 * extractor per message so every message's features stay valid (an extractor's view lives until its next call).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
public class CoreStageBenchmark {

    /** Message length in UTF-16 chars; 60 is the median chat line. */
    @Param({"60", "240"})
    public int length;

    private static final int MESSAGES = 4096;
    private static final int RULE_MESSAGES = 1024;
    private static final long EVENT_TIME_MS = 1_795_896_000_000L;

    private String[] messages;
    private TextNormalizer normalizer;
    private CueExtractor extractor;
    private RulePack rules;
    private MessageCues[] features;
    private final ScoringContext context = ScoringContext.none();
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        messages = BenchData.messages(MESSAGES, length, 0.01, 1);
        normalizer = CoreStages.normalizer();
        CueModel model = CoreStages.cueModel();
        extractor = model.newExtractor();
        rules = CoreStages.rulePack(model);
        features = new MessageCues[RULE_MESSAGES];
        for (int i = 0; i < RULE_MESSAGES; i++) {
            features[i] = model.newExtractor().extract(messages[i], List.<Attachment>of(), EVENT_TIME_MS);
        }
    }

    @Benchmark
    public Object normalize() {
        return normalizer.normalize(messages[next++ & (MESSAGES - 1)]);
    }

    @Benchmark
    public Object matchAndSignals() {
        return extractor.extract(messages[next++ & (MESSAGES - 1)], List.of(), EVENT_TIME_MS);
    }

    @Benchmark
    public int rules() {
        findings.clear();
        errors.clear();
        rules.evaluate(features[next++ & (RULE_MESSAGES - 1)], context, findings, errors);
        return findings.size() + errors.size();
    }
}
