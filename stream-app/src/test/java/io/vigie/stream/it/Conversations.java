package io.vigie.stream.it;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scripted, synthetic, non-explicit conversations for the integration tests, as contract JSON with explicit
 * {@code sentAt}. Harm is recognisable by its pattern only (age question, secrecy, move to another app, meeting
 * pressure; a lure to a lonely place with a slur), never by graphic content. Every id carries a per-test prefix so
 * tests sharing one broker never see each other's records.
 */
final class Conversations {

    static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record to produce: topic role, key, JSON value. */
    record Line(String topic, String key, byte[] value) {
        String text() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private final String p;
    private final List<Line> lines = new ArrayList<>();
    private int seconds;

    Conversations(String prefix) {
        this.p = prefix;
    }

    String id(String local) {
        return p + "-" + local;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    /**
     * Grooming: an adult (declared 34) asks a child's age, the child says 13 although the profile says 18, then
     * flattery, secrecy, a move to another app and a meeting proposal.
     */
    Conversations grooming() {
        profile("adult", 34, "M");
        profile("teen", 18, "F");
        String c = "groom";
        msg(c, "g1", "adult", "teen", "slt ca va ? tu as quel age ?");
        msg(c, "g2", "teen", "adult", "j'ai 13 ans et toi");
        msg(c, "g3", "adult", "teen", "t'es mature pour ton age, je suis le seul qui te comprend");
        msg(c, "g4", "adult", "teen", "tes parents sont la ? dis rien a tes parents, c'est notre secret");
        msg(c, "g5", "adult", "teen", "ajoute moi sur snap, ici c'est pas prive");
        msg(c, "g6", "adult", "teen", "on se voit samedi ? je viens te chercher a la sortie du college");
        return this;
    }

    /** Homophobic ambush: a fake profile lures a man to a car park, alone, at night; then a slur to his friends. */
    Conversations ambush() {
        profile("lure", 22, "M");
        profile("target", 27, "M");
        String c = "ambush";
        msg(c, "a1", "lure", "target", "salut, t'es dispo ce soir ?");
        msg(c, "a2", "target", "lure", "oui pourquoi pas, je suis gay et discret");
        msg(c, "a3", "lure", "target", "viens au parking derriere la gare a 23h, viens seul, personne doit savoir que tu viens");
        msg(c, "a4", "lure", "target", "on sera plusieurs avec mes potes, on va le taper ce sale pd");
        return this;
    }

    /** Two teenagers talking about homework and seeing each other at school: must not alert. */
    Conversations benignTeens() {
        profile("lea", 15, "F");
        profile("tom", 16, "M");
        String c = "teens";
        msg(c, "b1", "lea", "tom", "t'as fini le devoir de maths ?");
        msg(c, "b2", "tom", "lea", "presque, l'exercice 3 est trop dur");
        msg(c, "b3", "lea", "tom", "je t'explique demain a la recre si tu veux");
        msg(c, "b4", "tom", "lea", "merci t'es la meilleure, a demain");
        return this;
    }

    /** Adults chatting about a film in English and French: must not alert. */
    Conversations benignAdults() {
        profile("ana", 31, "F");
        profile("marc", 29, "M");
        String c = "film";
        msg(c, "f1", "ana", "marc", "did you watch the new season yesterday?");
        msg(c, "f2", "marc", "ana", "oui, la fin est incroyable, j'ai pas dormi");
        msg(c, "f3", "ana", "marc", "let's go to the cinema with the team next week");
        return this;
    }

    Line profile(String user, int declaredAge, String gender) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", "profile");
        v.put("userId", id(user));
        v.put("declaredAge", declaredAge);
        v.put("gender", gender);
        v.put("accountCreatedAt", T0.minusSeconds(86_400L * 30).toString());
        v.put("deviceId", id("dev-" + user));
        v.put("updatedAt", T0.toString());
        Line line = new Line("profiles", id(user), bytes(v));
        lines.add(line);
        return line;
    }

    Line msg(String conversation, String messageId, String sender, String recipient, String text) {
        seconds += 45;
        return msgAt(conversation, messageId, sender, recipient, T0.plusSeconds(seconds), text);
    }

    /** A message sent at {@code sentAt} exactly (a clock that is wrong, a late delivery). */
    Line msgAt(String conversation, String messageId, String sender, String recipient, Instant sentAt,
               String text) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", "message");
        v.put("messageId", id(messageId));
        v.put("conversationId", id(conversation));
        v.put("roomId", null);
        v.put("senderId", id(sender));
        v.put("recipientIds", List.of(id(recipient)));
        v.put("sentAt", sentAt.toString());
        v.put("text", text);
        Line line = new Line("messages", id(conversation), bytes(v));
        lines.add(line);
        return line;
    }

    /** A message record whose value is the given raw bytes (for the DLQ tests). */
    Line raw(String key, byte[] value) {
        Line line = new Line("messages", key, value);
        lines.add(line);
        return line;
    }

    /** The ids of the messages of one conversation, in order. */
    List<String> messageIds(String conversation) {
        List<String> ids = new ArrayList<>();
        for (Line l : lines) {
            if (l.topic().equals("messages") && id(conversation).equals(l.key())) {
                ids.add(messageIdOf(l));
            }
        }
        return ids;
    }

    private static String messageIdOf(Line l) {
        try {
            return JSON.readTree(l.value()).path("messageId").asText();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Map<String, Object> v) {
        try {
            return JSON.writeValueAsBytes(v);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
