package io.vigie.load.state;

import io.vigie.core.assess.Assessment;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.state.ConversationState;
import io.vigie.core.state.DeviceState;
import io.vigie.core.ModerationEngine;
import io.vigie.core.ModerationSession;
import io.vigie.core.contract.Profile;
import io.vigie.core.state.SenderState;
import io.vigie.core.state.UserState;
import io.vigie.stream.serde.CompactSerde;
import io.vigie.stream.sim.ChatSimulator;
import io.vigie.stream.sim.SimConfig;
import io.vigie.stream.sim.SimEvent;
import org.apache.kafka.common.serialization.Serde;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Measures what the state stores hold per active conversation, user, sender and device: simulated chat goes
 * through the same core calls the topology makes, and every final state is serialized with the very serdes
 * the stores use. From the mean entry size it derives the memory 1 M active conversations need, for the
 * in-memory store (heap) and for RocksDB (off-heap and disk), as a reproducible number rather than a guess.
 *
 * <p>Not thread-safe; one run per instance.
 */
public final class StateSizeReport {

    /**
     * Per-entry overhead of Kafka Streams' in-memory key-value store beyond key and value bytes: a TreeMap
     * entry (40 B), the Bytes key wrapper (16 B) and two byte[] headers (2 × 16 B), on a 64-bit JVM with
     * compressed oops.
     */
    static final int IN_MEMORY_ENTRY_OVERHEAD = 88;

    private final Map<String, ConversationState> conversations = new HashMap<>();
    private final Map<String, UserState> users = new HashMap<>();
    private final Map<String, SenderState> senders = new HashMap<>();
    private final Map<String, DeviceState> devices = new HashMap<>();

    /** Mean key+value bytes of one store's entries. */
    public record StoreSize(String store, int entries, double meanKeyBytes, double meanValueBytes, long maxValueBytes) {
        double meanEntryBytes() {
            return meanKeyBytes + meanValueBytes;
        }
    }

    /** What {@link #simulate} hands over after each message: the message, its recipients as known, the result. */
    public interface Step {
        void accept(ChatMessage message, Map<String, UserState> recipients, Assessment assessment);
    }

    /**
     * Runs {@code messages} simulated messages through {@code session.assess} as the topology calls it, profiles
     * applied on the way, the conversation and user states carried in the maps given (and updated), then hands
     * each message's result to {@code step}.
     */
    public static void simulate(ModerationSession session, long seed, int simUsers, long messages,
                                Map<String, ConversationState> conversations, Map<String, UserState> users,
                                Step step) {
        ChatSimulator sim = new ChatSimulator(seed, SimConfig.defaults().withUsers(simUsers));
        long done = 0;
        while (done < messages) {
            SimEvent e = sim.next();
            if (e instanceof SimEvent.ProfileEvent pe) {
                Profile p = (Profile) pe.record();
                users.put(p.userId(), users.getOrDefault(p.userId(), UserState.unknown(p.userId())).withProfile(p));
                continue;
            }
            ChatMessage m = (ChatMessage) e.record();
            Map<String, UserState> recipients = new HashMap<>();
            for (String r : m.recipientIds()) {
                UserState u = users.get(r);
                if (u != null) {
                    recipients.put(r, u);
                }
            }
            Assessment a = session.assess(m, conversations.get(m.conversationId()), users.get(m.senderId()),
                    recipients);
            conversations.put(m.conversationId(), a.conversation());
            users.put(m.senderId(), a.sender());
            step.accept(m, recipients, a);
            done++;
        }
    }

    /** Runs {@code messages} simulated messages and returns the store sizes. */
    public Map<String, StoreSize> run(long seed, int simUsers, long messages, PrintStream progress) {
        ModerationSession session = ModerationEngine.defaults().newSession();
        long[] done = {0};
        simulate(session, seed, simUsers, messages, conversations, users, (m, recipients, a) -> {
            senders.put(m.senderId(), session.assessSender(senders.getOrDefault(m.senderId(),
                    SenderState.empty(m.senderId())), m, a.sender(), recipients).state());
            String device = a.sender().deviceId() != null ? a.sender().deviceId() : a.sender().ipHash();
            if (device != null) {
                devices.put(device, session.assessDevice(devices.getOrDefault(device, DeviceState.empty(device)), m,
                        a.sender()).state());
            }
            done[0]++;
            if (progress != null && done[0] % 100_000 == 0) {
                progress.printf("state-size: %,d / %,d messages%n", done[0], messages);
            }
        });
        Map<String, StoreSize> out = new java.util.LinkedHashMap<>();
        out.put("conversations", size("conversations", conversations, CompactSerde.conversations()));
        out.put("users", size("users", users, CompactSerde.users()));
        // the serdes of io.vigie.stream.topology.Stores: JSON for conversations and users, the compact
        // versioned binary format for senders and devices
        out.put("senders", size("senders", senders, CompactSerde.senders()));
        out.put("devices", size("devices", devices, CompactSerde.devices()));
        return out;
    }

    private static <V> StoreSize size(String name, Map<String, V> store, Serde<V> serde) {
        long keys = 0;
        long values = 0;
        long max = 0;
        for (Map.Entry<String, V> e : store.entrySet()) {
            keys += e.getKey().getBytes(StandardCharsets.UTF_8).length;
            int v = serde.serializer().serialize("size", e.getValue()).length;
            values += v;
            max = Math.max(max, v);
        }
        int n = Math.max(1, store.size());
        return new StoreSize(name, store.size(), (double) keys / n, (double) values / n, max);
    }

    /** Prints the table and the derived figure for 1 M active conversations. */
    public static void print(Map<String, StoreSize> sizes, PrintStream out) {
        out.println("| store | entries | mean key B | mean value B | max value B | in-memory store B/entry |");
        out.println("|---|---|---|---|---|---|");
        for (StoreSize s : sizes.values()) {
            out.printf("| %s | %,d | %.0f | %.0f | %,d | %.0f |%n", s.store(), s.entries(), s.meanKeyBytes(),
                    s.meanValueBytes(), s.maxValueBytes(), s.meanEntryBytes() + IN_MEMORY_ENTRY_OVERHEAD);
        }
        StoreSize c = sizes.get("conversations");
        double perConversation = c.meanEntryBytes() + IN_MEMORY_ENTRY_OVERHEAD;
        out.printf("1 M active conversations: %.0f MB of conversation state in an in-memory store (heap), "
                + "%.0f MB of key+value bytes in RocksDB (off-heap cache and disk, before compression)%n",
                perConversation, c.meanEntryBytes());
    }
}
