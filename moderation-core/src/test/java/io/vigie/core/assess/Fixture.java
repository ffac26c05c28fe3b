package io.vigie.core.assess;

import io.vigie.core.contract.Attachment;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.ModerationEngine;
import io.vigie.core.ModerationSession;
import io.vigie.core.contract.SenderSnapshot;
import io.vigie.core.state.UserState;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Builders shared by the assessment tests: an engine over the fakes, users and messages. */
public final class Fixture {

    /** The SHA-256 of a generated test file that the fake known-media list carries (not a real hash list). */
    public static final String KNOWN_SHA = "0f".repeat(32);

    public static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z");

    public final FakeCueModel signals = FakeCueModel.standard(Set.of(KNOWN_SHA));
    public final FakeRulePack rules = FakeRulePack.standard(signals.cues());
    public final ModerationEngine engine;
    public final ModerationSession session;

    /**
     * The default policy, except that every alert is raised at once: the fake rules score one message at a time, and
     * these tests are about what one message does (holding a lone weak alert has its own tests).
     */
    public Fixture() {
        this(Policy.defaults().withAloneAt(0));
    }

    public Fixture(Policy policy) {
        engine = ModerationEngine.of(signals, rules, policy);
        session = engine.newSession();
    }

    /** An adult who declared 34. */
    public static UserState adult(String id) {
        return declared(id, 34);
    }

    /** A user who declared 18 at sign-up and stated 13 in chat. */
    public static UserState kid(String id) {
        return declared(id, 18).withStatedAge(13, T0.minusSeconds(3600));
    }

    public static UserState declared(String id, int age) {
        return new UserState(id, age, null, null, T0.minusSeconds(90L * 24 * 3600), null, null, null, null, 0,
                false, 0, null);
    }

    public static ChatMessage msg(String id, String conv, String from, String to, Instant at, String text) {
        return ChatMessage.of(id, conv, from, to == null ? List.of() : List.of(to), at, text);
    }

    public static ChatMessage withAttachment(String id, String conv, String from, String to, Instant at,
                                             String sha256) {
        return new ChatMessage("message", id, conv, null, from, List.of(to), at, "",
                List.of(new Attachment("image", sha256, null, "image/jpeg")), null);
    }

    public static ChatMessage withSnapshot(ChatMessage m, SenderSnapshot s) {
        return new ChatMessage(m.type(), m.messageId(), m.conversationId(), m.roomId(), m.senderId(),
                m.recipientIds(), m.sentAt(), m.text(), m.attachments(), s);
    }

    public static Instant minutes(long m) {
        return T0.plusSeconds(60 * m);
    }

    public static Instant hours(long h) {
        return T0.plusSeconds(3600 * h);
    }
}
