package io.vigie.stream.eval;

import io.vigie.stream.eval.EvalResult.CategoryResult;
import io.vigie.stream.eval.EvalResult.Delays;
import io.vigie.stream.eval.EvalResult.Listed;
import io.vigie.stream.eval.EvalResult.Ratio;
import io.vigie.stream.eval.EvalResult.RuleHits;
import io.vigie.stream.report.Page;
import io.vigie.stream.report.StackedBars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.vigie.stream.report.StackedBars.esc;

/**
 * The page of {@code eval --report}: the figures, recall per category (bars, with the threshold), the delay
 * distribution (stacked bars per category), false alerts by language and kind, the per-rule table, and the missed
 * and falsely alerted conversations (their text only when the result carries it). Self-contained HTML with inline
 * SVG, no script, in the style of the replay report.
 *
 * <p>Stateless; thread-safe.
 */
public final class EvalReport {

    /** The delay buckets of the plot: early, on time, then late by this many messages (inclusive upper bounds). */
    static final List<String> DELAY_BUCKETS = List.of("early", "on time", "1", "2", "3", "4-5", "6-10", ">10");

    private static final String CSS = "td.l,th.l{text-align:left}.fail{color:#d62728}.pass{color:#2ca02c}"
            + "details{margin:2px 0}pre{white-space:pre-wrap;margin:2px 0}table.list{font-size:12px}";

    private EvalReport() {
    }

    /**
     * @param minRecall the threshold to draw and check; may be null
     * @param maxFpr    the threshold to check; may be null
     */
    public static String html(EvalResult r, Double minRecall, Double maxFpr) {
        StringBuilder html = new StringBuilder(32_768);
        html.append(Page.head("Vigie eval", CSS)).append("<h1>Detection on labelled conversations</h1><p>")
                .append(esc(String.format(Locale.ROOT, "Inputs %s, labels %s: %,d lines (%,d messages), %,d alerts. "
                                + "%d harmful and %d benign labelled conversations scored. Rules version: %s.",
                        r.inputs(), r.labelFiles(), r.lines(), r.messages(), r.alerts(), r.harmfulAlerted().of(),
                        r.benignAlerted().of(), r.rulesVersions().isEmpty() ? "-" : String.join(", ",
                                r.rulesVersions()))));
        if (r.unlabelledConversations() > 0) {
            html.append(String.format(Locale.ROOT, " %,d conversations of the input have no label (%,d alerts on "
                    + "them, not scored).", r.unlabelledConversations(), r.unlabelledAlerts()));
        }
        html.append("</p><ul><li>Recall (conversation &times; category pairs found): <b>").append(r.recall())
                .append("</b></li><li>Harmful conversations with an alert of any category: ")
                .append(r.harmfulAlerted()).append("</li><li>Benign conversations alerted (false alerts): <b>")
                .append(r.benignAlerted().count()).append('/').append(r.benignAlerted().of()).append(" (")
                .append(EvalSummary.percent(r.benignAlerted())).append(")</b></li></ul>");
        thresholds(html, r, minRecall, maxFpr);
        recall(html, r, minRecall);
        delays(html, r);
        benign(html, r);
        rules(html, r.rules());
        listed(html, "Missed", "harmful conversations with a labelled category that no alert carried", r.missed(),
                true);
        listed(html, "False alerts", "benign conversations with at least one alert", r.falseAlerts(), false);
        if (!r.warnings().isEmpty()) {
            html.append("<h2>Warnings</h2><ul>");
            r.warnings().forEach(w -> html.append("<li>").append(esc(w)).append("</li>"));
            html.append("</ul>");
        }
        return html.append("</body></html>").toString();
    }

