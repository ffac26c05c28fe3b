package io.vigie.stream.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many copies of the scripted conversations (each with its own users and conversation ids), profiles first, then
 * the messages of all conversations interleaved round robin as live traffic would be, split in two parts: the
 * first half of every conversation, then the rest. A fault injected between the parts hits every conversation
 * in the middle, so state that was lost or duplicated shows in the alerts of the second part.
 */
record Workload(List<Conversations.Line> profiles, List<Conversations.Line> firstHalf,
                List<Conversations.Line> secondHalf, int messages) {

    static Workload of(String prefix, int groups) {
        List<Conversations.Line> profiles = new ArrayList<>();
        Map<String, List<Conversations.Line>> byConversation = new LinkedHashMap<>();
        for (int g = 0; g < groups; g++) {
            Conversations c = new Conversations(prefix + "-g" + g).grooming().ambush().benignTeens().benignAdults();
            for (Conversations.Line line : c.lines()) {
                if (line.topic().equals("profiles")) {
                    profiles.add(line);
                } else {
                    byConversation.computeIfAbsent(line.key(), k -> new ArrayList<>()).add(line);
                }
            }
        }
        List<Conversations.Line> first = new ArrayList<>();
        List<Conversations.Line> second = new ArrayList<>();
        interleave(byConversation, first, second);
        return new Workload(List.copyOf(profiles), List.copyOf(first), List.copyOf(second),
                first.size() + second.size());
    }

    private static void interleave(Map<String, List<Conversations.Line>> byConversation,
                                   List<Conversations.Line> first, List<Conversations.Line> second) {
        int longest = byConversation.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<Conversations.Line> conversation : byConversation.values()) {
                if (i < conversation.size()) {
                    (i < conversation.size() / 2 ? first : second).add(conversation.get(i));
                }
            }
        }
    }

    /** Everything in the order it is produced: the replay oracle's input. */
    List<Conversations.Line> all() {
        List<Conversations.Line> all = new ArrayList<>(profiles);
        all.addAll(firstHalf);
        all.addAll(secondHalf);
        return all;
    }

    /** The first part with the profiles before it. */
    List<Conversations.Line> profilesAndFirstHalf() {
        List<Conversations.Line> out = new ArrayList<>(profiles);
        out.addAll(firstHalf);
        return out;
    }
}
