package io.vigie.stream.eval;

import io.vigie.core.contract.Category;
import io.vigie.stream.eval.EvalResult.CategoryResult;
import io.vigie.stream.eval.EvalResult.Delays;
import io.vigie.stream.eval.EvalResult.Listed;
import io.vigie.stream.eval.EvalResult.Ratio;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalReportTest {

    private static EvalResult result(List<Listed> falseAlerts) {
        Delays delay = Delays.of(Arrays.asList(-2, 0, 0, 4, 12, null));
        List<CategoryResult> categories = List.of(
                new CategoryResult(Category.THREAT, new Ratio(9, 10), Map.of("fr", new Ratio(9, 10)), delay),
                new CategoryResult(Category.CSAM, new Ratio(1, 4), Map.of("fr", new Ratio(1, 4)), Delays.of(List.of())));
        return new EvalResult(List.of("in.jsonl"), List.of("labels.json"), List.of("pack@1"), 100, 80, 12,
                new Ratio(10, 14), Map.of("fr", new Ratio(10, 14)), new Ratio(11, 14), categories, delay,
                new Ratio(falseAlerts.size(), 20), Map.of("fr", new Ratio(falseAlerts.size(), 20)),
                Map.of("parents", new Ratio(falseAlerts.size(), 20)), List.of(), List.of(), falseAlerts, 0, 0,
                List.of("a <warning>"));
    }

    @Test
    void shouldDrawRecallUnderTheThresholdInRedAndSayWhichCategoryFails() {
        // when
        String html = EvalReport.html(result(List.of()), 0.9, 0.03);
        // then
        assertTrue(html.contains("Fails the thresholds"), html);
        assertTrue(html.contains("CSAM recall 0.25 (1/4) &lt; 0.90"), html);
        assertFalse(html.contains("THREAT recall"), "0.9 is not under 0.9");
        assertEquals(1, html.split(RecallBars.FAIL + "\"", -1).length - 1, "one red bar: CSAM");
        assertTrue(html.contains("minimum 0.90"));
        assertTrue(html.contains("a &lt;warning&gt;"), "escaped");
    }

    @Test
    void shouldLabelEveryDelayBucketUnderItsBar() {
        // when
        String html = EvalReport.html(result(List.of()), null, null);
        // then: early, on time (2), 4 late -> "4-5", 12 late -> ">10"
        for (String bucket : EvalReport.DELAY_BUCKETS) {
            assertTrue(html.contains("text-anchor=\"middle\">" + bucket.replace(">", "&gt;") + "</text>"), bucket);
        }
        assertEquals(5, EvalReport.bucket(4));
        assertEquals(7, EvalReport.bucket(11));
        assertEquals(2, EvalReport.bucket(1));
        assertFalse(html.contains("Fails the thresholds") || html.contains("Meets the thresholds"), "none given");
    }

    @Test
    void shouldListFalseAlertsWithTextOnlyWhenTheResultCarriesIt() {
        // given
        Listed plain = new Listed("c<1>", "fr", "parents", Set.of(), Set.of(), Set.of(Category.THREAT),
                List.of("threat.violence"), 1, null, null);
        Listed shown = new Listed("c-2", "fr", "parents", Set.of(), Set.of(), Set.of(Category.THREAT),
                List.of("threat.violence"), 1, "a note", List.of(new EvalResult.Line("m-1", "u-1", "je vais te <b>",
                false, true)));
        // when
        String withoutText = EvalReport.html(result(List.of(plain)), null, 0.5);
        String withText = EvalReport.html(result(List.of(shown)), null, 0.5);
        // then
        assertTrue(withoutText.contains("c&lt;1&gt;") && !withoutText.contains("<details>"), withoutText);
        assertTrue(withText.contains("m-1 u-1: je vais te &lt;b&gt;  [alert]") && withText.contains("a note"));
        assertTrue(withText.contains("Meets the thresholds"));
    }
}