    private static void thresholds(StringBuilder html, EvalResult r, Double minRecall, Double maxFpr) {
        if (minRecall == null && maxFpr == null) {
            return;
        }
        List<String> failures = r.failures(minRecall, maxFpr);
        html.append("<p class=").append(failures.isEmpty() ? "pass" : "fail").append("><b>")
                .append(failures.isEmpty() ? "Meets" : "Fails").append(" the thresholds</b>");
        if (minRecall != null) {
            html.append(String.format(Locale.ROOT, " (recall &ge; %.2f in every category", minRecall));
        }
        if (maxFpr != null) {
            html.append(minRecall == null ? " (" : ", ").append(String.format(Locale.ROOT,
                    "benign conversations alerted &le; %.1f %%", 100 * maxFpr));
        }
        html.append(")</p>");
        if (!failures.isEmpty()) {
            html.append("<ul class=fail>");
            failures.forEach(f -> html.append("<li>").append(esc(f)).append("</li>"));
            html.append("</ul>");
        }
    }

    private static void recall(StringBuilder html, EvalResult r, Double minRecall) {
        Map<String, Ratio> bars = new LinkedHashMap<>();
        r.categories().forEach(c -> bars.put(c.category().name(), c.recall()));
        Set<String> languages = new TreeSet<>(r.recallByLanguage().keySet());
        html.append("<h2>Recall by category</h2><p>A category is found in a conversation when any alert there "
                + "carries it; CHILD_GROOMING and MINOR_SEXUALIZATION count for each other.</p>")
                .append(RecallBars.svg(bars, minRecall))
                .append("<table><tr><th class=l>category</th><th>recall</th>");
        languages.forEach(l -> html.append("<th>").append(esc(l)).append("</th>"));
        html.append("</tr>");
        for (CategoryResult c : r.categories()) {
            recallRow(html, c.category().name(), c.recall(), c.byLanguage(), languages);
        }
        recallRow(html, "all (pairs)", r.recall(), r.recallByLanguage(), languages);
        html.append("</table>");
    }

    private static void recallRow(StringBuilder html, String name, Ratio recall, Map<String, Ratio> byLanguage,
                                  Set<String> languages) {
        html.append("<tr><td class=l>").append(esc(name)).append("</td><td>").append(recall).append("</td>");
        languages.forEach(l -> html.append("<td>").append(byLanguage.containsKey(l) ? byLanguage.get(l) : "")
                .append("</td>"));
        html.append("</tr>");
    }

    /** The bucket of {@link #DELAY_BUCKETS} a late delay falls in. */
    static int bucket(int late) {
        if (late <= 3) {
            return 1 + late;
        }
        return late <= 5 ? 5 : late <= 10 ? 6 : 7;
    }

    private static void delays(StringBuilder html, EvalResult r) {
        List<Map<String, Long>> bars = new ArrayList<>();
        for (int i = 0; i < DELAY_BUCKETS.size(); i++) {
            bars.add(new TreeMap<>());
        }
        Map<String, Long> totals = new TreeMap<>();
        for (CategoryResult c : r.categories()) {
            String name = c.category().name();
            Delays d = c.delay();
            add(bars.get(0), name, d.early());
            add(bars.get(1), name, d.onTime());
            d.lateBy().forEach((late, n) -> add(bars.get(bucket(late)), name, n));
            long known = (long) d.early() + d.onTime() + d.late();
            if (known > 0) {
                totals.put(name, known);
            }
        }
        html.append("<h2>Alert delay</h2><p>Messages from the label's first flagged message to the first alert "
                + "carrying the category, per conversation where it was found. An alert before or on that message is "
                + "on time.</p>");
        if (totals.isEmpty()) {
            html.append("<p>No delay to show.</p>");
        } else {
            html.append(StackedBars.svg(bars, totals, "messages after the first flagged one", DELAY_BUCKETS));
        }
        html.append("<table><tr><th class=l>category</th><th>early</th><th>on time</th><th>late</th>")
                .append("<th>unknown</th><th>median</th><th>max</th></tr>");
        for (CategoryResult c : r.categories()) {
            delayRow(html, c.category().name(), c.delay());
        }
        delayRow(html, "any labelled category", r.delay());
        html.append("</table>");
    }

    private static void add(Map<String, Long> bar, String series, long n) {
        if (n > 0) {
            bar.merge(series, n, Long::sum);
        }
    }

