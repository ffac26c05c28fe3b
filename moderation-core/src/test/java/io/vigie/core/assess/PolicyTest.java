package io.vigie.core.assess;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Severity;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyTest {

    private final Policy p = Policy.defaults();

    @Test
    void shouldMapScoresToSeveritiesAtTheThresholds() {
        assertEquals(Severity.LOW, p.severityOf(39));
        assertEquals(Severity.MEDIUM, p.severityOf(40));
        assertEquals(Severity.HIGH, p.severityOf(70));
        assertEquals(Severity.CRITICAL, p.severityOf(90));
        assertFalse(p.alerts(Severity.LOW));
        assertTrue(p.alerts(Severity.MEDIUM));
    }

    @Test
    void shouldEscalateCriticalOnlyWhenAChildIsAtStake() {
        assertNull(p.actionOf(Severity.LOW, Set.of(Category.THREAT), false));
        assertEquals(Action.REVIEW, p.actionOf(Severity.MEDIUM, Set.of(Category.THREAT), false));
        assertEquals(Action.HOLD, p.actionOf(Severity.HIGH, Set.of(Category.CHILD_GROOMING), true));
        assertEquals(Action.BLOCK, p.actionOf(Severity.CRITICAL, Set.of(Category.THREAT), true));
        assertEquals(Action.BLOCK, p.actionOf(Severity.CRITICAL, Set.of(Category.CHILD_GROOMING), false));
        assertEquals(Action.ESCALATE, p.actionOf(Severity.CRITICAL, Set.of(Category.CHILD_GROOMING), true));
        assertEquals(Action.ESCALATE, p.actionOf(Severity.CRITICAL, Set.of(Category.CSAM), false));
    }

    @Test
    void shouldRefuseThresholdsOutOfOrderNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.withThresholds(new Policy.Thresholds(80, 70, 90, Severity.MEDIUM)));
        assertTrue(e.getMessage().contains("80"));
    }

    @Test
    void shouldDeriveStableAlertIdsPerMessageAndKind() {
        String id = AlertIds.of("m-7", Alert.Kind.MESSAGE);
        assertEquals(id, AlertIds.of("m-7", Alert.Kind.MESSAGE));
        assertNotEquals(id, AlertIds.of("m-7", Alert.Kind.FAN_OUT));
        assertNotEquals(id, AlertIds.of("m-8", Alert.Kind.MESSAGE));
        assertTrue(id.matches("a-[0-9a-f]{32}"), id);
    }
}
