package io.vigie.load.bench;

import io.vigie.core.ModerationSession;
import io.vigie.core.rule.ScoringContext;
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
 * The whole message path, {@code ModerationSession.score(text, ScoringContext.none(), t)}: normalize, match,
 * signals, rules. Targets (issue 10): at least 1 M msgs/s on one core; at most 100 B allocated per message
 * ({@code -prof gc}: gc.alloc.rate.norm is bytes per op = per message). Run it beside the library baselines
 * ({@code 'ScoreBenchmark|LexiconBaseline'}), and with {@code --prof cpu} on a shared machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
public class ScoreBenchmark {

    /** Message length in UTF-16 chars. */
    @Param({"60", "240"})
    public int length;

    /** realistic: the simulator's default 1 % harmful; benign: no scenario at all (hard negatives remain). */
    @Param({"realistic", "benign"})
    public String mix;

    /** default: the embedded risk model scores every message beside the lexicons; none: without it. */
    @Param({"default", "none"})
    public String riskModel;

    private static final int MESSAGES = 4096;
    private static final long EVENT_TIME_MS = 1_795_896_000_000L;

    private String[] messages;
    private ModerationSession session;
    private final ScoringContext context = ScoringContext.none();
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        double harmful = switch (mix) {
            case "realistic" -> 0.01;
            case "benign" -> 0.0;
            default -> throw new IllegalArgumentException("mix must be realistic or benign, got " + mix);
        };
        messages = BenchData.messages(MESSAGES, length, harmful, 2);
        session = CoreStages.engine(riskModel).newSession();
    }

    @Benchmark
    public int score() {
        return session.score(messages[next++ & (MESSAGES - 1)], context, EVENT_TIME_MS).size();
    }
}
