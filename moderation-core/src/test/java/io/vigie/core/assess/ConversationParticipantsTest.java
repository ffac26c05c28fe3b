package io.vigie.core.assess;

import io.vigie.core.contract.ChatMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The participants after a message are the bounded, ordered set of everyone seen, whichever path computes them. */
class ConversationParticipantsTest {

    /** The definition: newcomers join the end in message order, the earliest arrivals leave beyond the bound. */
    private static List<String> reference(List<String> known, ChatMessage m, int max) {
        LinkedHashSet<String> grown = new LinkedHashSet<>(known);
        grown.add(m.senderId());
        for (String r : m.recipientIds()) {
            grown.add(r);
            while (grown.size() > max) {
                grown.remove(grown.iterator().next());
            }
        }
        while (grown.size() > max) {
            grown.remove(grown.iterator().next());
        }
        return new ArrayList<>(grown);
    }

    private static ChatMessage message(String from, List<String> to) {
        return new ChatMessage("message", "m-1", "c-1", null, from, to, Instant.EPOCH, "", List.of(), null);
    }

    @Test
    void shouldKeepEveryoneSeenInArrivalOrderWithinTheBound() {
        Random rnd = new Random(5);
        for (int round = 0; round < 5000; round++) {
            // given: distinct known participants, a sender and 0-3 recipients drawn from a small pool of users
            int max = 1 + rnd.nextInt(6);
            List<String> known = new ArrayList<>();
            for (int i = 0, n = rnd.nextInt(max + 1); i < n; i++) {
                String u = "u" + rnd.nextInt(9);
                if (!known.contains(u)) {
                    known.add(u);
                }
            }
            List<String> to = new ArrayList<>();
            for (int i = 0, n = rnd.nextInt(4); i < n; i++) {
                to.add("u" + rnd.nextInt(9));
            }
            ChatMessage m = message("u" + rnd.nextInt(9), to);
            // when
            List<String> after = ConversationUpdate.participants(List.copyOf(known), m, max);
            // then
            assertEquals(reference(known, m, max), after, "known " + known + ", " + m.senderId() + " -> " + to
                    + ", max " + max);
        }
    }

    @Test
    void shouldReturnTheSameListWhenEveryoneIsKnown() {
        List<String> known = List.of("a", "b", "c");
        assertSame(known, ConversationUpdate.participants(known, message("b", List.of("a")), 3));
    }
}
