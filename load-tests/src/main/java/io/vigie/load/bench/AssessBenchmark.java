package io.vigie.load.bench;

import io.vigie.core.assess.Assessment;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.state.ConversationState;
import io.vigie.core.ModerationSession;
import io.vigie.core.contract.SenderSnapshot;
import io.vigie.core.state.UserState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * What the stream pipeline calls for every message: {@code ModerationSession.assess(message, conversation,
 * sender, recipients)}, with the conversation and sender states carried from one message to the next as the
 * state stores would. One op is one message; messages go round-robin over {@value #CONVERSATIONS}
 * two-person conversations, each message's sender carrying a profile snapshot (as the operator sends it).
 * With {@code -prof gc}, gc.alloc.rate.norm is bytes allocated per message: {@code mix=benign} is the case
 * where nothing fires.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
public class AssessBenchmark {

    /** Message length in UTF-16 chars. */
    @Param({"60"})
    public int length;

    /** realistic: the simulator's default 1 % harmful; benign: no scenario at all (hard negatives remain). */
    @Param({"realistic", "benign"})
    public String mix;

    private static final int MESSAGES = 4096;
    private static final int CONVERSATIONS = 256;
    private static final long START_MS = 1_795_896_000_000L;

    private ChatMessage[] messages;
    private ConversationState[] conversations;
    private UserState[] users;
    private Map<String, UserState>[] recipients;
    private ConversationState[] conversationsAtStart;
    private UserState[] usersAtStart;
    private ModerationSession session;
    private int next;

    @SuppressWarnings("unchecked")
    @Setup(Level.Trial)
    public void setUp() {
        double harmful = switch (mix) {
            case "realistic" -> 0.01;
            case "benign" -> 0.0;
            default -> throw new IllegalArgumentException("mix must be realistic or benign, got " + mix);
        };
        String[] texts = BenchData.messages(MESSAGES, length, harmful, 3);
        ChatMessage[] warm = new ChatMessage[MESSAGES];
        messages = new ChatMessage[MESSAGES];
        conversations = new ConversationState[CONVERSATIONS];
        users = new UserState[CONVERSATIONS * 2];
        recipients = new Map[CONVERSATIONS * 2];
        Instant created = Instant.ofEpochMilli(START_MS - 86_400_000L * 30);
        for (int u = 0; u < users.length; u++) {
            users[u] = UserState.unknown("u" + u);
        }
        for (int i = 0; i < MESSAGES; i++) {
            int c = i % CONVERSATIONS;
            int turn = (i / CONVERSATIONS) & 1;
            int from = 2 * c + turn;
            int to = 2 * c + (1 - turn);
            SenderSnapshot snapshot = new SenderSnapshot(18 + from % 40, from % 2 == 0 ? "M" : "F", "75011",
                    created, "d" + from, "ip" + from);
            warm[i] = new ChatMessage("message", "w" + i, "c" + c, null, "u" + from, List.of("u" + to),
                    Instant.ofEpochMilli(START_MS + i * 1000L), texts[i], List.of(), snapshot);
            messages[i] = new ChatMessage("message", "m" + i, "c" + c, null, "u" + from, List.of("u" + to),
                    Instant.ofEpochMilli(START_MS + (MESSAGES + i) * 1000L), texts[i], List.of(), snapshot);
        }
        session = CoreStages.engine().newSession();
        // one pass so every state is warm (participants known, snapshot applied), as in a running pipeline
        for (int i = 0; i < MESSAGES; i++) {
            assessOne(warm[i], i);
        }
        // each pass over the messages replays the same event times from the same states, so that risk decays
        // between messages as it would live instead of piling up over passes that go back in time
        conversationsAtStart = conversations.clone();
        usersAtStart = users.clone();
    }

    private Assessment assessOne(ChatMessage m, int i) {
        int c = i % CONVERSATIONS;
        int turn = (i / CONVERSATIONS) & 1;
        int from = 2 * c + turn;
        int to = 2 * c + (1 - turn);
        if (recipients[from] == null || recipients[from].get("u" + to) != users[to]) {
            recipients[from] = Map.of("u" + to, users[to]);
        }
        Assessment a = session.assess(m, conversations[c], users[from], recipients[from]);
        conversations[c] = a.conversation();
        users[from] = a.sender();
        return a;
    }

    @Benchmark
    public int assess() {
        // recipients' states are those of the warm-up pass (a store lookup per message costs nothing here)
        if ((next & (MESSAGES - 1)) == 0) {
            System.arraycopy(conversationsAtStart, 0, conversations, 0, CONVERSATIONS);
            System.arraycopy(usersAtStart, 0, users, 0, users.length);
        }
        ChatMessage m = messages[next & (MESSAGES - 1)];
        int c = next % CONVERSATIONS;
        int turn = ((next & (MESSAGES - 1)) / CONVERSATIONS) & 1;
        int from = 2 * c + turn;
        next++;
        Assessment a = session.assess(m, conversations[c], users[from], recipients[from]);
        conversations[c] = a.conversation();
        users[from] = a.sender();
        return a.score();
    }
}
