package io.vigie.stream.deploy;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PromQlTest {

    @Test
    void shouldFindTheMetricOfASimpleSelector() {
        assertEquals(Set.of("up"), PromQl.metricNames("up{job=\"vigie\"} == 0"));
    }

    @Test
    void shouldSkipFunctionsAggregationsGroupingLabelsAndVariables() {
        String expr = "histogram_quantile(0.99, sum by (le, instance) "
                + "(rate(moderation_e2e_lag_seconds_bucket{instance=~\"$instance\",le!=\"+Inf\"}[$__rate_interval])))";
        assertEquals(Set.of("moderation_e2e_lag_seconds_bucket"), PromQl.metricNames(expr));
    }

    @Test
    void shouldFindEveryOperandOfBinaryExpressions() {
        String expr = "sum(rate(a_total[5m])) / clamp_min(sum(rate(b_total[5m])) + sum(c_total offset 1h), 1e-9)"
                + " > 0.01 and on (job) d unless absent(e)";
        assertEquals(Set.of("a_total", "b_total", "c_total", "d", "e"), PromQl.metricNames(expr));
    }

    @Test
    void shouldReadSubqueriesAndIgnoreStringsThatLookLikeNames() {
        String expr = "deriv(sum by (job) (x_lag{topic=\"chat.messages\"})[10m:1m]) > 0"
                + " or label_replace(y, \"dst\", \"$1\", \"src\", \"(.*)\")";
        assertEquals(Set.of("x_lag", "y"), PromQl.metricNames(expr));
    }
}
