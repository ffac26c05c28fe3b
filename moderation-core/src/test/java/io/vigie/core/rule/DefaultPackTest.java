package io.vigie.core.rule;

import io.vigie.core.Category;
import io.vigie.core.Finding;
import io.vigie.core.ScoringContext;
import io.vigie.core.rule.internal.CompiledPack;
import io.vigie.core.rule.internal.CompiledRule;
import io.vigie.core.signal.MessageFeatures;
import io.vigie.core.signal.SignalModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultPackTest {

    private final SignalModel model = TestModels.best();

    @Test
    void shouldRunEveryExampleOfTheDefaultPack() {
        // given
        RulePack pack = RulePacks.defaults(model);

        // when
        RuleTester.Report report = RuleTester.run(pack, model);

        // then
        System.out.printf("default pack (%s model): %d rules, %d examples, %d failures%n",
                TestModels.isReal() ? "real" : "fake", report.rules(), report.examples(), report.failures().size());
        report.failures().forEach(f -> System.out.println("  " + f));
        assertTrue(report.passed(), () -> report.failures().size() + " failing examples, first: "
                + report.failures().get(0));
    }

    @Test
    void shouldGiveEveryRuleFireAndPassExamplesExceptHashRules() {
        // given
        RulePack pack = RulePacks.defaults(model);

        // when
        RuleTester.Report report = RuleTester.run(pack, model);

        // then hash rules cannot carry a text example that fires; every other rule shows both sides
        assertEquals(List.of("csam.known_sha256", "csam.known_pdq"), report.withoutFireExample());
        assertEquals(List.of(), report.withoutPassExample());
    }

    @Test
    void shouldCoverEveryContractCategory() {
        // given
        CompiledPack pack = (CompiledPack) RulePacks.defaults(model);

        // when
        Set<Category> covered = EnumSet.noneOf(Category.class);
        for (CompiledRule r : pack.rules()) {
            covered.addAll(r.categories());
        }

        // then
        assertEquals(EnumSet.allOf(Category.class), covered);
    }

    @Test
    void shouldKeepEveryWeakRuleBelowTheAlertThreshold() {
        // given: rules with no context condition and a single cue are "weak alone" unless they name a
        // pattern that is harmful in itself (codeword, threat, slur, hash, offer)
        CompiledPack pack = (CompiledPack) RulePacks.defaults(model);
        List<String> strongAlone = List.of("csam.codeword", "csam.known_sha256", "csam.known_pdq",
                "hate.slur", "threat.violence", "threat.leak", "csam.trade_age_range");

        // when / then
        for (CompiledRule r : pack.rules()) {
            boolean weakByName = r.description().contains("Weak alone") || r.description().contains("weak alone")
                    || r.description().contains("Weak:");
            if (weakByName) {
                assertTrue(r.score() < 40, r.id() + " is described as weak but scores " + r.score());
            }
            if (!strongAlone.contains(r.id()) && r.examples().stream().anyMatch(e -> e.fire()
                    && e.context().recipients().isEmpty() && e.context().stagesSeen().isEmpty())) {
                // nothing to check: the corpus quality test measures combinations
                continue;
            }
        }
    }

    @Test
    void shouldScoreAdultSecrecyWithMinorAboveAlertButTeenagersBelow() {
        // given
        RulePack pack = RulePacks.defaults(model);
        String text = "dis rien à tes parents, c'est notre secret";

        // when
        int adultToMinor = total(pack, text, Contexts.of(34, 13));
        int teenToTeen = total(pack, text, Contexts.of(14, 13));
        int adultToAdult = total(pack, text, Contexts.of(34, 31));

        // then
        assertTrue(adultToMinor >= 70, "adult to minor scored " + adultToMinor);
        assertTrue(teenToTeen < 40, "teenager to teenager scored " + teenToTeen);
        assertTrue(adultToAdult < 40, "adult to adult scored " + adultToAdult);
    }

    @Test
    void shouldNotFireHateRulesOnSelfIdentificationOrCounterSpeech() {
        // given
        RulePack pack = RulePacks.defaults(model);

        // when
        List<Finding> selfId = findings(pack, "je suis gay et fier, mon mec aussi", ScoringContext.none());
        List<Finding> counter = findings(pack, "arrêtez de dire sale pd, c'est homophobe", ScoringContext.none());

        // then
        assertTrue(selfId.stream().noneMatch(f -> f.categories().contains(Category.HATE_HOMOPHOBIC)), selfId::toString);
        assertTrue(counter.stream().noneMatch(f -> f.categories().contains(Category.HATE_HOMOPHOBIC)), counter::toString);
    }

    private int total(RulePack pack, String text, ScoringContext ctx) {
        int sum = 0;
        for (Finding f : findings(pack, text, ctx)) {
            sum += f.shadow() ? 0 : f.score();
        }
        return Math.min(100, sum);
    }

    private List<Finding> findings(RulePack pack, String text, ScoringContext ctx) {
        MessageFeatures f = model.newExtractor().extract(text, List.of(), RuleTester.EXAMPLE_TIME_MS);
        List<Finding> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        pack.evaluate(f, ctx, out, errors);
        assertEquals(List.of(), errors);
        return out;
    }
}
