package io.vigie.stream.serde;

import io.vigie.core.DeviceState;
import io.vigie.core.SenderState;
import io.vigie.core.UserState;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary serde for what is written and read on every message: the hottest state records (a sender's
 * contacts, a device's accounts: up to {@code maxTracked} ids and instants each) and the events of the internal
 * repartition topics. JSON of these records was most of the stream thread's time in {@code run} under load.
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
public abstract class CompactSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    /** The only version so far. */
    public static final byte V1 = 1;

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
     * The serde of {@link UserState}: the users store and the user-facts topic, read back by the global store for
     * the sender and every recipient of every message.
     */
    public static CompactSerde<UserState> users() {
        return new Users();
    }

    /** Writes the fields of {@code value} (never null) after the version byte. */
    protected abstract void write(T value, DataOutputStream out) throws IOException;

    /** Reads what {@link #write} wrote. */
    protected abstract T read(DataInputStream in) throws IOException;

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(V1);
            write(data, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == '{') {
            return legacy.deserialize(topic, data);
        }
        if (data.length == 0 || data[0] != V1) {
            throw new SerializationException("cannot read " + typeName + " from " + topic + ": unknown format "
                    + (data.length == 0 ? "(empty)" : "version " + data[0]));
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1))) {
            return read(in);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read " + typeName + " from " + topic, e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
        // nothing to release
    }

    protected static void writeString(String s, DataOutputStream out) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    protected static String readString(DataInputStream in) throws IOException {
        return utf8(in, count(in));
    }

    private static String utf8(DataInputStream in, int length) throws IOException {
        byte[] b = new byte[length];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    protected static void writeInstant(Instant t, DataOutputStream out) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }
    }

    protected static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    protected static void writeInstantMap(Map<String, Instant> m, DataOutputStream out) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, Instant> e : m.entrySet()) {
            writeString(e.getKey(), out);
            writeInstant(e.getValue(), out);
        }
    }

    protected static Map<String, Instant> readInstantMap(DataInputStream in) throws IOException {
        int n = count(in);
        Map<String, Instant> m = new LinkedHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            m.put(readString(in), readInstant(in));
        }
        return m;
    }

    protected static void writeStrings(List<String> l, DataOutputStream out) throws IOException {
        out.writeInt(l.size());
        for (String s : l) {
            writeString(s, out);
        }
    }

    protected static List<String> readStrings(DataInputStream in) throws IOException {
        int n = count(in);
        List<String> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(readString(in));
        }
        return l;
    }

    /** A string that may be absent. */
    protected static void writeNullableString(String s, DataOutputStream out) throws IOException {
        if (s == null) {
            out.writeInt(-1);
        } else {
            writeString(s, out);
        }
    }

    /** What {@link #writeNullableString} wrote. */
    protected static String readNullableString(DataInputStream in) throws IOException {
        int n = in.readInt();
        return n == -1 ? null : utf8(in, checked(n, in));
    }

    /** An int that may be absent. */
    protected static void writeNullableInt(Integer i, DataOutputStream out) throws IOException {
        out.writeBoolean(i != null);
        if (i != null) {
            out.writeInt(i);
        }
    }

    /** What {@link #writeNullableInt} wrote. */
    protected static Integer readNullableInt(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    /** A count read back, checked against the bytes left (a corrupt count must not allocate gigabytes). */
    protected static int count(DataInputStream in) throws IOException {
        return checked(in.readInt(), in);
    }

    private static int checked(int n, DataInputStream in) throws IOException {
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
        protected void write(SenderState s, DataOutputStream out) throws IOException {
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
        protected SenderState read(DataInputStream in) throws IOException {
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
        protected void write(DeviceState d, DataOutputStream out) throws IOException {
            writeString(d.deviceKey(), out);
            writeInstantMap(d.accounts(), out);
            writeStrings(d.bannedAccounts(), out);
            writeStrings(d.evasionsFlagged(), out);
            writeInstant(d.lastSeen(), out);
        }

        @Override
        protected DeviceState read(DataInputStream in) throws IOException {
            return new DeviceState(readString(in), readInstantMap(in), readStrings(in), readStrings(in),
                    readInstant(in));
        }
    }

    private static final class Users extends CompactSerde<UserState> {
        Users() {
            super(UserState.class);
        }

        @Override
        protected void write(UserState u, DataOutputStream out) throws IOException {
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

        @Override
        protected UserState read(DataInputStream in) throws IOException {
            return new UserState(readString(in), readNullableInt(in), readNullableString(in), readNullableString(in),
                    readInstant(in), readNullableString(in), readNullableString(in), readNullableInt(in),
                    readInstant(in), in.readInt(), in.readBoolean(), in.readInt(), readInstant(in));
        }
    }
}
