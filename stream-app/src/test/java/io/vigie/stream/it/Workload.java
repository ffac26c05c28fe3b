package io.vigie.stream.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scripted conversations as live traffic: the profiles, then rounds, where round {@code i} holds the
 * {@code i}-th message of every conversation (so the conversations interleave). Produced round by round with the
 * app caught up in between, a message never races the previous reply of its own conversation through the
 * app's global user facts, as it never does in a real chat, where replies are seconds apart; that makes the live
 * run comparable with the offline replay. A fault injected between the first and the second half of the rounds
 * hits every conversation in the middle, so state that was lost or duplicated shows in the later alerts.
 */
record Workload(List<Conversations.Line> profiles, List<List<Conversations.Line>> rounds) {

    /** {@code groups} copies of the four scripted conversations, each copy with its own ids. */
    static Workload of(String prefix, int groups) {
        List<Conversations> copies = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            copies.add(new Conversations(prefix + "-g" + g).grooming().ambush().benignTeens().benignAdults());
        }
        return of(copies);
    }

    static Workload of(List<Conversations> conversations) {
        List<Conversations.Line> profiles = new ArrayList<>();
        Map<String, List<Conversations.Line>> byConversation = new LinkedHashMap<>();
        for (Conversations c : conversations) {
            for (Conversations.Line line : c.lines()) {
                if (line.topic().equals("profiles")) {
                    profiles.add(line);
                } else {
                    byConversation.computeIfAbsent(line.key(), k -> new ArrayList<>()).add(line);
                }
            }
        }
        int longest = byConversation.values().stream().mapToInt(List::size).max().orElse(0);
        List<List<Conversations.Line>> rounds = new ArrayList<>();
        for (int i = 0; i < longest; i++) {
            List<Conversations.Line> round = new ArrayList<>();
            for (List<Conversations.Line> conversation : byConversation.values()) {
                if (i < conversation.size()) {
                    round.add(conversation.get(i));
                }
            }
            rounds.add(List.copyOf(round));
        }
        return new Workload(List.copyOf(profiles), List.copyOf(rounds));
    }

    /** The first half of the rounds. */
    List<List<Conversations.Line>> firstHalf() {
        return rounds.subList(0, rounds.size() / 2);
    }

    /** The second half of the rounds. */
    List<List<Conversations.Line>> secondHalf() {
        return rounds.subList(rounds.size() / 2, rounds.size());
    }

    /** Every message of the given rounds, in order. */
    static List<Conversations.Line> flat(List<List<Conversations.Line>> rounds) {
        List<Conversations.Line> out = new ArrayList<>();
        rounds.forEach(out::addAll);
        return out;
    }

    /** Everything in the order it is produced: the replay oracle's input. */
    List<Conversations.Line> all() {
        List<Conversations.Line> all = new ArrayList<>(profiles);
        all.addAll(flat(rounds));
        return all;
    }

    int messages() {
        return flat(rounds).size();
    }
}
