package io.vigie.stream.it;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exactly-once bookkeeping every fault test ends with: every input message consumed and committed (checked
 * before this by {@code awaitCaughtUp}), nothing in the DLQ, each alert and each action present once in the
 * committed output, and the alerts exactly those of the offline replay of the same input.
 */
final class Accounting {

    private Accounting() {
    }

    static void assertExactlyOnce(ItFixture f, Workload w) {
        List<ItFixture.AlertView> alerts = f.alerts();
        List<ItFixture.ActionView> actions = f.actions();

        assertEquals(0, f.dlq().size(), "well-formed input must not reach the DLQ");
        assertFalse(alerts.isEmpty(), "the workload holds harmful conversations: some alerts are expected");

        Map<String, Long> perMessage = alerts.stream()
                .collect(Collectors.groupingBy(a -> a.messageId() + "/" + a.kind(), TreeMap::new,
                        Collectors.counting()));
        Map<String, Long> duplicated = new TreeMap<>(perMessage);
        duplicated.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), duplicated, "alerts written more than once (messageId/kind → count)");
        assertEquals(alerts.size(), alerts.stream().map(ItFixture.AlertView::alertId).distinct().count(),
                "an alertId appears twice");

        Map<ItFixture.ActionView, Long> perAction = actions.stream()
                .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
        perAction.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), perAction, "actions written more than once");
        assertTrue(actions.stream().map(ItFixture.ActionView::alertId).allMatch(id ->
                        id == null || alerts.stream().anyMatch(a -> a.alertId().equals(id))),
                "an action names an alert that is not in the committed alerts");

        assertEquals(ItFixture.categoriesByMessage(f.replay(w.all())), ItFixture.categoriesByMessage(alerts),
                "the alerts differ from the offline replay of the same input");
    }
}
