package io.vigie.core.model;

import io.vigie.core.contract.Category;
import io.vigie.core.normalize.NormalizedText;
import io.vigie.core.normalize.Normalizers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer on a made-up chat: harmful conversations mix ordinary words with phrases of two invented harms
 * ("bring the zorvak" for one category, "the quillet knows your street" for another), benign ones use the same
 * ordinary words and the harm words in other company ("zorvak soup"); three groups, so calibration folds by group.
 */
class RiskModelTrainerTest {

    private static final String[] ORDINARY = {"hello", "how was your day", "see you at the match", "lol ok",
        "my sister says hi", "the bus was late again", "what are you cooking", "nice photo", "bonne soirée",
        "on se voit demain", "trop bien", "je suis crevé"};
    private static final String[] HARM_A = {"bring the zorvak tonight", "come alone and bring the zorvak",
        "the zorvak stays between us", "no phone, just the zorvak"};
    private static final String[] HARM_B = {"the quillet knows your street", "pay or the quillet visits",
        "the quillet is watching your door", "tell nobody, the quillet listens"};
    private static final String[] LOOKALIKE = {"zorvak soup is my favourite", "the street market was busy",
        "my cat watches the door all day", "tell nobody about the surprise cake"};

    private static List<RiskModelTrainer.Conversation> chat(long seed, int perGroup) {
        Random r = new Random(seed);
        List<RiskModelTrainer.Conversation> out = new ArrayList<>();
        for (String group : List.of("g1", "g2", "g3")) {
            for (int i = 0; i < perGroup; i++) {
                boolean harmful = i % 2 == 0;
                boolean a = i % 4 == 0;
                List<String> texts = new ArrayList<>();
                int flag = -1;
                for (int m = 0; m < 6; m++) {
                    if (harmful && m >= 3) {
                        flag = flag < 0 ? m : flag;
                        String[] pool = a ? HARM_A : HARM_B;
                        texts.add(pool[r.nextInt(pool.length)]);
                    } else if (!harmful && m == 4) {
                        texts.add(LOOKALIKE[r.nextInt(LOOKALIKE.length)]);
                    } else {
                        texts.add(ORDINARY[r.nextInt(ORDINARY.length)]);
                    }
                }
                Set<Category> labels = !harmful ? Set.of() : a ? Set.of(Category.AMBUSH) : Set.of(Category.THREAT);
                out.add(new RiskModelTrainer.Conversation(group + "-" + i, group, texts, labels, Math.max(flag, 0),
                        false));
            }
        }
        return out;
    }

    private static RiskModelTrainer.Result train(List<RiskModelTrainer.Conversation> data, List<String> progress) {
        return new RiskModelTrainer(Normalizers::standard, RiskModelTrainer.Options.defaults(), progress::add)
                .train(data, "test chat");
    }

    private static RiskModel.Scorer score(RiskModel m, String text) {
        RiskModel.Scorer s = m.newScorer();
        NormalizedText t = Normalizers.standard().normalize(text);
        s.score(t.chars(), t.length());
        return s;
    }

    @Test
    void shouldLearnTheHarmPhrasesAndTheirCategoriesAndLeaveTheLookalikesBelowItsThreshold() {
        // when
        RiskModelTrainer.Result result = train(chat(1, 40), new ArrayList<>());
        RiskModel m = result.model();
        // then: phrases it never saw whole, made of the harm's words, score as harm of the right category
        RiskModel.Scorer a = score(m, "did you bring the zorvak");
        assertTrue(a.harm() > m.lowThreshold(), a.harm() + " vs " + m);
        assertEquals(List.of(Category.AMBUSH, Category.THREAT), m.categories());
        assertTrue(a.assigns(0) && a.category(0) > a.category(1));
        RiskModel.Scorer b = score(m, "the quillet knows your door");
        assertTrue(b.harm() > m.lowThreshold(), b.harm() + " vs " + m);
        assertTrue(b.assigns(1) && b.category(1) > b.category(0));
        // and the benign company of the same words stays below
        for (String benign : List.of("zorvak soup is my favourite", "see you at the match", "my cat watches the door")) {
            assertTrue(score(m, benign).harm() < m.lowThreshold(), benign + ": " + score(m, benign).harm());
        }
    }

    @Test
    void shouldCalibrateOnFoldsItDidNotTrainOnWithinTheTargetFalseAlertRate() {
        // given
        List<String> progress = new ArrayList<>();
        // when
        RiskModelTrainer.Result result = train(chat(2, 40), progress);
        // then: one fold per group, every conversation scored out of fold, at most 2 % of the 60 benign flagged
        RiskModelTrainer.Calibration c = result.calibration();
        assertEquals(3, c.folds());
        assertEquals(60, c.harmful());
        assertEquals(60, c.benign());
        assertTrue(c.benignFlagged() <= 1, c.toString());
        assertTrue(c.harmfulFlagged() >= 54, c.toString());
        assertEquals(c.low(), result.model().lowThreshold());
        assertEquals(c.high(), result.model().highThreshold());
        assertTrue(progress.contains("calibration fold 3/3"), progress.toString());
        // harmful conversations count from the flagged message: 3 of 6 messages each
        assertEquals(60 * 3 + 60 * 6, result.samples());
        assertEquals(60 * 3, result.positives());
    }

