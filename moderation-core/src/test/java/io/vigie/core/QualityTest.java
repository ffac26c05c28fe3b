package io.vigie.core;

import io.vigie.core.assess.Assessment;
import io.vigie.core.assess.Policy;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.SenderSnapshot;
import io.vigie.core.contract.Severity;
import io.vigie.core.state.ConversationState;
import io.vigie.core.state.UserState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.core.rule.RulePackLoader;
import io.vigie.core.rule.RuleTester;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the labelled corpus (src/test/resources/corpus/{tuning,holdout}) through the whole pipeline and checks
 * recall per category and false positives on hard negatives.
 *
 * <p>Pipeline: {@code ModerationEngine.defaults().newSession().assess(...)}, each conversation fed message by
 * message with its participants' declared ages and account ages as sender snapshots: the embedded lexicons,
 * the default {@link RulePackLoader rule pack} and the default policy. An item counts as detected for a category
 * when any of its messages raised an alert of severity MEDIUM or more carrying that category.
 *
 * <p>Thresholds, and why:
 * <ul>
 *   <li>tuning split, recall ≥ 0.9 per category: the rules were written looking at it; less means a rule or
 *   a lexicon term regressed.</li>
 *   <li>holdout split, recall ≥ 0.8 over all labels, and ≥ 0.6 per category: holdout has 7–16 items per
 *   category, so one miss moves a category 6–14 points; 0.6 catches a broken category without failing on one
 *   lexicon gap, and the overall 0.8 is the quality bar.</li>
 *   <li>hard negatives (teenagers among themselves, parent and child, adults flirting, gay users, counter-speech,
 *   news of the closure, prices, "14 minutes", school notices): false-positive rate ≤ 5 % over both splits
 *   together and ≤ 10 % in either split: every alert costs a reviewer's time, and a few of these cannot be told
 *   apart from harm by wording alone (a joking "je vais te tuer", a victim quoting a slur).</li>
 *   <li>ordinary chat: no alert at all.</li>
 * </ul>
 */
class QualityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TUNING_RECALL_PER_CATEGORY = 0.9;
    private static final double HOLDOUT_RECALL_OVERALL = 0.8;
    private static final double HOLDOUT_RECALL_PER_CATEGORY = 0.6;
    private static final double HARD_NEGATIVE_FP_BOTH = 0.05;
    private static final double HARD_NEGATIVE_FP_SPLIT = 0.10;

    record Item(String id, String lang, Set<Category> expect, boolean hard, String note, boolean publicRoom,
                Map<String, JsonNode> users, List<String[]> messages) {
    }

    record Result(String split, int items, Map<Category, int[]> recall, int hardNegatives, int hardFalsePositives,
                  int ordinaryNegatives, int ordinaryFalsePositives, List<String> misses) {

        double recallOf(Category c) {
            int[] r = recall.get(c);
            return r == null || r[0] == 0 ? 1.0 : (double) r[1] / r[0];
        }

        double overallRecall() {
            int pos = 0;
            int hit = 0;
            for (int[] r : recall.values()) {
                pos += r[0];
                hit += r[1];
            }
            return pos == 0 ? 1.0 : (double) hit / pos;
        }

        double hardFpRate() {
            return hardNegatives == 0 ? 0 : (double) hardFalsePositives / hardNegatives;
        }
    }

    /** Alerted categories of one corpus item. */
    interface Runner {
        String name();

        Set<Category> run(Item item);
    }

    @Test
    void shouldMeetRecallAndFalsePositiveThresholdsOnBothSplits() throws IOException {
        // given
        List<Item> tuning = read("/corpus/tuning/tuning.jsonl");
        List<Item> holdout = read("/corpus/holdout/holdout.jsonl");
        Runner runner = runner();

        // when
        Result t = evaluate("tuning", tuning, runner);
        Result h = evaluate("holdout", holdout, runner);
        System.out.println("quality through " + runner.name());
        print(t);
        print(h);

        // then
        for (Category c : Category.values()) {
            assertTrue(t.recallOf(c) >= TUNING_RECALL_PER_CATEGORY, "tuning recall " + c + " = " + t.recallOf(c));
            assertTrue(h.recallOf(c) >= HOLDOUT_RECALL_PER_CATEGORY, "holdout recall " + c + " = " + h.recallOf(c));
        }
        assertTrue(h.overallRecall() >= HOLDOUT_RECALL_OVERALL, "holdout recall " + h.overallRecall());
        assertTrue(t.hardFpRate() <= HARD_NEGATIVE_FP_SPLIT, "tuning hard-negative FP rate " + t.hardFpRate());
        assertTrue(h.hardFpRate() <= HARD_NEGATIVE_FP_SPLIT, "holdout hard-negative FP rate " + h.hardFpRate());
        double both = (double) (t.hardFalsePositives() + h.hardFalsePositives())
                / (t.hardNegatives() + h.hardNegatives());
        assertTrue(both <= HARD_NEGATIVE_FP_BOTH, "hard-negative FP rate over both splits " + both);
        assertEquals(0, t.ordinaryFalsePositives() + h.ordinaryFalsePositives(), "alerts on ordinary chat");
    }

    @Test
    void shouldHoldAtLeast300LabelledItemsCoveringEveryCategoryInBothSplits() throws IOException {
        // given
        List<Item> tuning = read("/corpus/tuning/tuning.jsonl");
        List<Item> holdout = read("/corpus/holdout/holdout.jsonl");

        // then
        assertTrue(tuning.size() + holdout.size() >= 300, "corpus size " + (tuning.size() + holdout.size()));
        for (List<Item> split : List.of(tuning, holdout)) {
            Set<Category> covered = EnumSet.noneOf(Category.class);
            Set<String> langs = new HashSet<>();
            int hard = 0;
            for (Item i : split) {
                covered.addAll(i.expect());
                langs.add(i.lang());
                hard += i.hard() ? 1 : 0;
                assertTrue(!i.hard() || i.expect().isEmpty(), i.id() + " is a hard negative with labels");
            }
            assertEquals(EnumSet.allOf(Category.class), covered);
            assertEquals(Set.of("fr", "en"), langs);
            assertTrue(hard >= 20, "hard negatives: " + hard);
        }
        Set<String> ids = new HashSet<>();
        tuning.forEach(i -> assertTrue(ids.add(i.id()), "duplicate id " + i.id()));
        holdout.forEach(i -> assertTrue(ids.add(i.id()), "duplicate id " + i.id()));
    }

    static Result evaluate(String split, List<Item> items, Runner runner) {
        Map<Category, int[]> recall = new EnumMap<>(Category.class);
        int hardNeg = 0;
        int hardFp = 0;
        int ordNeg = 0;
        int ordFp = 0;
        List<String> misses = new ArrayList<>();
        for (Item item : items) {
            Set<Category> got = runner.run(item);
            for (Category c : item.expect()) {
                int[] r = recall.computeIfAbsent(c, k -> new int[2]);
                r[0]++;
                if (got.contains(c)) {
                    r[1]++;
                } else {
                    misses.add("miss " + c + " " + item.id() + " " + texts(item) + " (got " + got + ")");
                }
            }
            if (item.expect().isEmpty()) {
                if (item.hard()) {
                    hardNeg++;
                } else {
                    ordNeg++;
                }
                if (!got.isEmpty()) {
                    if (item.hard()) {
                        hardFp++;
                    } else {
                        ordFp++;
                    }
                    misses.add("false positive " + got + " " + item.id() + " (" + item.note() + ") " + texts(item));
                }
            }
        }
        return new Result(split, items.size(), recall, hardNeg, hardFp, ordNeg, ordFp, misses);
    }

    private static String texts(Item item) {
        StringBuilder sb = new StringBuilder();
        for (String[] m : item.messages()) {
            sb.append(m[0]).append(": \"").append(m[1]).append("\" ");
        }
        return sb.toString().trim();
    }

    private static void print(Result r) {
        System.out.printf("%s: %d items%n", r.split(), r.items());
        for (Category c : Category.values()) {
            int[] x = r.recall().getOrDefault(c, new int[2]);
            System.out.printf("  %-20s recall %2d/%-2d = %.2f%n", c, x[1], x[0], r.recallOf(c));
        }
        System.out.printf("  overall recall %.3f; hard negatives alerted %d/%d = %.3f; ordinary negatives alerted %d/%d%n",
                r.overallRecall(), r.hardFalsePositives(), r.hardNegatives(), r.hardFpRate(),
                r.ordinaryFalsePositives(), r.ordinaryNegatives());
        r.misses().forEach(m -> System.out.println("    " + m));
    }

    static List<Item> read(String resource) throws IOException {
        List<Item> out = new ArrayList<>();
        try (InputStream in = QualityTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "missing " + resource);
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                Set<Category> expect = EnumSet.noneOf(Category.class);
                n.get("expect").forEach(c -> expect.add(Category.parse(c.asText())));
                Map<String, JsonNode> users = new LinkedHashMap<>();
                n.get("users").properties().forEach(e -> users.put(e.getKey(), e.getValue()));
                List<String[]> messages = new ArrayList<>();
                n.get("messages").forEach(m -> messages.add(new String[] {m.get("from").asText(), m.get("text").asText()}));
                out.add(new Item(n.get("id").asText(), n.get("lang").asText(), expect, n.path("hard").asBoolean(),
                        n.path("note").asText(), n.path("public").asBoolean(), users, messages));
            }
        }
        return out;
    }

    static Runner runner() {
        // the corpus's items are one to a few messages, each a pattern the pack must know: whether a lone weak
        // finding reaches a human at once is the conversation policy's call, measured on whole labelled
        // conversations (stream-app's DevSetTest), so every alert is raised at once here
        return new EngineRunner(ModerationEngine.defaults(Policy.defaults().withAloneAt(0)),
                "ModerationEngine.defaults(), every alert at once");
    }

    /** The real engine, conversations fed message by message. */
    static final class EngineRunner implements Runner {
        private final ModerationEngine engine;
        private final String name;

        EngineRunner(ModerationEngine engine, String name) {
            this.engine = engine;
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<Category> run(Item item) {
            ModerationSession session = engine.newSession();
            Instant t0 = Instant.ofEpochMilli(RuleTester.EXAMPLE_TIME_MS);
            Map<String, UserState> states = new HashMap<>();
            Map<String, SenderSnapshot> snapshots = new HashMap<>();
            for (Map.Entry<String, JsonNode> u : item.users().entrySet()) {
                JsonNode age = u.getValue().get("age");
                JsonNode hours = u.getValue().get("accountHours");
                Instant created = hours == null ? t0.minusSeconds(400L * 24 * 3600)
                        : t0.minusSeconds(hours.asLong() * 3600);
                snapshots.put(u.getKey(), new SenderSnapshot(age == null ? null : age.asInt(), null, null, created,
                        "d-" + item.id() + "-" + u.getKey(), null));
                states.put(u.getKey(), UserState.unknown(u.getKey())
                        .withSnapshot(snapshots.get(u.getKey()), t0.minusSeconds(60)));
            }
            ConversationState conversation = null;
            Set<Category> alerted = EnumSet.noneOf(Category.class);
            int i = 0;
            for (String[] m : item.messages()) {
                String from = m[0];
                List<String> to = new ArrayList<>();
                if (!item.publicRoom()) {
                    item.users().keySet().stream().filter(u -> !u.equals(from)).forEach(to::add);
                }
                Instant at = t0.plusSeconds(60L * i);
                ChatMessage msg = new ChatMessage("message", item.id() + "-m" + i, item.id(),
                        item.publicRoom() ? "room-1" : null, from, to, at, m[1], List.of(), snapshots.get(from));
                Map<String, UserState> recipients = new HashMap<>();
                to.forEach(r -> recipients.put(r, states.get(r)));
                Assessment a = session.assess(msg, conversation, states.get(from), recipients);
                conversation = a.conversation();
                states.put(from, a.sender());
                if (a.alert() != null && a.alert().severity().compareTo(Severity.MEDIUM) >= 0) {
                    alerted.addAll(a.alert().categories());
                }
                i++;
            }
            return alerted;
        }
    }
}
