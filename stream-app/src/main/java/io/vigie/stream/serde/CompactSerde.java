package io.vigie.stream.serde;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.state.ConversationState;
import io.vigie.core.state.DeviceState;
import io.vigie.core.state.RecentMessage;
import io.vigie.core.state.SenderState;
import io.vigie.core.contract.Severity;
import io.vigie.core.contract.Stage;
import io.vigie.core.state.UserState;
import org.apache.kafka.common.errors.SerializationException;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compact binary serde for what is written and read on every message: the conversation, user, sender and
 * device state and the events of the sender and device repartition topics. JSON of these records was most of the
 * stream thread's time in {@code run} under load, and twice their size.
 *
 * <p>Format: a version byte ({@value #V1}), then the fields in declaration order; strings as an
 * int length and UTF-8 bytes (length -1 for an absent one), instants as epoch seconds and nanos with a presence
 * byte, lists and maps with an int count first. Values that start with {@code '{'} are read as the JSON these
 * records were written as before, so existing changelogs and repartition topics are still read; an unknown
 * version byte is an error, never a silent empty state.
 *
 * <p>Thread-safe (stateless).
 *
 * @param <T> the state record type
 */
public abstract class CompactSerde<T> implements SelfSerde<T> {

    /** The only version so far. */
    public static final byte V1 = 1;
    /**
     * Conversations only: V1 followed by the fields added since (evidence message ids, the window of recent
     * messages, the decision time, the language score). V1 conversations are still read.
     */
    public static final byte V2 = 2;
    /** Conversations only: V2 followed by the risk model's context sum. V1 and V2 conversations are still read. */
    public static final byte V3 = 3;
    /**
     * Conversations only: V3 followed by the alert held back for corroboration (its categories and message id).
     * Earlier conversations are still read, holding nothing.
     */
    public static final byte V4 = 4;

    /** Each thread's buffer for {@link #serialize}: one store write per message must not regrow one every time. */
    private static final ThreadLocal<Writer> SCRATCH = ThreadLocal.withInitial(Writer::new);

    private final JsonSerde<T> legacy;
    private final String typeName;

    protected CompactSerde(Class<T> type) {
        this.legacy = JsonSerde.of(type);
        this.typeName = type.getSimpleName();
    }

    /** The serde of {@link SenderState}. */
    public static CompactSerde<SenderState> senders() {
        return new Senders();
    }

    /** The serde of {@link DeviceState}. */
    public static CompactSerde<DeviceState> devices() {
        return new Devices();
    }

    /**
     * The serde of {@link ConversationState}: read (unless the task still holds it as an object) and written for
     * every message. Enum constants travel by name, so reordering an enum cannot change a stored value.
     */
    public static CompactSerde<ConversationState> conversations() {
        return new Conversations();
    }

    /**
     * The serde of {@link UserState}: the users store and the user-facts topic, read back by the global store for
     * the sender and every recipient of every message.
     */
    public static CompactSerde<UserState> users() {
        return new Users();
    }

    /** Writes the fields of {@code value} (never null) after the version byte. */
    protected abstract void write(T value, Writer out) throws IOException;

    /** Reads what {@link #write} wrote. */
    protected abstract T read(Reader in) throws IOException;

    /** The version this serde writes; it reads every version from {@link #V1} up to it. */
    protected byte version() {
        return V1;
    }

    /** Reads a value written in an earlier {@code version}; by default there is none but {@link #V1}. */
    protected T read(Reader in, int version) throws IOException {
        return read(in);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Writer out = SCRATCH.get();
        if (out.inUse) {
            out = new Writer(); // a serde called from inside another's write on this thread
        }
        out.inUse = true;
        try {
            out.size = 0;
            out.writeByte(version());
            write(data, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        } finally {
            out.release();
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == '{') {
            return legacy.deserialize(topic, data);
        }
        if (data.length == 0 || data[0] < V1 || data[0] > version()) {
            throw new SerializationException("cannot read " + typeName + " from " + topic + ": unknown format "
                    + (data.length == 0 ? "(empty)" : "version " + data[0]));
        }
        try {
            Reader in = new Reader(data, 1);
            T value = read(in, data[0]);
            if (in.available() != 0) {
                throw new IOException(in.available() + " bytes left after the value");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read " + typeName + " from " + topic, e);
        }
    }

    protected static void writeString(String s, Writer out) throws IOException {
        out.writeUtf8(s);
    }

    protected static String readString(Reader in) throws IOException {
        return utf8(in, count(in));
    }

    private static String utf8(Reader in, int length) throws IOException {
        return in.readUtf8(length);
    }

    protected static void writeInstant(Instant t, Writer out) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }
    }

    protected static Instant readInstant(Reader in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    protected static void writeInstantMap(Map<String, Instant> m, Writer out) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, Instant> e : m.entrySet()) {
            writeString(e.getKey(), out);
            writeInstant(e.getValue(), out);
        }
    }

    protected static Map<String, Instant> readInstantMap(Reader in) throws IOException {
        int n = count(in);
        Map<String, Instant> m = new LinkedHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            m.put(readString(in), readInstant(in));
        }
        return m;
    }

    protected static void writeStrings(List<String> l, Writer out) throws IOException {
        out.writeInt(l.size());
        for (String s : l) {
            writeString(s, out);
        }
    }

    protected static List<String> readStrings(Reader in) throws IOException {
        int n = count(in);
        List<String> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(readString(in));
        }
        return l;
    }

    /** A string that may be absent. */
    protected static void writeNullableString(String s, Writer out) throws IOException {
        if (s == null) {
            out.writeInt(-1);
        } else {
            writeString(s, out);
        }
    }

    /** What {@link #writeNullableString} wrote. */
    protected static String readNullableString(Reader in) throws IOException {
        int n = in.readInt();
        return n == -1 ? null : utf8(in, checked(n, in));
    }

    /** An int that may be absent. */
    protected static void writeNullableInt(Integer i, Writer out) throws IOException {
        out.writeBoolean(i != null);
        if (i != null) {
            out.writeInt(i);
        }
    }

    /** What {@link #writeNullableInt} wrote. */
    protected static Integer readNullableInt(Reader in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    /** A count read back, checked against the bytes left (a corrupt count must not allocate gigabytes). */
    /** Writes a user state (the users store's format, also embedded in side events). */
    protected static void writeUser(UserState u, Writer out) throws IOException {
        writeString(u.userId(), out);
        writeNullableInt(u.declaredAge(), out);
        writeNullableString(u.gender(), out);
        writeNullableString(u.postalCode(), out);
        writeInstant(u.accountCreatedAt(), out);
        writeNullableString(u.deviceId(), out);
        writeNullableString(u.ipHash(), out);
        writeNullableInt(u.statedAge(), out);
        writeInstant(u.statedAgeAt(), out);
        out.writeInt(u.minorHints());
        out.writeBoolean(u.banned());
        out.writeInt(u.confirmedAlerts());
        writeInstant(u.lastSeen(), out);
    }

    /** Reads what {@link #writeUser} wrote. */
    protected static UserState readUser(Reader in) throws IOException {
        return new UserState(readString(in), readNullableInt(in), readNullableString(in), readNullableString(in),
                readInstant(in), readNullableString(in), readNullableString(in), readNullableInt(in),
                readInstant(in), in.readInt(), in.readBoolean(), in.readInt(), readInstant(in));
    }

    protected static int count(Reader in) throws IOException {
        return checked(in.readInt(), in);
    }

    private static int checked(int n, Reader in) throws IOException {
        if (n < 0 || n > in.available()) {
            throw new IOException("implausible element count " + n);
        }
        return n;
    }

    private static final class Senders extends CompactSerde<SenderState> {
        Senders() {
            super(SenderState.class);
        }

        @Override
        protected void write(SenderState s, Writer out) throws IOException {
            writeString(s.userId(), out);
            writeInstantMap(s.minorContacts(), out);
            out.writeInt(s.newContacts().size());
            for (Instant t : s.newContacts()) {
                writeInstant(t, out);
            }
            writeStrings(s.knownRecipients(), out);
            writeInstant(s.fanOutAlertedAt(), out);
            out.writeInt(s.priorAlerts());
            writeInstant(s.lastSeen(), out);
            out.writeInt(s.fanOutAlertedCount());
            writeInstant(s.burstAlertedAt(), out);
        }

        @Override
        protected SenderState read(Reader in) throws IOException {
            String userId = readString(in);
            Map<String, Instant> minors = readInstantMap(in);
            int n = count(in);
            List<Instant> newContacts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                newContacts.add(readInstant(in));
            }
            List<String> known = readStrings(in);
            Instant fanOutAlertedAt = readInstant(in);
            int priorAlerts = in.readInt();
            Instant lastSeen = readInstant(in);
            int fanOutAlertedCount = in.readInt();
            Instant burstAlertedAt = readInstant(in);
            return new SenderState(userId, minors, newContacts, known, fanOutAlertedAt, priorAlerts, lastSeen,
                    fanOutAlertedCount, burstAlertedAt);
        }
    }

    private static final class Devices extends CompactSerde<DeviceState> {
        Devices() {
            super(DeviceState.class);
        }

        @Override
        protected void write(DeviceState d, Writer out) throws IOException {
            writeString(d.deviceKey(), out);
            writeInstantMap(d.accounts(), out);
            writeStrings(d.bannedAccounts(), out);
            writeStrings(d.evasionsFlagged(), out);
            writeInstant(d.lastSeen(), out);
            writeInstant(d.bannedAt(), out); // trailing: absent in values written before it existed
        }

        @Override
        protected DeviceState read(Reader in) throws IOException {
            String key = readString(in);
            Map<String, Instant> accounts = readInstantMap(in);
            List<String> banned = readStrings(in);
            List<String> flagged = readStrings(in);
            Instant lastSeen = readInstant(in);
            Instant bannedAt = in.available() > 0 ? readInstant(in) : null;
            return new DeviceState(key, accounts, banned, flagged, lastSeen, bannedAt);
        }
    }

    private static final class Users extends CompactSerde<UserState> {
        Users() {
            super(UserState.class);
        }

        @Override
        protected void write(UserState u, Writer out) throws IOException {
            writeUser(u, out);
        }

        @Override
        protected UserState read(Reader in) throws IOException {
            return readUser(in);
        }
    }

    private static final class Conversations extends CompactSerde<ConversationState> {
        private final EntryCache entries = new EntryCache();

        Conversations() {
            super(ConversationState.class);
        }

        @Override
        protected void write(ConversationState c, Writer out) throws IOException {
            writeString(c.conversationId(), out);
            writeStrings(c.participants(), out);
            out.writeInt(c.messages());
            out.writeDouble(c.risk());
            writeInstant(c.riskAt(), out);
            out.writeInt(c.stages().size());
            for (Stage st : c.stages()) {
                writeString(st.name(), out);
            }
            out.writeInt(c.alerted().size());
            for (Map.Entry<Category, Severity> e : c.alerted().entrySet()) {
                writeString(e.getKey().name(), out);
                writeString(e.getValue().name(), out);
            }
            out.writeInt(c.evidence().size());
            for (Alert.Signal sig : c.evidence()) {
                writeNullableString(sig.ruleId(), out);
                writeNullableString(sig.category() == null ? null : sig.category().name(), out);
                out.writeInt(sig.score());
                writeNullableString(sig.evidence(), out);
                out.writeInt(sig.start());
                out.writeInt(sig.end());
            }
            writeStrings(c.dismissedRules(), out);
            writeInstant(c.lastEventAt(), out);
            out.writeInt(c.lateMessages());
            out.writeInt(c.learnedAges().size());
            for (Map.Entry<String, Alert.PersonAge> e : c.learnedAges().entrySet()) {
                writeString(e.getKey(), out);
                Alert.PersonAge p = e.getValue();
                writeNullableString(p.userId(), out);
                writeNullableInt(p.declared(), out);
                writeNullableInt(p.stated(), out);
                out.writeBoolean(p.likelyMinor());
            }
            // V2: the fields added after V1
            for (Alert.Signal sig : c.evidence()) {
                writeNullableString(sig.messageId(), out);
            }
            out.writeInt(c.recent().size());
            for (RecentMessage m : c.recent()) {
                entries.write(m, out);
            }
            writeInstant(c.decidedAt(), out);
            out.writeInt(c.languageScore());
            // V3
            out.writeInt(Float.floatToIntBits(c.context()));
            // V4
            out.writeInt(c.held().size());
            for (Category held : c.held()) {
                writeString(held.name(), out);
            }
            writeNullableString(c.heldMessageId(), out);
        }

        /** One window entry, as {@link EntryCache} keeps it. */
        private static void writeEntry(RecentMessage m, Writer out) throws IOException {
            out.writeInt(m.index());
            writeString(m.messageId(), out);
            writeString(m.senderId(), out);
            writeInstant(m.sentAt(), out);
            out.writeInt(m.cues().size());
            for (RecentMessage.CueMark mark : m.cues()) {
                writeString(mark.cue(), out);
                out.writeInt(mark.start());
                out.writeInt(mark.end());
                writeNullableString(mark.evidence(), out);
            }
            writeNullableString(m.text(), out);
            out.writeInt(m.signals().size());
            for (Alert.Signal sig : m.signals()) {
                writeSignal(sig, out);
            }
        }

        private static void writeSignal(Alert.Signal sig, Writer out) throws IOException {
            writeNullableString(sig.ruleId(), out);
            writeNullableString(sig.category() == null ? null : sig.category().name(), out);
            out.writeInt(sig.score());
            writeNullableString(sig.evidence(), out);
            out.writeInt(sig.start());
            out.writeInt(sig.end());
            writeNullableString(sig.messageId(), out);
        }

        private static Alert.Signal readSignal(Reader in) throws IOException {
            String rule = readNullableString(in);
            String category = readNullableString(in);
            return new Alert.Signal(rule, category == null ? null : Category.valueOf(category), in.readInt(),
                    readNullableString(in), in.readInt(), in.readInt(), readNullableString(in));
        }

        @Override
        protected byte version() {
            return V4;
        }

        @Override
        protected ConversationState read(Reader in) throws IOException {
            return read(in, V4);
        }

        @Override
        protected ConversationState read(Reader in, int version) throws IOException {
            String id = readString(in);
            List<String> participants = readStrings(in);
            int messages = in.readInt();
            double risk = in.readDouble();
            Instant riskAt = readInstant(in);
            int n = count(in);
            List<Stage> stages = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                stages.add(Stage.valueOf(readString(in)));
            }
            n = count(in);
            Map<Category, Severity> alerted = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                alerted.put(Category.valueOf(readString(in)), Severity.valueOf(readString(in)));
            }
            n = count(in);
            List<Alert.Signal> evidence = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String rule = readNullableString(in);
                String category = readNullableString(in);
                evidence.add(new Alert.Signal(rule, category == null ? null : Category.valueOf(category),
                        in.readInt(), readNullableString(in), in.readInt(), in.readInt()));
            }
            List<String> dismissed = readStrings(in);
            Instant lastEventAt = readInstant(in);
            int late = in.readInt();
            n = count(in);
            Map<String, Alert.PersonAge> ages = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                ages.put(readString(in), new Alert.PersonAge(readNullableString(in), readNullableInt(in),
                        readNullableInt(in), in.readBoolean()));
            }
            List<RecentMessage> recent = List.of();
            Instant decidedAt = null;
            int language = 0;
            if (version >= V2) {
                for (int i = 0; i < evidence.size(); i++) {
                    evidence.set(i, evidence.get(i).withMessageId(readNullableString(in)));
                }
                n = count(in);
                recent = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int index = in.readInt();
                    String messageId = readString(in);
                    String senderId = readString(in);
                    Instant sentAt = readInstant(in);
                    int k = count(in);
                    List<RecentMessage.CueMark> marks = new ArrayList<>(k);
                    for (int j = 0; j < k; j++) {
                        marks.add(new RecentMessage.CueMark(readString(in), in.readInt(), in.readInt(),
                                readNullableString(in)));
                    }
                    String text = readNullableString(in);
                    k = count(in);
                    List<Alert.Signal> signals = new ArrayList<>(k);
                    for (int j = 0; j < k; j++) {
                        signals.add(readSignal(in));
                    }
                    recent.add(new RecentMessage(index, messageId, senderId, sentAt, marks, text, signals));
                }
                decidedAt = readInstant(in);
                language = in.readInt();
            }
            float context = version >= V3 ? Float.intBitsToFloat(in.readInt()) : 0f;
            Set<Category> held = Set.of();
            String heldMessageId = null;
            if (version >= V4) {
                n = count(in);
                held = n == 0 ? Set.of() : EnumSet.noneOf(Category.class);
                for (int i = 0; i < n; i++) {
                    held.add(Category.valueOf(readString(in)));
                }
                heldMessageId = readNullableString(in);
            }
            return new ConversationState(id, participants, messages, risk, riskAt, stages, alerted, evidence,
                    dismissed, lastEventAt, late, ages, recent, decidedAt, language, context, held, heldMessageId);
        }
    }

    /**
     * The encoded bytes of the window entries written last, by entry identity. A conversation's state is written
     * on every message, and its window entries (up to the policy's window, with text while the conversation
     * carries risk) come back unchanged, as the same objects, in the next state the engine returns: re-encoding
     * them every time was most of a conversation write. Entries are immutable records, so bytes cached for an
     * object stay right; a slot holds one entry, the newest of those its identity hash picked, so a miss only
     * costs an encoding.
     *
     * <p>Thread-safe: slots are replaced whole, and a slot's fields are final, so a thread reading a slot another
     * wrote sees it complete or not at all.
     */
    private static final class EntryCache {
        /** Slots; with up to a few hundred bytes per entry this bounds the cache to a few MB of heap. */
        private static final int SLOTS = 1 << 14;

        private record Slot(RecentMessage entry, byte[] bytes) {
        }

        private final Slot[] slots = new Slot[SLOTS];

        void write(RecentMessage m, Writer out) throws IOException {
            int i = System.identityHashCode(m) & (SLOTS - 1);
            Slot slot = slots[i];
            if (slot != null && slot.entry() == m) {
                out.write(slot.bytes());
                return;
            }
            int from = out.size;
            Conversations.writeEntry(m, out);
            slots[i] = new Slot(m, Arrays.copyOfRange(out.buf, from, out.size));
        }
    }

    /**
     * Appends to a growing array. {@code DataOutputStream} over a {@code ByteArrayOutputStream} takes a lock for
     * every byte of every int: that, not the format, was most of this serde's time in the pipeline's profile.
     */
    protected static final class Writer {
        /** A scratch buffer that grew beyond this is dropped after use rather than kept by its thread. */
        private static final int KEEP_AT_MOST = 1 << 20;
        private static final int INITIAL = 4096;

        private byte[] buf = new byte[INITIAL];
        private int size;
        private boolean inUse;

        private void release() {
            inUse = false;
            if (buf.length > KEEP_AT_MOST) {
                buf = new byte[INITIAL];
            }
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        public void writeByte(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        public void writeBoolean(boolean b) {
            writeByte(b ? 1 : 0);
        }

        public void writeInt(int v) {
            ensure(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        public void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        public void writeDouble(double v) {
            writeLong(Double.doubleToRawLongBits(v));
        }

        public void write(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
        }

        /**
         * An int length, then {@code s} in UTF-8, encoded in place: the same bytes as
         * {@code s.getBytes(StandardCharsets.UTF_8)}, an unpaired surrogate included (written as {@code '?'}),
         * without the intermediate array.
         */
        public void writeUtf8(String s) {
            int n = s.length();
            ensure(4 + 3 * n); // a UTF-16 unit takes at most 3 bytes (a pair takes 4 for its 2 units)
            byte[] b = buf;
            int start = size + 4;
            int p = start;
            int i = 0;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                b[p++] = (byte) c;
            }
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    b[p++] = (byte) c;
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xc0 | c >> 6);
                    b[p++] = (byte) (0x80 | c & 0x3f);
                } else if (!Character.isSurrogate(c)) {
                    b[p++] = (byte) (0xe0 | c >> 12);
                    b[p++] = (byte) (0x80 | c >> 6 & 0x3f);
                    b[p++] = (byte) (0x80 | c & 0x3f);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[p++] = (byte) (0xf0 | cp >> 18);
                    b[p++] = (byte) (0x80 | cp >> 12 & 0x3f);
                    b[p++] = (byte) (0x80 | cp >> 6 & 0x3f);
                    b[p++] = (byte) (0x80 | cp & 0x3f);
                } else {
                    b[p++] = '?'; // what String.getBytes writes for a malformed surrogate
                }
            }
            int length = p - start;
            b[size] = (byte) (length >>> 24);
            b[size + 1] = (byte) (length >>> 16);
            b[size + 2] = (byte) (length >>> 8);
            b[size + 3] = (byte) length;
            size = p;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    /** Reads a byte array front to back; reading past its end is an {@link IOException}, never a wrong value. */
    protected static final class Reader {
        private final byte[] buf;
        private int pos;

        Reader(byte[] buf, int from) {
            this.buf = buf;
            this.pos = from;
        }

        /** Bytes not read yet. */
        public int available() {
            return buf.length - pos;
        }

        private void need(int n) throws IOException {
            if (n > buf.length - pos) {
                throw new EOFException("truncated: " + n + " more bytes needed, " + available() + " left");
            }
        }

        public int readUnsignedByte() throws IOException {
            need(1);
            return buf[pos++] & 0xff;
        }

        public boolean readBoolean() throws IOException {
            int b = readUnsignedByte();
            if (b > 1) {
                throw new IOException("not a boolean: " + b);
            }
            return b == 1;
        }

        public int readInt() throws IOException {
            need(4);
            int v = (buf[pos] & 0xff) << 24 | (buf[pos + 1] & 0xff) << 16 | (buf[pos + 2] & 0xff) << 8
                    | buf[pos + 3] & 0xff;
            pos += 4;
            return v;
        }

        public long readLong() throws IOException {
            return (long) readInt() << 32 | readInt() & 0xffffffffL;
        }

        public double readDouble() throws IOException {
            return Double.longBitsToDouble(readLong());
        }

        /** {@code length} bytes as UTF-8 text. */
        public String readUtf8(int length) throws IOException {
            need(length);
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }
    }
}