    private static void delayRow(StringBuilder html, String name, Delays d) {
        html.append("<tr><td class=l>").append(esc(name)).append("</td><td>").append(d.early()).append("</td><td>")
                .append(d.onTime()).append("</td><td>").append(d.late()).append("</td><td>").append(d.unknown())
                .append("</td><td>").append(d.median() == null ? "-" : d.median()).append("</td><td>")
                .append(d.max() == null ? "-" : d.max()).append("</td></tr>");
    }

    private static void benign(StringBuilder html, EvalResult r) {
        html.append("<h2>False alerts on benign conversations</h2><table><tr><th class=l>language</th>")
                .append("<th>alerted</th></tr>");
        r.benignByLanguage().forEach((k, v) -> html.append("<tr><td class=l>").append(esc(k)).append("</td><td>")
                .append(v).append("</td></tr>"));
        html.append("</table><p></p><table><tr><th class=l>kind</th><th>alerted</th></tr>");
        r.benignByKind().forEach((k, v) -> html.append("<tr><td class=l>").append(esc(k)).append("</td><td>")
                .append(v).append("</td></tr>"));
        html.append("</table>");
    }

    private static void rules(StringBuilder html, List<RuleHits> rules) {
        html.append("<h2>Rules</h2><p>Conversations where a rule's signal appears in an alert: a true positive when "
                + "its category is labelled, <i>other</i> on a harmful conversation not labelled with it, a false "
                + "positive on a benign one; <i>only rule</i>: false alerts where it is the only rule.</p>")
                .append("<table><tr><th class=l>rule</th><th>true positive</th><th>other</th>")
                .append("<th>false positive</th><th>only rule</th></tr>");
        for (RuleHits h : rules) {
            html.append("<tr><td class=l>").append(esc(h.ruleId())).append("</td><td>").append(h.truePositive())
                    .append("</td><td>").append(h.otherCategory()).append("</td><td>").append(h.falsePositive())
                    .append("</td><td>").append(h.onlyRule()).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String names(Set<io.vigie.core.contract.Category> categories) {
        return categories.isEmpty() ? "-" : categories.stream().map(Enum::name)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private static void listed(StringBuilder html, String title, String what, List<Listed> list, boolean missed) {
        html.append("<h2>").append(title).append(" (").append(list.size()).append(")</h2><p>").append(what)
                .append(".</p>");
        if (list.isEmpty()) {
            return;
        }
        html.append("<table class=list><tr><th class=l>conversation</th><th class=l>language</th>")
                .append("<th class=l>kind</th>").append(missed ? "<th class=l>missed</th>" : "")
                .append("<th class=l>alerted</th><th class=l>rules</th><th>alerts</th></tr>");
        for (Listed l : list) {
            html.append("<tr><td class=l>").append(esc(l.conversationId())).append("</td><td class=l>")
                    .append(esc(l.language())).append("</td><td class=l>").append(esc(l.kind())).append("</td>");
            if (missed) {
                html.append("<td class=l>").append(names(l.missed())).append("</td>");
            }
            html.append("<td class=l>").append(names(l.alerted())).append("</td><td class=l>")
                    .append(esc(String.join(" ", l.rules()))).append("</td><td>").append(l.alerts())
                    .append("</td></tr>");
            if (l.messages() != null) {
                html.append("<tr><td class=l colspan=").append(missed ? 7 : 6)
                        .append("><details><summary>text</summary>");
                if (l.notes() != null) {
                    html.append("<p><i>").append(esc(l.notes())).append("</i></p>");
                }
                for (EvalResult.Line m : l.messages()) {
                    html.append("<pre").append(m.alerted() ? " class=fail" : "").append(">")
                            .append(esc(m.messageId() + " " + m.senderId() + ": " + (m.text() == null ? "" : m.text())))
                            .append(m.firstFlag() ? "  [first flag]" : "").append(m.alerted() ? "  [alert]" : "")
                            .append("</pre>");
                }
                html.append("</details></td></tr>");
            }
        }
        html.append("</table>");
    }
}
