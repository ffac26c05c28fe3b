package io.vigie.load.bench;

import io.vigie.core.ModerationEngine;
import io.vigie.core.state.ConversationState;
import io.vigie.load.state.StateSizeReport;
import io.vigie.stream.serde.CompactSerde;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The conversation store's write, as the live pipeline makes it once per message: serializing the conversation
 * state the engine just returned with the store's own serde. The states are those of simulated chat (the load
 * driver's simulator, seed 1, {@value #USERS} users), in the order the messages produced them, so a state shares
 * its unchanged window entries with the one written before it for the same conversation, exactly as the stream
 * task's states do. One op is one message. {@code read} is the way back, which the pipeline pays only when a
 * conversation is not in its object cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
public class StateCodecBenchmark {

    static final int MESSAGES = 60_000;
    static final int USERS = 20_000;

    private ConversationState[] states;
    private byte[][] bytes;
    private CompactSerde<ConversationState> serde;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        states = conversationStates(MESSAGES).toArray(ConversationState[]::new);
        serde = CompactSerde.conversations();
        bytes = new byte[states.length][];
        for (int i = 0; i < states.length; i++) {
            bytes[i] = serde.serialize("bench", states[i]);
        }
    }

    /** The conversation state written after each of the first {@code messages} simulated messages, in order. */
    static List<ConversationState> conversationStates(int messages) {
        List<ConversationState> written = new ArrayList<>(messages);
        StateSizeReport.simulate(ModerationEngine.defaults().newSession(), 1, USERS, messages, new HashMap<>(),
                new HashMap<>(), (m, recipients, a) -> written.add(a.conversation()));
        return written;
    }

    /** One conversation state written, as the store's {@code put} serializes it. */
    @Benchmark
    public byte[] write() {
        int i = next;
        next = i + 1 == states.length ? 0 : i + 1;
        return serde.serialize("bench", states[i]);
    }

    /** One conversation state read back, as a store read that misses the object cache deserializes it. */
    @Benchmark
    public ConversationState read() {
        int i = next;
        next = i + 1 == bytes.length ? 0 : i + 1;
        return serde.deserialize("bench", bytes[i]);
    }
}