    @Test
    void shouldGiveTheSameModelByteForByteFromTheSameInput() throws Exception {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        train(chat(3, 20), new ArrayList<>()).model().write(first);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        train(chat(3, 20), new ArrayList<>()).model().write(second);
        assertArrayEquals(first.toByteArray(), second.toByteArray());
    }

    @Test
    void shouldTrainOnBackgroundTrafficWithoutCountingItInTheCalibration() {
        // given the chat plus everyday traffic where a lookalike is common
        List<RiskModelTrainer.Conversation> data = new ArrayList<>(chat(4, 40));
        for (int i = 0; i < 50; i++) {
            data.add(new RiskModelTrainer.Conversation("bg-" + i, "", List.of("hello", "bring the cake tonight",
                    "lol ok"), Set.of(), 0, true));
        }
        // when
        RiskModelTrainer.Result result = train(data, new ArrayList<>());
        // then: calibration saw only the labelled conversations, and the everyday phrase stays benign
        assertEquals(60, result.calibration().benign());
        assertEquals(3, result.calibration().folds());
        assertTrue(score(result.model(), "bring the cake tonight").harm() < result.model().lowThreshold());
    }

    @Test
    void shouldLeaveOutNgramsFewerMessagesHaveThanTheMinimumCount() {
        // given the chat plus one benign message whose words nothing else has
        List<RiskModelTrainer.Conversation> data = new ArrayList<>(chat(6, 20));
        data.add(new RiskModelTrainer.Conversation("once", "g1", List.of("flimwort grobbledy"), Set.of(), 0, false));
        RiskModelTrainer.Options d = RiskModelTrainer.Options.defaults();
        // when
        RiskModel all = train(data, new ArrayList<>()).model();
        RiskModel pruned = new RiskModelTrainer(Normalizers::standard,
                d.withMinCount(2), s -> { }).train(data, "")
                .model();
        // then: the message's own words weigh in the full model only
        assertTrue(pruned.size() < all.size(), pruned + " vs " + all);
        assertTrue(all.harmOf(keys("flimwort grobbledy")) != all.harmOf(new int[0]));
        assertEquals(pruned.harmOf(new int[0]), pruned.harmOf(keys("flimwort grobbledy")));
        assertThrows(IllegalArgumentException.class, () -> new RiskModelTrainer.Options(6, 1, 0.02, 0, 0.2));
    }

    @Test
    void shouldDropNgramsReproduciblyAndOnlyWhenAsked() {
        // given the same chat trained with and without dropout
        List<RiskModelTrainer.Conversation> data = chat(6, 20);
        RiskModelTrainer.Options d = RiskModelTrainer.Options.defaults();
        RiskModelTrainer.Options none = new RiskModelTrainer.Options(d.epochs(), d.seed(), d.targetFpr(), 1, 0);
        // when
        RiskModel dropped = new RiskModelTrainer(Normalizers::standard, d, s -> { }).train(data, "").model();
        RiskModel again = new RiskModelTrainer(Normalizers::standard, d, s -> { }).train(data, "").model();
        RiskModel kept = new RiskModelTrainer(Normalizers::standard, none, s -> { }).train(data, "").model();
        // then: the same seed drops the same n-grams (the model file is reproducible), and dropping changes weights
        int[] phrase = keys("send me the pics tonight");
        assertEquals(again.harmOf(phrase), dropped.harmOf(phrase));
        assertTrue(kept.harmOf(phrase) != dropped.harmOf(phrase));
        assertThrows(IllegalArgumentException.class, () -> new RiskModelTrainer.Options(6, 1, 0.02, 1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> new RiskModelTrainer.Options(6, 1, 0.02, 1, -0.1));
    }

    private static int[] keys(String text) {
        NgramFeatures f = new NgramFeatures();
        NormalizedText t = Normalizers.standard().normalize(text);
        f.extract(t.chars(), t.length());
        int[] k = new int[f.count()];
        for (int i = 0; i < k.length; i++) {
            k[i] = f.key(i);
        }
        return k;
    }

    @Test
    void shouldRefuseToTrainWithoutBothHarmfulAndBenignConversations() {
        List<RiskModelTrainer.Conversation> onlyHarm = chat(5, 10).stream().filter(c -> !c.labels().isEmpty()).toList();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train(onlyHarm, new ArrayList<>()));
        assertTrue(e.getMessage().contains("harmful and benign"), e.getMessage());
        assertFalse(new RiskModelTrainer.Conversation("y", null, List.of("a"), Set.of(), 7, false).trainOnly());
    }
}
