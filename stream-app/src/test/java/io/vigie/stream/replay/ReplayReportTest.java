package io.vigie.stream.replay;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Severity;
import io.vigie.stream.serde.JsonSerde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a reviewer reads after replaying history: the alert mix over event time must count every alert once. */
class ReplayReportTest {

    private static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z");

    @Test
    void shouldPickTheSmallestBucketThatKeepsTheChartReadable() {
        assertEquals(Duration.ofMinutes(1), ReplayReport.bucket(T0, T0.plus(Duration.ofMinutes(90))));
        assertEquals(Duration.ofMinutes(15), ReplayReport.bucket(T0, T0.plus(Duration.ofHours(24))));
        assertEquals(Duration.ofHours(1), ReplayReport.bucket(T0, T0.plus(Duration.ofDays(3))));
        assertTrue(ReplayReport.bucket(T0, T0.plus(Duration.ofDays(3650))).toMillis()
                * ReplayReport.MAX_BARS >= Duration.ofDays(3650).toMillis(), "ten years still fit");
    }

    @Test
    void shouldCountEachAlertInItsBucketOncePerCategory(@TempDir Path dir) throws Exception {
        // given a day of alerts: two grooming at 20:05, one grooming + off-platform at 21:30, one burst at 23:59
        Path file = write(dir.resolve("alerts.jsonl"), List.of(
                alert("a1", 5, List.of(Category.CHILD_GROOMING), Alert.Kind.MESSAGE),
                alert("a2", 5, List.of(Category.CHILD_GROOMING), Alert.Kind.MESSAGE),
                alert("a3", 90, List.of(Category.CHILD_GROOMING, Category.OFF_PLATFORM), Alert.Kind.MESSAGE),
                alert("a4", 239, List.of(), Alert.Kind.NEW_ACCOUNT_BURST)));
        ReplayReport report = ReplayReport.of(file);

        // when bucketed by the hour from 20:05
        List<Map<String, Long>> bars = report.bars(Duration.ofHours(1), T0.plusSeconds(300), T0.plusSeconds(239 * 60));

        // then
        assertEquals(4, bars.size());
        assertEquals(Map.of("CHILD_GROOMING", 2L), bars.get(0));
        assertEquals(Map.of("CHILD_GROOMING", 1L, "OFF_PLATFORM", 1L), bars.get(1));
        assertEquals(Map.of(), bars.get(2));
        assertEquals(Map.of(ReplayReport.NO_CATEGORY, 1L), bars.get(3));
        String html = report.html(new Replayer.Summary(10, 9, 1, 0, 4, Map.of(), 0, 0, 1.0), file);
        assertTrue(html.contains("<svg"), "the mix is plotted");
        assertTrue(html.contains("NEW_ACCOUNT_BURST"), "kinds are listed");
        assertTrue(html.contains("OFF_PLATFORM (1)"), "the legend carries totals");
    }

    @Test
    void shouldListWhatARuleChangeAddedRemovedAndChanged(@TempDir Path dir) throws Exception {
        // given a baseline replay and a replay after a rule change of the same input
        Alert kept = alert("a1", 5, List.of(Category.CHILD_GROOMING), Alert.Kind.MESSAGE);
        Alert gone = alert("a2", 6, List.of(Category.THREAT), Alert.Kind.MESSAGE);
        Alert before = alert("a3", 7, List.of(Category.OFF_PLATFORM), Alert.Kind.MESSAGE);
        Alert after = alert("a3", 7, List.of(Category.OFF_PLATFORM), Alert.Kind.MESSAGE, Severity.CRITICAL);
        Alert added = alert("a4", 8, List.of(Category.PROSTITUTION), Alert.Kind.MESSAGE);

        // when compared
        ReplayReport.Comparison c = ReplayReport.Comparison.of(List.of(kept, gone, before),
                List.of(kept, after, added));

        // then
        assertEquals(List.of(added), c.added());
        assertEquals(List.of(gone), c.removed());
        assertEquals(1, c.changed().size());
        assertEquals(Severity.CRITICAL, c.changed().get(0).after().severity());
        Path base = write(dir.resolve("base.jsonl"), List.of(kept, gone, before));
        Path now = write(dir.resolve("now.jsonl"), List.of(kept, after, added));
        String html = ReplayReport.of(now).against(ReplayReport.of(base), "base.jsonl")
                .html(new Replayer.Summary(10, 10, 0, 0, 3, Map.of(), 0, 0, 1.0), now);
        assertTrue(html.contains("3 alerts there, 3 here: 1 new, 1 gone, 1 with another severity"), html);
        assertTrue(html.contains(">a4<"), "the new alert is listed");
        assertTrue(html.contains(">a2<"), "the gone alert is listed");
    }

    private static Path write(Path file, List<Alert> alerts) throws java.io.IOException {
        JsonSerde<Alert> json = JsonSerde.of(Alert.class);
        List<String> lines = new ArrayList<>();
        for (Alert a : alerts) {
            lines.add(new String(json.serialize("t", a), java.nio.charset.StandardCharsets.UTF_8));
        }
        return Files.write(file, lines);
    }

    private static Alert alert(String id, int minute, List<Category> categories, Alert.Kind kind) {
        return alert(id, minute, categories, kind, Severity.HIGH);
    }

    private static Alert alert(String id, int minute, List<Category> categories, Alert.Kind kind,
                               Severity severity) {
        Instant at = T0.plusSeconds(minute * 60L);
        return new Alert(id, "m-" + id, "c-" + id, "u-1", List.of("u-2"), at, at, severity, Action.REVIEW, 75,
                categories, List.of(), null, null, "test", null, kind, List.of(), null, null, null, null, null, null);
    }
}
