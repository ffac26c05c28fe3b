package io.vigie.stream.eval;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.stream.eval.EvalResult.CategoryResult;
import io.vigie.stream.eval.EvalResult.Delays;
import io.vigie.stream.eval.EvalResult.Listed;
import io.vigie.stream.eval.EvalResult.Ratio;
import io.vigie.stream.eval.EvalResult.RuleHits;
import io.vigie.stream.eval.LabelSet.Label;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores the alerts of a replay against labels. A labelled category counts as found in a conversation when any
 * alert in that conversation carries it; CHILD_GROOMING and MINOR_SEXUALIZATION count for each other (the line
 * between them is the labeller's call, and either sends the conversation to the same reviewers). On a benign
 * conversation ({@code labels: []}) any alert is a false alert, whatever its category or kind. A delay is counted
 * in messages of the conversation, from the label's {@code firstFlagMessageId} to the first alert that carries the
 * category.
 *
 * <p>Stateless; thread-safe.
 */
public final class Evaluator {

    /** Shown for a conversation whose label gives no language or kind. */
    static final String NONE = "-";
    /** Labelled conversations absent from the input named in the warning, at most. */
    static final int MAX_NAMED = 10;

    private Evaluator() {
    }

    /** The categories an alert may carry for a labelled {@code category} to count as found. */
    static Set<Category> counting(Category category) {
        if (category == Category.CHILD_GROOMING || category == Category.MINOR_SEXUALIZATION) {
            return EnumSet.of(Category.CHILD_GROOMING, Category.MINOR_SEXUALIZATION);
        }
        return EnumSet.of(category);
    }

    private static boolean carries(Alert alert, Set<Category> categories) {
        for (Category c : alert.categories()) {
            if (categories.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param alerts   every alert of the replay, in output order (alerts on unlabelled conversations are counted
     *                 and otherwise ignored)
     * @param showText list the text of missed and falsely alerted conversations (and the labels' notes)
     */
    public static EvalResult evaluate(LabelSet labels, Transcript transcript, List<Alert> alerts, boolean showText) {
        Map<String, List<Alert>> byConversation = new HashMap<>();
        Set<String> alertedUnlabelled = new HashSet<>();
        int unlabelledAlerts = 0;
        Set<String> rulesVersions = new TreeSet<>();
        for (Alert a : alerts) {
            if (a.rulesVersion() != null) {
                rulesVersions.add(a.rulesVersion());
            }
            if (labels.get(a.conversationId()) == null) {
                unlabelledAlerts++;
                alertedUnlabelled.add(a.conversationId());
            } else {
                byConversation.computeIfAbsent(a.conversationId(), k -> new ArrayList<>()).add(a);
            }
        }
        List<String> warnings = new ArrayList<>();
        List<Label> present = present(labels, transcript, warnings);
        Tally tally = new Tally();
        for (Label label : present) {
            List<Alert> own = byConversation.getOrDefault(label.conversationId(), List.of());
            if (label.harmful()) {
                tally.harmful(label, own, transcript, showText, warnings);
            } else {
                tally.benign(label, own, transcript, showText);
            }
            tally.rules(label, own);
        }
        int unlabelledConversations = 0;
        for (String id : transcript.conversations()) {
            if (labels.get(id) == null) {
                unlabelledConversations++;
            }
        }
        return new EvalResult(names(transcript.inputs()), names(labels.files()), List.copyOf(rulesVersions),
                transcript.lines(), transcript.messages(), alerts.size(), tally.recall.ratio(),
                ratios(tally.recallByLanguage), tally.harmfulAlerted.ratio(), tally.categories(),
                Delays.of(tally.anyDelay), tally.benign.ratio(), ratios(tally.benignByLanguage),
                ratios(tally.benignByKind), tally.ruleHits(), tally.missed, tally.falseAlerts,
                unlabelledConversations, unlabelledAlerts, warnings);
    }

    /** The labels whose conversation is in the input; one warning naming the others. */
    private static List<Label> present(LabelSet labels, Transcript transcript, List<String> warnings) {
        List<Label> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (Label label : labels.labels()) {
            if (transcript.contains(label.conversationId())) {
                present.add(label);
            } else {
                absent.add(label.conversationId());
            }
        }
        if (!absent.isEmpty()) {
            warnings.add(absent.size() + " labelled conversation" + (absent.size() == 1 ? " is" : "s are")
                    + " absent from the input, not scored: " + String.join(", ",
                    absent.subList(0, Math.min(MAX_NAMED, absent.size())))
                    + (absent.size() > MAX_NAMED ? ", ..." : ""));
        }
        return present;
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(Path::toString).toList();
    }

    private static Map<String, Ratio> ratios(Map<String, Counter> counters) {
        Map<String, Ratio> out = new TreeMap<>();
        counters.forEach((k, c) -> out.put(k, c.ratio()));
        return out;
    }

    /** A mutable count of n. */
    private static final class Counter {
        int count;
        int of;

        void add(boolean hit) {
            of++;
            count += hit ? 1 : 0;
        }

        Ratio ratio() {
            return new Ratio(count, of);
        }
    }

    /** What one category gathered. */
    private static final class PerCategory {
        final Counter recall = new Counter();
        final Map<String, Counter> byLanguage = new TreeMap<>();
        final List<Integer> delays = new ArrayList<>();
    }

    /** Conversation ids a rule's signals hit, by outcome. */
    private static final class PerRule {
        final Set<String> truePositive = new HashSet<>();
        final Set<String> otherCategory = new HashSet<>();
        final Set<String> falsePositive = new HashSet<>();
        int onlyRule;
    }

    /** The running counts of one evaluation. */
    private static final class Tally {
        final Counter recall = new Counter();
        final Map<String, Counter> recallByLanguage = new TreeMap<>();
        final Counter harmfulAlerted = new Counter();
        final Map<Category, PerCategory> perCategory = new EnumMap<>(Category.class);
        final List<Integer> anyDelay = new ArrayList<>();
        final Counter benign = new Counter();
        final Map<String, Counter> benignByLanguage = new TreeMap<>();
        final Map<String, Counter> benignByKind = new TreeMap<>();
        final Map<String, PerRule> perRule = new HashMap<>();
        final List<Listed> missed = new ArrayList<>();
        final List<Listed> falseAlerts = new ArrayList<>();

        void harmful(Label label, List<Alert> alerts, Transcript transcript, boolean showText,
                     List<String> warnings) {
            String id = label.conversationId();
            int flag = transcript.position(id, label.firstFlagMessageId());
            if (label.firstFlagMessageId() != null && flag < 0) {
                warnings.add(id + ": firstFlagMessageId " + label.firstFlagMessageId()
                        + " is not a message of the conversation in the input: its delays are not counted");
            }
            String language = orNone(label.language());
            Set<Category> missedHere = EnumSet.noneOf(Category.class);
            for (Category c : label.categories()) {
                PerCategory pc = perCategory.computeIfAbsent(c, k -> new PerCategory());
                Alert first = first(alerts, counting(c), transcript);
                pc.recall.add(first != null);
                pc.byLanguage.computeIfAbsent(language, k -> new Counter()).add(first != null);
                recall.add(first != null);
                recallByLanguage.computeIfAbsent(language, k -> new Counter()).add(first != null);
                if (first == null) {
                    missedHere.add(c);
                } else {
                    pc.delays.add(delay(first, flag, transcript));
                }
            }
            Set<Category> any = EnumSet.noneOf(Category.class);
            label.categories().forEach(c -> any.addAll(counting(c)));
            Alert first = first(alerts, any, transcript);
            if (first != null) {
                anyDelay.add(delay(first, flag, transcript));
            }
            harmfulAlerted.add(!alerts.isEmpty());
            if (!missedHere.isEmpty()) {
                missed.add(listed(label, missedHere, alerts, transcript, showText));
            }
        }

        void benign(Label label, List<Alert> alerts, Transcript transcript, boolean showText) {
            boolean alerted = !alerts.isEmpty();
            benign.add(alerted);
            benignByLanguage.computeIfAbsent(orNone(label.language()), k -> new Counter()).add(alerted);
            benignByKind.computeIfAbsent(orNone(label.kind()), k -> new Counter()).add(alerted);
            if (alerted) {
                falseAlerts.add(listed(label, Set.of(), alerts, transcript, showText));
            }
        }

        void rules(Label label, List<Alert> alerts) {
            Set<Category> labelled = EnumSet.noneOf(Category.class);
            label.categories().forEach(c -> labelled.addAll(counting(c)));
            Set<String> seen = new LinkedHashSet<>();
            for (Alert a : alerts) {
                for (Alert.Signal s : a.signals()) {
                    PerRule r = perRule.computeIfAbsent(s.ruleId(), k -> new PerRule());
                    seen.add(s.ruleId());
                    if (!label.harmful()) {
                        r.falsePositive.add(label.conversationId());
                    } else if (labelled.contains(s.category())) {
                        r.truePositive.add(label.conversationId());
                    } else {
                        r.otherCategory.add(label.conversationId());
                    }
                }
                if (a.signals().isEmpty()) {
                    // an alert raised by behaviour (fan-out, burst, ban evasion) has no rule: its kind stands in
                    String kind = a.kind() == null ? Alert.Kind.MESSAGE.name() : a.kind().name();
                    PerRule r = perRule.computeIfAbsent(kind, k -> new PerRule());
                    seen.add(kind);
                    (label.harmful() ? r.otherCategory : r.falsePositive).add(label.conversationId());
                }
            }
            if (!label.harmful() && seen.size() == 1) {
                perRule.get(seen.iterator().next()).onlyRule++;
            }
        }

        List<CategoryResult> categories() {
            List<CategoryResult> out = new ArrayList<>();
            perCategory.forEach((c, pc) -> out.add(new CategoryResult(c, pc.recall.ratio(), ratios(pc.byLanguage),
                    Delays.of(pc.delays))));
            return out;
        }

        List<RuleHits> ruleHits() {
            List<RuleHits> out = new ArrayList<>();
            perRule.forEach((id, r) -> out.add(new RuleHits(id, r.truePositive.size(), r.otherCategory.size(),
                    r.falsePositive.size(), r.onlyRule)));
            out.sort(Comparator.comparingInt(RuleHits::falsePositive).reversed()
                    .thenComparing(Comparator.comparingInt(RuleHits::truePositive).reversed())
                    .thenComparing(RuleHits::ruleId));
            return out;
        }
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }

    /**
     * The earliest alert carrying one of {@code categories}: by position in the conversation, then output order;
     * an alert on a message the transcript does not place comes after every placed one. Null when none.
     */
    private static Alert first(List<Alert> alerts, Set<Category> categories, Transcript transcript) {
        Alert best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Alert a : alerts) {
            if (!carries(a, categories)) {
                continue;
            }
            int at = transcript.position(a.conversationId(), a.messageId());
            at = at < 0 ? Integer.MAX_VALUE : at;
            if (best == null || at < bestAt) {
                best = a;
                bestAt = at;
            }
        }
        return best;
    }

    /** Messages from the first flagged one to the alert's (negative: early); null when either is not placed. */
    private static Integer delay(Alert alert, int flag, Transcript transcript) {
        int at = transcript.position(alert.conversationId(), alert.messageId());
        return flag < 0 || at < 0 ? null : at - flag;
    }

    private static Listed listed(Label label, Set<Category> missed, List<Alert> alerts, Transcript transcript,
                                 boolean showText) {
        Set<Category> alerted = EnumSet.noneOf(Category.class);
        Set<String> rules = new TreeSet<>();
        Set<String> alertedMessages = new HashSet<>();
        for (Alert a : alerts) {
            alerted.addAll(a.categories());
            a.signals().forEach(s -> rules.add(s.ruleId()));
            alertedMessages.add(a.messageId());
        }
        List<EvalResult.Line> lines = null;
        if (showText) {
            lines = new ArrayList<>();
            for (Transcript.Message m : transcript.messages(label.conversationId())) {
                lines.add(new EvalResult.Line(m.messageId(), m.senderId(), m.text(),
                        m.messageId().equals(label.firstFlagMessageId()), alertedMessages.contains(m.messageId())));
            }
        }
        return new Listed(label.conversationId(), orNone(label.language()), orNone(label.kind()),
                label.categories(), missed, alerted, List.copyOf(rules), alerts.size(),
                showText ? label.notes() : null, lines);
    }
}
