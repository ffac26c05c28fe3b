package io.vigie.core.assess;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.vigie.core.assess.Fixture.T0;
import static io.vigie.core.assess.Fixture.hours;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RiskDecayTest {

    private static final double DAY = 24 * 60;

    @Test
    void shouldHalveTheRiskEveryHalfLife() {
        assertEquals(40.0, RiskDecay.at(80, T0, hours(24), DAY), 1e-9);
        assertEquals(20.0, RiskDecay.at(80, T0, hours(48), DAY), 1e-9);
    }

    @Test
    void shouldNotDecayBackwardsInTime() {
        assertEquals(80.0, RiskDecay.at(80, T0, hours(-5), DAY), 1e-9);
    }

    @Test
    void shouldGiveTheSameRiskWhateverTheOrderOfContributions() {
        // given contributions at T0, T0+6h, T0+30h
        Instant a = T0;
        Instant b = hours(6);
        Instant c = hours(30);

        // when added in order and in reverse
        double r1 = RiskDecay.add(0, null, 10, a, DAY);
        Instant ref1 = RiskDecay.referenceAfter(null, a);
        r1 = RiskDecay.add(r1, ref1, 20, b, DAY);
        ref1 = RiskDecay.referenceAfter(ref1, b);
        r1 = RiskDecay.add(r1, ref1, 30, c, DAY);
        ref1 = RiskDecay.referenceAfter(ref1, c);

        double r2 = RiskDecay.add(0, null, 30, c, DAY);
        Instant ref2 = RiskDecay.referenceAfter(null, c);
        r2 = RiskDecay.add(r2, ref2, 20, b, DAY);
        r2 = RiskDecay.add(r2, ref2, 10, a, DAY);

        // then both are the exact sum of decayed contributions at the latest time
        double expected = 10 * Math.pow(0.5, 30 / 24.0) + 20 * Math.pow(0.5, 24 / 24.0) + 30;
        assertEquals(expected, r1, 1e-9);
        assertEquals(expected, r2, 1e-9);
        assertEquals(c, ref1);
    }

    @Test
    void shouldCapTheRisk() {
        assertEquals(RiskDecay.MAX, RiskDecay.add(90, T0, 50, T0, DAY), 1e-9);
    }
}
