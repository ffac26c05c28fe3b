package io.vigie.core.rule;

import io.vigie.core.contract.Category;
import io.vigie.core.rule.internal.CompiledPack;
import io.vigie.core.rule.internal.CompiledRule;
import io.vigie.core.cue.MessageCues;
import io.vigie.core.cue.CueModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultPackTest {

    private final CueModel model = TestModels.best();

    @Test
    void shouldRunEveryExampleOfTheDefaultPack() {
        // given
        RulePack pack = RulePackLoader.defaults(model);

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
        RulePack pack = RulePackLoader.defaults(model);

        // when
        RuleTester.Report report = RuleTester.run(pack, model);

        // then hash rules cannot carry a text example that fires; every other rule shows both sides
        assertEquals(List.of("csam.known_sha256", "csam.known_pdq"), report.withoutFireExample());
        assertEquals(List.of(), report.withoutPassExample());
    }

    @Test
    void shouldCoverEveryContractCategory() {
        // given
        CompiledPack pack = (CompiledPack) RulePackLoader.defaults(model);

        // when
        Set<Category> covered = EnumSet.noneOf(Category.class);
        for (CompiledRule r : pack.rules()) {
            covered.addAll(r.categories());
        }

        // then
        assertEquals(EnumSet.allOf(Category.class), covered);
    }

    @Test
    void shouldKeepRulesThatFireWithoutContextBelowTheAlertThresholdUnlessHarmfulInThemselves() {
        // given: a rule with a fire example that needs no context fires on a message alone; only patterns that
        // are harmful by themselves may reach an alert that way
        CompiledPack pack = (CompiledPack) RulePackLoader.defaults(model);
        // each of these combines cues that are harmful together (a threat with a demand, youth with a trade, an
        // isolated place with "come alone"...) or names the harm itself (a slur, a codeword, "escort")
        Set<String> harmfulAlone = Set.of("grooming.young_ones_targeted", "minor_sex.school_context",
                "minor_sex.children_asked_for_photos", "minor_sex.body_remark_about_child", "csam.child_context_codeword", "prostitution.paid_company_pitch", "threat.coercion",
                "prostitution.company_for_money",
                "csam.codeword_explicit", "csam.codeword", "csam.youth_material", "csam.child_range_material", "csam.known_sha256", "csam.known_pdq",
                "ambush.isolated_alone", "ambush.crew", "ambush.hunting", "ambush.come_alone", "ambush.named",
                "ambush.crew_waiting", "ambush.company_for_him", "ambush.beat_him", "hate.slur", "hate.slur_with_contempt", "hate.dehumanizing",
                "hate.exclusion", "hate.contempt_with_slur_context", "hate.group_attack_in_room", "hate.tropes_stacked", "threat.school_warning",
                "sexual_violence.unaware_victim", "sexual_violence.spiking", "sexual_violence.recruiting",
                "sexual_violence.boast", "prostitution.rate_card", "prostitution.offer", "prostitution.pimping",
                "prostitution.recruiting", "prostitution.debt_bondage", "prostitution.minor_cover",
                "prostitution.explicit_offer", "prostitution.half_hour_rates", "prostitution.easy_money",
                "off_platform.evading_moderation", "threat.sextortion", "threat.exposure_to_circle",
                "threat.extortion_deadline", "threat.outing", "threat.doxxing_violence", "threat.violence",
                "threat.doxxing", "threat.expose_images", "threat.armed_meeting", "ambush.extortion_after_meeting", "csam.coded_trade",
                "threat.doxxing_incitement", "threat.veiled_menace", "threat.stalking");

        // when / then
        for (CompiledRule r : pack.rules()) {
            boolean firesAlone = r.examples().stream().anyMatch(e -> e.fire()
                    && e.context().equals(ScoringContext.none()) && e.before().isEmpty());
            if (firesAlone && r.score() >= 40) {
                assertTrue(harmfulAlone.contains(r.id()), r.id() + " fires without context and scores " + r.score());
            }
            if (r.description().toLowerCase(java.util.Locale.ROOT).contains("weak alone")) {
                assertTrue(r.score() < 40, r.id() + " is described as weak alone but scores " + r.score());
            }
        }
    }

    @Test
    void shouldScoreAdultSecrecyWithMinorAboveAlertButTeenagersBelow() {
        // given
        RulePack pack = RulePackLoader.defaults(model);
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
        RulePack pack = RulePackLoader.defaults(model);

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
        MessageCues f = model.newExtractor().extract(text, List.of(), RuleTester.EXAMPLE_TIME_MS);
        List<Finding> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        pack.evaluate(f, ctx, out, errors);
        assertEquals(List.of(), errors);
        return out;
    }
}
