package io.vigie.stream.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatSimulatorTest {

    @Test
    void shouldProduceTheSameFeedForTheSameSeed() {
        // given
        ChatSimulator first = new ChatSimulator(42, SimConfig.defaults().withHarmfulRate(0.05));
        ChatSimulator second = new ChatSimulator(42, SimConfig.defaults().withHarmfulRate(0.05));
        ChatSimulator other = new ChatSimulator(43, SimConfig.defaults().withHarmfulRate(0.05));

        // when
        List<String> a = jsonLines(first, 5_000);
        List<String> b = jsonLines(second, 5_000);
        List<String> c = jsonLines(other, 5_000);

        // then
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void shouldInjectHarmfulMessagesAtTheConfiguredRate() {
        // given
        ChatSimulator sim = new ChatSimulator(7, SimConfig.defaults().withHarmfulRate(0.05));

        // when
        int harmful = 0;
        int messages = 40_000;
        for (int i = 0; i < messages; i++) {
            if (sim.nextMessage().harmful()) {
                harmful++;
            }
        }

        // then: binomial sd at n=40k, p=0.05 is about 0.0011
        double rate = harmful / (double) messages;
        assertTrue(rate > 0.045 && rate < 0.055, "harmful rate " + rate);
        assertEquals(harmful, sim.harmfulEmitted());
    }

    @Test
    void shouldInjectNothingWhenRateIsZero() {
        ChatSimulator sim = new ChatSimulator(7, SimConfig.defaults().withHarmfulRate(0));
        for (int i = 0; i < 20_000; i++) {
            assertFalse(sim.nextMessage().harmful());
        }
    }

    @Test
    void shouldAnnounceEveryUserBeforeTheirFirstMessageAndNeverGoBackInTime() {
        // given
        ChatSimulator sim = new ChatSimulator(1, SimConfig.defaults().withHarmfulRate(0.1));
        Set<String> announced = new HashSet<>();
        Instant last = Instant.MIN;

        // when / then
        for (int i = 0; i < 30_000; i++) {
            SimEvent event = sim.next();
            assertFalse(event.eventTime().isBefore(last), "event time went backwards at " + i);
            last = event.eventTime();
            if (event instanceof SimEvent.ProfileEvent p) {
                assertTrue(announced.add(p.profile().userId()), "profile announced twice");
            } else if (event instanceof SimEvent.MessageEvent m) {
                assertTrue(announced.contains(m.message().senderId()), "sender not announced");
                for (String r : m.message().recipientIds()) {
                    assertTrue(announced.contains(r), "recipient not announced");
                }
            }
        }
    }

    @Test
    void shouldPlayEveryScenarioScriptInOrderInOnePrivateConversation() {
        // given
        ChatSimulator sim = new ChatSimulator(3, SimConfig.defaults().withHarmfulRate(0.2));
        Map<String, List<SimEvent.MessageEvent>> byScenario = new HashMap<>();
        Set<Scenario> seen = EnumSet.noneOf(Scenario.class);

        // when
        for (int i = 0; i < 20_000; i++) {
            SimEvent.MessageEvent m = sim.nextMessage();
            if (m.harmful()) {
                byScenario.computeIfAbsent(m.scenarioId(), k -> new ArrayList<>()).add(m);
                seen.add(m.scenario());
            }
        }

        // then
        assertEquals(EnumSet.allOf(Scenario.class), seen);
        for (List<SimEvent.MessageEvent> steps : byScenario.values()) {
            Set<String> privateConversations = new HashSet<>();
            for (int i = 0; i < steps.size(); i++) {
                assertEquals(i, steps.get(i).step(), "scenario steps out of order");
                if (!steps.get(i).message().isPublic()) {
                    privateConversations.add(steps.get(i).message().conversationId());
                }
            }
            assertTrue(privateConversations.size() <= 1, "a scenario must stay in one private conversation");
        }
    }

    @Test
    void shouldTargetChildrenInGroomingScenarios() {
        // given
        ChatSimulator sim = new ChatSimulator(5, SimConfig.defaults().withHarmfulRate(0.3).withNoise(0));
        int answers = 0;

        // when: the victim answers the age question with their real age
        for (int i = 0; i < 20_000; i++) {
            SimEvent.MessageEvent m = sim.nextMessage();
            if (m.scenario() == Scenario.GROOMING && m.step() == 1) {
                int age = Integer.parseInt(m.message().text().replaceAll("^\\D*(\\d+).*$", "$1"));
                // then
                assertTrue(age < 18, "grooming victim stated " + age);
                answers++;
            }
        }
        assertTrue(answers > 10);
    }

    @Test
    void shouldMixHardNegativesIntoBenignTraffic() {
        // given
        ChatSimulator sim = new ChatSimulator(11, SimConfig.defaults().withHarmfulRate(0).withNoise(0));
        boolean sale = false;
        boolean minutes = false;
        boolean twoMinors = false;

        // when
        for (int i = 0; i < 50_000; i++) {
            String text = sim.nextMessage().message().text();
            sale |= text.contains("150€");
            minutes |= text.contains("14 minutes");
            twoMinors |= text.contains("collège") || text.contains("middle school");
        }

        // then
        assertTrue(sale && minutes && twoMinors);
    }

    @Test
    void shouldWriteContractJsonLinesThatReadBack(@TempDir Path dir) throws IOException {
        // given
        Path out = dir.resolve("feed.jsonl");
        ChatSimulator sim = new ChatSimulator(9, SimConfig.defaults().withHarmfulRate(0.1));

        // when
        long lines = sim.writeJsonl(out, 2_000, true, null);

        // then
        List<String> read = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(lines, read.size());
        int messages = 0;
        int labelled = 0;
        for (String line : read) {
            JsonNode node = SimJson.mapper().readTree(line);
            if ("message".equals(node.get("type").asText())) {
                ChatMessage m = SimJson.mapper().readerFor(ChatMessage.class)
                        .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .readValue(line);
                assertFalse(m.messageId().isBlank());
                assertTrue(node.get("sentAt").asText().endsWith("Z"), "sentAt is ISO-8601");
                assertFalse(node.has("public"), "derived fields stay off the wire");
                messages++;
                labelled += node.has("sim") ? 1 : 0;
            } else {
                assertEquals("profile", node.get("type").asText());
                SimJson.mapper().readValue(line, Profile.class);
            }
        }
        assertEquals(2_000, messages);
        assertTrue(labelled > 100 && labelled < 300, "labelled " + labelled);
    }

    private static List<String> jsonLines(ChatSimulator sim, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(SimJson.toJson(sim.next()));
        }
        return out;
    }
}
