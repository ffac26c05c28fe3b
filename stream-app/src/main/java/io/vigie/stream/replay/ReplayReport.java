package io.vigie.stream.replay;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Severity;
import io.vigie.stream.report.Page;
import io.vigie.stream.report.StackedBars;
import io.vigie.stream.serde.JsonSerde;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The page a trust-and-safety engineer looks at after replaying a day of history with a changed rule pack: the
 * alert mix over event time (a stacked bar per time bucket, one colour per category), alerts by category and
 * severity, by kind, and the replay's own figures. Self-contained HTML with inline SVG, no script.
 *
 * <p>Not thread-safe; build one per report.
 */
public final class ReplayReport {

    /** Bucket sizes tried, smallest first; the first that gives at most {@link #MAX_BARS} bars is used. */
    private static final List<Duration> BUCKETS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7));
    static final int MAX_BARS = 120;
    /** An alert with no category (a new-account burst) is shown under this name. */
    static final String NO_CATEGORY = "BEHAVIOUR";

    /** Rows of new and gone alerts listed in the comparison, at most. */
    static final int MAX_LISTED = 50;

    private final List<Alert> alerts = new ArrayList<>();
    private ReplayReport baseline;
    private String baselineName;

    /** Reads the alerts a replay wrote (one JSON object per line). */
    public static ReplayReport of(Path alertsFile) throws IOException {
        ReplayReport r = new ReplayReport();
        JsonSerde<Alert> json = JsonSerde.of(Alert.class);
        try (BufferedReader in = Files.newBufferedReader(alertsFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    r.alerts.add(json.deserialize("replay", line.getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        return r;
    }

    /**
     * Compares this replay with an earlier one of the same input (e.g. before a rule change): alert ids derive from
     * the message and the alert kind, so the same alert has the same id in both.
     */
    public ReplayReport against(ReplayReport earlier, String name) {
        this.baseline = earlier;
        this.baselineName = name;
        return this;
    }

    /** The same alert (same id) with another severity or other categories. */
    record Change(Alert before, Alert after) {
    }

    /** What changed from {@code before} to {@code after}, by alert id. */
    record Comparison(List<Alert> added, List<Alert> removed, List<Change> changed) {
        static Comparison of(List<Alert> before, List<Alert> after) {
            Map<String, Alert> old = new java.util.LinkedHashMap<>();
            before.forEach(a -> old.put(a.alertId(), a));
            List<Alert> added = new ArrayList<>();
            List<Change> changed = new ArrayList<>();
            for (Alert a : after) {
                Alert was = old.remove(a.alertId());
                if (was == null) {
                    added.add(a);
                } else if (was.severity() != a.severity() || !was.categories().equals(a.categories())) {
                    changed.add(new Change(was, a));
                }
            }
            return new Comparison(added, new ArrayList<>(old.values()), changed);
        }
    }

    /** The bucket size for alerts from {@code first} to {@code last}: at most {@link #MAX_BARS} bars. */
    static Duration bucket(Instant first, Instant last) {
        Duration span = Duration.between(first, last);
        for (Duration d : BUCKETS) {
            if (span.toMillis() / d.toMillis() < MAX_BARS) {
                return d;
            }
        }
        return Duration.ofMillis(span.toMillis() / (MAX_BARS - 1) + 1);
    }

    /** Alerts per bucket and category (categories by name; {@link #NO_CATEGORY} when an alert has none). */
    List<Map<String, Long>> bars(Duration bucket, Instant first, Instant last) {
        int n = (int) (Duration.between(first, last).toMillis() / bucket.toMillis()) + 1;
        List<Map<String, Long>> bars = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bars.add(new TreeMap<>());
        }
        for (Alert a : alerts) {
            if (a.sentAt() == null) {
                continue;
            }
            int i = (int) (Duration.between(first, a.sentAt()).toMillis() / bucket.toMillis());
            for (String c : categories(a)) {
                bars.get(i).merge(c, 1L, Long::sum);
            }
        }
        return bars;
    }

    private static List<String> categories(Alert a) {
        if (a.categories().isEmpty()) {
            return List.of(NO_CATEGORY);
        }
        List<String> names = new ArrayList<>();
        for (Category c : a.categories()) {
            names.add(c.name());
        }
        return names;
    }

    /** The page. */
    public String html(Replayer.Summary summary, Path input) {
        StringBuilder html = new StringBuilder(16_384);
        html.append(Page.head("Vigie replay", "")).append("<h1>Replay of ")
                .append(StackedBars.esc(input.getFileName().toString()))
                .append("</h1><p>").append(String.format(Locale.ROOT, "%,d lines: %,d messages, %,d profiles, "
                                + "%,d decisions; %,d alerts; %,d to the DLQ; %,d late; %.1f s (%,.0f lines/s).",
                        summary.lines(), summary.messages(), summary.profiles(), summary.decisions(),
                        summary.alerts(), summary.dlq(), summary.late(), summary.seconds(), summary.rate()))
                .append(" Rules version: ").append(StackedBars.esc(rulesVersions())).append("</p>");
        Instant first = null;
        Instant last = null;
        for (Alert a : alerts) {
            if (a.sentAt() != null) {
                first = first == null || a.sentAt().isBefore(first) ? a.sentAt() : first;
                last = last == null || a.sentAt().isAfter(last) ? a.sentAt() : last;
            }
        }
        html.append("<h2>Alert mix over event time</h2>");
        if (first == null) {
            html.append("<p>No alert.</p>");
        } else {
            Duration bucket = bucket(first, last);
            Map<String, Long> totals = new TreeMap<>();
            for (Alert a : alerts) {
                for (String c : categories(a)) {
                    totals.merge(c, 1L, Long::sum);
                }
            }
            html.append("<p>An alert with several categories counts once in each.</p>")
                    .append(StackedBars.svg(bars(bucket, first, last), totals, "event time (sentAt), "
                            + human(bucket) + " per bar", first.toString(), last.toString()));
        }
        if (baseline != null) {
            comparison(html);
        }
        severityTable(html);
        kindTable(html);
        return html.append("</body></html>").toString();
    }

    private void comparison(StringBuilder html) {
        Comparison c = Comparison.of(baseline.alerts, alerts);
        html.append("<h2>Against ").append(StackedBars.esc(baselineName)).append("</h2><p>")
                .append(String.format(Locale.ROOT, "%,d alerts there, %,d here: %,d new, %,d gone, %,d with "
                                + "another severity or other categories.", baseline.alerts.size(), alerts.size(),
                        c.added().size(), c.removed().size(), c.changed().size()))
                .append("</p><table><tr><th>category</th><th>there</th><th>here</th><th>new</th><th>gone</th></tr>");
        Map<String, long[]> rows = new TreeMap<>();
        List<List<Alert>> columns = List.of(baseline.alerts, alerts, c.added(), c.removed());
        for (int col = 0; col < columns.size(); col++) {
            for (Alert a : columns.get(col)) {
                for (String k : categories(a)) {
                    rows.computeIfAbsent(k, x -> new long[columns.size()])[col]++;
                }
            }
        }
        rows.forEach((k, n) -> html.append("<tr><td style=text-align:left>").append(k).append("</td><td>")
                .append(n[0]).append("</td><td>").append(n[1]).append("</td><td>").append(n[2]).append("</td><td>")
                .append(n[3]).append("</td></tr>"));
        html.append("</table>");
        listed(html, "New alerts", c.added());
        listed(html, "Gone alerts", c.removed());
    }

    /** Up to {@link #MAX_LISTED} alerts: coordinates and rule ids, never the message text or its evidence. */
    private static void listed(StringBuilder html, String title, List<Alert> list) {
        if (list.isEmpty()) {
            return;
        }
        html.append("<h3>").append(title).append(list.size() > MAX_LISTED ? " (first " + MAX_LISTED + ")" : "")
                .append("</h3><table><tr><th>sentAt</th><th>alert</th><th>conversation</th><th>severity</th>")
                .append("<th>categories</th><th>rules</th></tr>");
        for (Alert a : list.subList(0, Math.min(MAX_LISTED, list.size()))) {
            java.util.Set<String> rules = new java.util.LinkedHashSet<>();
            a.signals().forEach(sig -> rules.add(sig.ruleId()));
            html.append("<tr><td>").append(a.sentAt()).append("</td><td style=text-align:left>")
                    .append(StackedBars.esc(a.alertId())).append("</td><td style=text-align:left>")
                    .append(StackedBars.esc(String.valueOf(a.conversationId()))).append("</td><td>")
                    .append(a.severity()).append("</td><td style=text-align:left>")
                    .append(StackedBars.esc(String.join(", ", categories(a)))).append("</td><td style=text-align:left>")
                    .append(StackedBars.esc(String.join(", ", rules))).append("</td></tr>");
        }
        html.append("</table>");
    }

    private void severityTable(StringBuilder html) {
        Map<String, Map<Severity, Long>> rows = new TreeMap<>();
        for (Alert a : alerts) {
            for (String c : categories(a)) {
                rows.computeIfAbsent(c, k -> new EnumMap<>(Severity.class)).merge(a.severity(), 1L, Long::sum);
            }
        }
        html.append("<h2>By category and severity</h2><table><tr><th>category</th>");
        for (Severity s : Severity.values()) {
            html.append("<th>").append(s).append("</th>");
        }
        html.append("<th>total</th></tr>");
        rows.forEach((category, counts) -> {
            html.append("<tr><td style=text-align:left>").append(category).append("</td>");
            long total = 0;
            for (Severity s : Severity.values()) {
                long n = counts.getOrDefault(s, 0L);
                total += n;
                html.append("<td>").append(n).append("</td>");
            }
            html.append("<td>").append(total).append("</td></tr>");
        });
        html.append("</table>");
    }

    private void kindTable(StringBuilder html) {
        Map<String, Long> kinds = new TreeMap<>();
        for (Alert a : alerts) {
            kinds.merge(a.kind() == null ? Alert.Kind.MESSAGE.name() : a.kind().name(), 1L, Long::sum);
        }
        html.append("<h2>By kind</h2><table><tr><th>kind</th><th>alerts</th></tr>");
        kinds.forEach((k, n) -> html.append("<tr><td style=text-align:left>").append(k).append("</td><td>")
                .append(n).append("</td></tr>"));
        html.append("</table>");
    }

    private String rulesVersions() {
        TreeMap<String, Long> versions = new TreeMap<>();
        for (Alert a : alerts) {
            if (a.rulesVersion() != null) {
                versions.merge(a.rulesVersion(), 1L, Long::sum);
            }
        }
        return versions.isEmpty() ? "–" : String.join(", ", versions.keySet());
    }

    private static String human(Duration d) {
        if (d.toDays() > 0 && d.toHours() % 24 == 0) {
            return d.toDays() + " d";
        }
        if (d.toHours() > 0 && d.toMinutes() % 60 == 0) {
            return d.toHours() + " h";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toMillis() + " ms";
    }
}
