package io.vigie.core.cue;

import io.vigie.core.contract.Category;
import io.vigie.core.model.RiskModel;
import io.vigie.core.model.RiskModelLoader;
import io.vigie.core.normalize.NormalizedText;
import io.vigie.core.normalize.Normalizers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The risk model's scores become cues: model.plausible, model.harm, model.harm_high and model.&lt;category&gt;, over
 * the evidence.
 */
class RiskModelCueTest {

    private static final String TEXT = "viens seul, pas d'appel, et ramène du liquide";

    private static MessageCues cues(RiskModel risk, String text) throws Exception {
        return CueModels.builder().riskModel(risk).build().newExtractor().extract(text, List.of(), TestCues.EVENT_MS);
    }

    private static List<String> modelCues(CueRegistry registry, MessageCues f) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < f.firedCount(); i++) {
            String name = registry.name(f.firedCues()[i]);
            if (name.startsWith("model.") && !name.equals(Cues.MODEL_CONTEXT)) {
                out.add(name);
            }
        }
        return out;
    }

    @Test
    void shouldReadTheWholeConversationForTheContextCueAndCarryItsSumToTheNextMessage() throws Exception {
        // given the embedded model, which has a context output
        RiskModel m = RiskModelLoader.embedded();
        RiskModel.Context c = m.context();
        assertTrue(c != null, "the embedded model carries the context output");
        CueModel model = CueModels.builder().riskModel(m).build();
        CueExtractor ex = model.newExtractor();
        int context = model.cues().id(Cues.MODEL_CONTEXT);
        // when the same message comes first, then after an earlier sum
        MessageCues first = ex.extract(TEXT, List.of(), TestCues.EVENT_MS);
        float alone = first.contextSum();
        MessageCues later = ex.extract(TEXT, List.of(), TestCues.EVENT_MS, 4f, 3);
        // then the sum decays the earlier one and adds this message's part; the score divides by the decayed count
        assertEquals(c.sum(4f, alone), later.contextSum(), 1e-5);
        assertEquals(c.score(c.sum(4f, alone), 4), later.contextScore(), 1e-5);
        assertTrue(first.has(context), "a conversation's first message is never vetoed by its context");
        assertEquals(later.contextScore() > c.gate(), later.has(context));
        // and the gate decides, whatever the words
        MessageCues shut = CueModels.builder().riskModel(m.withContextGate(1e9f)).build().newExtractor()
                .extract(TEXT, List.of(), TestCues.EVENT_MS, 4f, 3);
        MessageCues open = CueModels.builder().riskModel(m.withContextGate(-1e9f)).build().newExtractor()
                .extract("bonne nuit maman", List.of(), TestCues.EVENT_MS);
        assertFalse(shut.has(context));
        assertTrue(open.has(context));
        // without a model nothing is ruled out
        MessageCues none = CueModels.builder().riskModel(null).build().newExtractor()
                .extract("bonne nuit maman", List.of(), TestCues.EVENT_MS);
        assertTrue(none.has(context));
        assertTrue(Float.isNaN(none.contextScore()));
    }

    @Test
    void shouldFireTheHarmCuesAndTheAssignedCategoriesOverTheStrongestNgram() throws Exception {
        // given the embedded weights with thresholds every message clears
        RiskModel everything = RiskModelLoader.embedded().withThresholds(-1e9f, -1e9f, 1e9f);
        CueModel model = CueModels.builder().riskModel(everything).build();
        // when
        MessageCues f = model.newExtractor().extract(TEXT, List.of(), TestCues.EVENT_MS);
        // then: the four harm cues, and exactly one category (the top one: the margin is out of reach)
        List<String> fired = modelCues(model.cues(), f);
        assertTrue(fired.containsAll(List.of(Cues.MODEL_PLAUSIBLE, Cues.MODEL_HARM_WEAK, Cues.MODEL_HARM,
                Cues.MODEL_HARM_HIGH)), fired.toString());
        assertEquals(5, fired.size(), fired.toString());
        int harm = model.cues().id(Cues.MODEL_HARM);
        String evidence = TEXT.substring(f.start(harm), f.end(harm));
        assertFalse(evidence.isBlank());
        assertTrue(TEXT.contains(evidence));
    }

    @Test
    void shouldFireTheWeakCueAndTheCategoryBelowTheLowThreshold() throws Exception {
        // given a model whose low threshold is 1.2 times the text's harm: above the weak threshold (70 % of low)
        RiskModel embedded = RiskModelLoader.embedded();
        float harm = harmOf(embedded, TEXT);
        RiskModel between = embedded.withThresholds(1.2f * harm, 1e9f, 1e9f);
        // then: plausible, weak and the top category, not model.harm
        List<String> fired = modelCues(CueModels.builder().riskModel(between).build().cues(), cues(between, TEXT));
        assertEquals(List.of(Cues.MODEL_PLAUSIBLE, Cues.MODEL_HARM_WEAK, Cues.model(Category.AMBUSH)), fired);
    }

    private static float harmOf(RiskModel model, String text) {
        RiskModel.Scorer scorer = model.newScorer();
        NormalizedText t = Normalizers.standard().normalize(text);
        scorer.score(t.chars(), t.length());
        return scorer.harm();
    }

    @Test
    void shouldFireOnlyPlausibleBetweenItsThresholdAndTheLowOne() throws Exception {
        // given a model whose low threshold is twice the text's harm: plausible (a quarter of low) is below it
        RiskModel embedded = RiskModelLoader.embedded();
        float harm = harmOf(embedded, TEXT);
        assertTrue(harm > 0, "the text reads harmful: " + harm);
        RiskModel between = embedded.withThresholds(2 * harm, 1e9f, 1e9f);
        // then
        assertEquals(List.of(Cues.MODEL_PLAUSIBLE), modelCues(CueModels.builder().riskModel(between).build().cues(),
                cues(between, TEXT)));
    }

    @Test
    void shouldFireNothingBelowThePlausibleThresholdAndOnlyPlausibleWithoutAModel() throws Exception {
        RiskModel nothing = RiskModelLoader.embedded().withThresholds(1e9f, 1e9f, 1e9f);
        CueModel model = CueModels.builder().riskModel(nothing).build();
        assertEquals(List.of(), modelCues(model.cues(), model.newExtractor().extract(TEXT, List.of(), TestCues.EVENT_MS)));
        CueModel none = CueModels.builder().riskModel(null).build();
        // no model rules nothing out: rules gated on model.plausible keep working as they were written
        assertEquals(List.of(Cues.MODEL_PLAUSIBLE), modelCues(none.cues(), cues(null, TEXT)));
        assertFalse(none.version().contains("model-"), none.version());
        assertTrue(model.version().contains("+model-"), model.version());
    }

    @Test
    void shouldNameOneBuiltInCuePerCategory() {
        for (Category c : Category.values()) {
            assertEquals("model." + c.name().toLowerCase(java.util.Locale.ROOT), Cues.model(c));
            assertTrue(List.of(Cues.builtIn()).contains(Cues.model(c)), c.name());
        }
    }
}
