package io.vigie.stream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.model.RiskModel;
import io.vigie.core.model.RiskModelLoader;
import io.vigie.stream.eval.EvalSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.vigie.stream.cli.ModerationCliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code moderation model train|info} and the {@code moderation.model} setting, as an operator uses them. */
class ModelCommandTest {

    private static List<String> inputs(String... sets) {
        return EvalSets.inputsAndLabels(List.of(sets));
    }

    private static ModerationCliTest.Result train(Path out, String... sets) {
        List<String> args = new ArrayList<>(List.of("model", "train", "--out", out.toString()));
        args.addAll(inputs(sets));
        return run(args.toArray(String[]::new));
    }

    @Test
    void shouldTrainOnLabelledHistoryAModelThatEvalUsesAndThatFindsHarmTheRulesAloneMiss(@TempDir Path dir)
            throws Exception {
        // given a model trained on three labelled sets (one calibration fold per set)
        Path model = dir.resolve("ours.vrm");
        ModerationCliTest.Result trained = train(model, "fresh10", "fresh11", "fresh12");
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("wrote " + model), trained.out());
        assertTrue(trained.err().contains("calibration fold 3/3"), trained.err());
        RiskModel m = RiskModelLoader.load(model);
        assertTrue(m.provenance().contains("fresh10/harmful-labels.json"), m.provenance());
        // when: a fourth set, which neither the model nor the rules' authors saw before measuring, with the model
        // and without
        JsonNode with = EvalSets.evalWithModel(dir.resolve("with.json"), model.toString(), "fresh13");
        JsonNode without = EvalSets.evalWithModel(dir.resolve("without.json"), "none", "fresh13");
        // then: more harmful conversations found, and the alerts name the model's rules
        int found = with.get("harmfulAlerted").get("count").asInt();
        int foundByRules = without.get("harmfulAlerted").get("count").asInt();
        assertTrue(found > foundByRules, found + " vs " + foundByRules);
        boolean modelRuleHit = false;
        for (JsonNode rule : with.get("rules")) {
            modelRuleHit |= rule.get("ruleId").asText().startsWith("model.") && rule.get("truePositive").asInt() > 0;
        }
        assertTrue(modelRuleHit, with.get("rules").toString());
    }

    @Test
    void shouldWriteTheSameFileTwiceAndDescribeIt(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.vrm");
        Path b = dir.resolve("b.vrm");
        assertEquals(0, train(a, "fresh7", "fresh8").code());
        assertEquals(0, train(b, "fresh7", "fresh8").code());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        // two sets: five folds by position
        ModerationCliTest.Result info = run("model", "info", a.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains(RiskModelLoader.load(a).version()), info.out());
        assertTrue(info.out().contains("model.harm above"), info.out());
        ModerationCliTest.Result embedded = run("model", "info");
        assertTrue(embedded.out().startsWith("embedded: " + RiskModelLoader.embedded().version()), embedded.out());
    }

    @Test
    void shouldRefuseAFileThatIsNotAModelWherePeopleSetIt(@TempDir Path dir) throws Exception {
        // given a rule file where a model file should be
        Path notAModel = dir.resolve("rules.yaml");
        Files.writeString(notAModel, "rules: []\n");
        // when
        ModerationCliTest.Result score = run("score", "--set", "moderation.model=" + notAModel, "bonjour");
        ModerationCliTest.Result info = run("model", "info", notAModel.toString());
        // then: exit 1, the file and the reason on stderr
        assertEquals(1, score.code());
        assertTrue(score.err().contains(notAModel.toString()) && score.err().contains("not a risk model"), score.err());
        assertEquals(1, info.code());
        assertTrue(info.err().contains("not a risk model"), info.err());
    }

    @Test
    void shouldPrintUsageOnABadFlagAndRefuseABadTarget(@TempDir Path dir) {
        ModerationCliTest.Result noOut = run("model", "train", "--input", "x.jsonl", "--labels", "y.json");
        assertEquals(1, noOut.code());
        assertTrue(noOut.err().contains("Missing required option: '--out=MODEL.vrm'"), noOut.err());
        List<String> args = new ArrayList<>(List.of("model", "train", "--out", dir.resolve("m.vrm").toString(),
                "--target-fpr", "1.5"));
        args.addAll(inputs("fresh7"));
        ModerationCliTest.Result badTarget = run(args.toArray(String[]::new));
        assertEquals(1, badTarget.code());
        assertTrue(badTarget.err().contains("not between 0 and 1"), badTarget.err());
        ModerationCliTest.Result bare = run("model");
        assertEquals(1, bare.code());
        assertTrue(bare.err().contains("train") && bare.err().contains("info"), bare.err());
    }
}
