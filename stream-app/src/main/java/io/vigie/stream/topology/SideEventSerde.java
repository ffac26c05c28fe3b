package io.vigie.stream.topology;

import io.vigie.core.state.UserState;

import io.vigie.core.contract.Attachment;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.SenderSnapshot;
import io.vigie.stream.serde.CompactSerde;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of {@link Events.SideEvent}, the value of the sender and device repartition topics: two of
 * them are written and read back for every chat message, which made their JSON the largest serialization cost of
 * the pipeline. The message travels without its text (side processors judge behaviour, and event topics hold
 * no text), so the text is not written and reads back empty; the sender and recipients travel as the
 * conversation processor knew them. JSON written by earlier versions is still
 * read (see {@link CompactSerde}).
 *
 * <p>Thread-safe (stateless).
 */
final class SideEventSerde extends CompactSerde<Events.SideEvent> {

    private static final Events.SideEventKind[] KINDS = Events.SideEventKind.values();

    SideEventSerde() {
        super(Events.SideEvent.class);
    }

    @Override
    protected void write(Events.SideEvent e, CompactSerde.Writer out) throws IOException {
        out.writeByte(e.kind().ordinal());
        writeNullableString(e.userId(), out);
        writeInstant(e.at(), out);
        ChatMessage m = e.message();
        out.writeBoolean(m != null);
        if (m == null) {
            return;
        }
        writeNullableString(m.type(), out);
        writeString(m.messageId(), out);
        writeString(m.conversationId(), out);
        writeNullableString(m.roomId(), out);
        writeString(m.senderId(), out);
        writeStrings(m.recipientIds(), out);
        writeInstant(m.sentAt(), out);
        out.writeInt(m.attachments().size());
        for (Attachment a : m.attachments()) {
            writeNullableString(a.kind(), out);
            writeNullableString(a.sha256(), out);
            writeNullableString(a.pdq(), out);
            writeNullableString(a.mime(), out);
        }
        SenderSnapshot s = m.sender();
        out.writeBoolean(s != null);
        if (s != null) {
            writeNullableInt(s.declaredAge(), out);
            writeNullableString(s.gender(), out);
            writeNullableString(s.postalCode(), out);
            writeInstant(s.accountCreatedAt(), out);
            writeNullableString(s.deviceId(), out);
            writeNullableString(s.ipHash(), out);
        }
        out.writeBoolean(e.sender() != null);
        if (e.sender() != null) {
            writeUser(e.sender(), out);
        }
        out.writeInt(e.recipients().size());
        for (UserState u : e.recipients()) {
            writeUser(u, out);
        }
    }

    @Override
    protected Events.SideEvent read(CompactSerde.Reader in) throws IOException {
        int kind = in.readUnsignedByte();
        if (kind >= KINDS.length) {
            throw new IOException("unknown side event kind " + kind);
        }
        String userId = readNullableString(in);
        Instant at = readInstant(in);
        if (!in.readBoolean()) {
            return Events.SideEvent.of(KINDS[kind], userId, at);
        }
        String type = readNullableString(in);
        String messageId = readString(in);
        String conversationId = readString(in);
        String roomId = readNullableString(in);
        String senderId = readString(in);
        List<String> recipients = readStrings(in);
        Instant sentAt = readInstant(in);
        int n = count(in);
        List<Attachment> attachments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            attachments.add(new Attachment(readNullableString(in), readNullableString(in), readNullableString(in),
                    readNullableString(in)));
        }
        SenderSnapshot sender = null;
        if (in.readBoolean()) {
            sender = new SenderSnapshot(readNullableInt(in), readNullableString(in), readNullableString(in),
                    readInstant(in), readNullableString(in), readNullableString(in));
        }
        ChatMessage m = new ChatMessage(type, messageId, conversationId, roomId, senderId, recipients, sentAt, "",
                attachments, sender);
        UserState senderState = in.readBoolean() ? readUser(in) : null;
        int r = count(in);
        List<UserState> recipientStates = new ArrayList<>(r);
        for (int i = 0; i < r; i++) {
            recipientStates.add(readUser(in));
        }
        return new Events.SideEvent(KINDS[kind], m, userId, at, senderState, recipientStates);
    }
}
