package io.vigie.stream.eval;

import io.vigie.stream.eval.EvalResult.CategoryResult;
import io.vigie.stream.eval.EvalResult.Delays;
import io.vigie.stream.eval.EvalResult.Listed;
import io.vigie.stream.eval.EvalResult.Ratio;
import io.vigie.stream.eval.EvalResult.RuleHits;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The readable summary {@code eval} prints on stdout: recall and delays per category, false alerts on benign
 * conversations, rules, and the missed and falsely alerted conversations (their text only when the result carries
 * it, i.e. with {@code --show-text}). Warnings are not in it: {@code eval} prints them on stderr.
 *
 * <p>Stateless; thread-safe.
 */
public final class EvalSummary {

    private EvalSummary() {
    }

    /** The summary, lines ending in '\n'. */
    public static String text(EvalResult r) {
        StringBuilder out = new StringBuilder(4096);
        int harmful = r.harmfulAlerted().of();
        int benign = r.benignAlerted().of();
        line(out, "%,d labelled conversations scored (%d harmful, %d benign) from %s: %,d lines (%,d messages), "
                        + "%,d alerts", harmful + benign, harmful, benign, String.join(", ", r.inputs()), r.lines(),
                r.messages(), r.alerts());
        line(out, "rules: %s", r.rulesVersions().isEmpty() ? "-" : String.join(", ", r.rulesVersions()));
        if (r.unlabelledConversations() > 0) {
            line(out, "%,d conversations in the input have no label (%,d alerts on them, not scored)",
                    r.unlabelledConversations(), r.unlabelledAlerts());
        }
        categories(out, r);
        line(out, "harmful conversations with an alert of any category: %s", r.harmfulAlerted());
        line(out, "benign conversations alerted (false alerts): %d/%d (%s); by language:%s",
                r.benignAlerted().count(), r.benignAlerted().of(), percent(r.benignAlerted()),
                perKey(r.benignByLanguage()));
        Map<String, Ratio> alertedKinds = new java.util.TreeMap<>(r.benignByKind());
        alertedKinds.values().removeIf(k -> k.count() == 0);
        if (!alertedKinds.isEmpty()) {
            int quiet = r.benignByKind().size() - alertedKinds.size();
            line(out, "  by kind:%s%s", perKey(alertedKinds), quiet == 0 ? "" : "; no alert in the " + quiet
                    + " other kind" + (quiet == 1 ? "" : "s"));
        }
        rules(out, r.rules());
        listed(out, "missed (harmful conversations with a labelled category no alert carried)", r.missed(), true);
        listed(out, "false alerts (benign conversations alerted)", r.falseAlerts(), false);
        return out.toString();
    }

    private static void categories(StringBuilder out, EvalResult r) {
        Set<String> languages = new TreeSet<>(r.recallByLanguage().keySet());
        int width = Math.max(20, r.categories().stream().mapToInt(c -> c.category().name().length()).max()
                .orElse(0) + 2);
        out.append('\n');
        line(out, "recall by category (conversations where an alert carries it / labelled; CHILD_GROOMING and "
                + "MINOR_SEXUALIZATION count for each other)");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s%-14s", "category",
                "recall"));
        languages.forEach(l -> head.append(String.format(Locale.ROOT, "%-14s", l)));
        head.append("delay in messages: early on-time late unknown median max");
        line(out, "%s", head);
        for (CategoryResult c : r.categories()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s%-14s",
                    c.category().name(), c.recall()));
            languages.forEach(l -> row.append(String.format(Locale.ROOT, "%-14s", cell(c.byLanguage().get(l)))));
            line(out, "%s%s", row, delays(c.delay()));
        }
        StringBuilder all = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s%-14s", "all",
                r.recall()));
        languages.forEach(l -> all.append(String.format(Locale.ROOT, "%-14s", cell(r.recallByLanguage().get(l)))));
        line(out, "%s%s", all, delays(r.delay()));
        line(out, "  (all: conversation x category pairs; its delay: the first alert of any labelled category)");
    }

    private static String cell(Ratio r) {
        return r == null ? "" : r.toString();
    }

    private static String delays(Delays d) {
        return String.format(Locale.ROOT, "%18d %7d %4d %7d %6s %3s", d.early(), d.onTime(), d.late(), d.unknown(),
                d.median() == null ? "-" : d.median().toString(), d.max() == null ? "-" : d.max().toString());
    }

    private static String perKey(Map<String, Ratio> byKey) {
        return byKey.entrySet().stream().map(e -> " " + e.getKey() + " " + e.getValue().count() + "/"
                + e.getValue().of()).collect(Collectors.joining(","));
    }

    static String percent(Ratio r) {
        return r.of() == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * r.rate());
    }

    private static void rules(StringBuilder out, List<RuleHits> rules) {
        if (rules.isEmpty()) {
            return;
        }
        int width = Math.max(30, rules.stream().mapToInt(h -> h.ruleId().length()).max().orElse(0) + 2);
        out.append('\n');
        line(out, "rules in the alerts of labelled conversations (conversations): true positive, other category "
                + "(harmful, not labelled so), false positive (benign; in brackets: the only rule there)");
        line(out, "  %-" + width + "s%5s %6s %5s %6s", "rule", "TP", "other", "FP", "(only)");
        for (RuleHits h : rules) {
            line(out, "  %-" + width + "s%5d %6d %5d %6s", h.ruleId(), h.truePositive(), h.otherCategory(),
                    h.falsePositive(), "(" + h.onlyRule() + ")");
        }
    }

    private static void listed(StringBuilder out, String title, List<Listed> list, boolean missed) {
        out.append('\n');
        line(out, "%s: %d", title, list.size());
        for (Listed l : list) {
            String alerted = l.alerted().isEmpty() ? "no alert" : "alerted " + l.alerted() + " by "
                    + String.join(", ", l.rules()) + " (" + l.alerts() + " alert" + (l.alerts() == 1 ? ")" : "s)");
            line(out, "  %s  %s  %s  %s%s", l.conversationId(), l.language(), l.kind(),
                    missed ? "missed " + l.missed() + " of " + l.labels() + "; " : "", alerted);
            if (l.notes() != null) {
                line(out, "      notes: %s", l.notes());
            }
            if (l.messages() != null) {
                for (EvalResult.Line m : l.messages()) {
                    line(out, "      %s %s: %s%s%s", m.messageId(), m.senderId(), oneLine(m.text()),
                            m.firstFlag() ? "  [first flag]" : "", m.alerted() ? "  [alert]" : "");
                }
            }
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
