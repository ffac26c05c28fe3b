package io.vigie.load.driver;

import io.vigie.core.contract.ChatMessage;
import io.vigie.stream.sim.ChatSimulator;
import io.vigie.stream.sim.SimConfig;
import io.vigie.stream.sim.SimEvent;
import io.vigie.stream.sim.SimJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulator records serialized once, before the clock starts, so the send loop only splices a unique
 * messageId and the send time into prebuilt bytes. Messages cycle through the pool; their {@code sentAt} is the
 * intended send time, so event time follows the wall clock even when the pool wraps. Immutable after build.
 */
public final class FeedPool {

    private static final String ID_MARK = "MSGIDMARK";
    private static final Instant TIME_MARK = Instant.EPOCH;
    private static final byte[] TIME_MARK_BYTES = "1970-01-01T00:00:00Z".getBytes(StandardCharsets.US_ASCII);

    /** A profile record: key and value bytes. */
    public record Keyed(byte[] key, byte[] value) {
    }

    private final List<Keyed> profiles = new ArrayList<>();
    private final byte[][] keys;
    private final byte[][] heads;
    private final byte[][] middles;
    private final byte[][] tails;
    private final boolean[] harmful;

    /**
     * @param size        number of distinct messages in the pool, at least 1
     * @param harmfulRate share of scenario messages, in [0, 1]
     */
    public FeedPool(int size, double harmfulRate, long seed) {
        ChatSimulator sim = new ChatSimulator(seed, SimConfig.defaults().withHarmfulRate(harmfulRate));
        keys = new byte[size][];
        heads = new byte[size][];
        middles = new byte[size][];
        tails = new byte[size][];
        harmful = new boolean[size];
        int i = 0;
        while (i < size) {
            SimEvent event = sim.next();
            if (event instanceof SimEvent.ProfileEvent p) {
                profiles.add(new Keyed(p.key().getBytes(StandardCharsets.UTF_8), SimJson.toBytes(p)));
                continue;
            }
            SimEvent.MessageEvent m = (SimEvent.MessageEvent) event;
            ChatMessage original = m.message();
            ChatMessage marked = new ChatMessage(original.type(), ID_MARK, original.conversationId(),
                    original.roomId(), original.senderId(), original.recipientIds(), TIME_MARK, original.text(),
                    original.attachments(), original.sender());
            byte[] json = SimJson.toBytes(new SimEvent.MessageEvent(marked, null, null, -1));
            int id = indexOf(json, ("\"" + ID_MARK + "\"").getBytes(StandardCharsets.US_ASCII)) + 1;
            int time = indexOf(json, TIME_MARK_BYTES);
            if (id <= 0 || time < 0 || time < id) {
                throw new IllegalStateException("unexpected JSON layout of a message: messageId must precede sentAt");
            }
            heads[i] = java.util.Arrays.copyOfRange(json, 0, id);
            middles[i] = java.util.Arrays.copyOfRange(json, id + ID_MARK.length(), time);
            tails[i] = java.util.Arrays.copyOfRange(json, time + TIME_MARK_BYTES.length, json.length);
            keys[i] = original.conversationId().getBytes(StandardCharsets.UTF_8);
            harmful[i] = m.harmful();
            i++;
        }
    }

    /** Profiles of every user the pool's messages mention, to send before the messages. */
    public List<Keyed> profiles() {
        return profiles;
    }

    public int size() {
        return keys.length;
    }

    /** Kafka key (conversationId) of pool message {@code i}. */
    public byte[] key(int i) {
        return keys[i];
    }

    /** True when pool message {@code i} belongs to a harmful scenario. */
    public boolean harmful(int i) {
        return harmful[i];
    }

    /** The messageId the driver gives to send number {@code seq}: "b" followed by the number. */
    public static String messageId(long seq) {
        return "b" + seq;
    }

    /**
     * The JSON of pool message {@code i} as send number {@code seq} at {@code sentAtMs}.
     */
    public byte[] value(int i, long seq, long sentAtMs) {
        byte[] id = messageId(seq).getBytes(StandardCharsets.US_ASCII);
        byte[] time = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(sentAtMs))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] head = heads[i];
        byte[] middle = middles[i];
        byte[] tail = tails[i];
        byte[] out = new byte[head.length + id.length + middle.length + time.length + tail.length];
        int o = 0;
        System.arraycopy(head, 0, out, o, head.length);
        o += head.length;
        System.arraycopy(id, 0, out, o, id.length);
        o += id.length;
        System.arraycopy(middle, 0, out, o, middle.length);
        o += middle.length;
        System.arraycopy(time, 0, out, o, time.length);
        o += time.length;
        System.arraycopy(tail, 0, out, o, tail.length);
        return out;
    }

    /**
     * The send number in a record's {@code "messageId":"b<seq>"} field, or -1 when absent or not ours. Scans
     * bytes, no JSON parsing: the measuring consumer must keep up with the pipeline.
     */
    public static long sequenceOf(byte[] json) {
        if (json == null) {
            return -1;
        }
        int at = indexOf(json, MESSAGE_ID_FIELD);
        if (at < 0) {
            return -1;
        }
        int i = at + MESSAGE_ID_FIELD.length;
        while (i < json.length && json[i] == ' ') {
            i++;
        }
        if (i + 2 >= json.length || json[i] != '"' || json[i + 1] != 'b') {
            return -1;
        }
        long seq = 0;
        int digits = 0;
        for (i += 2; i < json.length && json[i] >= '0' && json[i] <= '9'; i++) {
            seq = seq * 10 + (json[i] - '0');
            digits++;
        }
        return digits > 0 && i < json.length && json[i] == '"' ? seq : -1;
    }

    private static final byte[] MESSAGE_ID_FIELD = "\"messageId\":".getBytes(StandardCharsets.US_ASCII);

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
