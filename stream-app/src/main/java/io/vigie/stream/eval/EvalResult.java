package io.vigie.stream.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.vigie.core.contract.Category;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures of one evaluation: what {@code eval} prints, writes as JSON ({@code --json}, these records as they
 * are) and draws ({@code --report}). Built by {@link Evaluator}.
 *
 * @param inputs                  the record files, in the order given
 * @param labelFiles              the label files, in the order given
 * @param rulesVersions           the rule pack versions the alerts name
 * @param lines                   non-blank input lines replayed
 * @param messages                message lines replayed
 * @param alerts                  alerts the replay wrote (on any conversation)
 * @param recall                  (conversation, category) pairs found over pairs labelled, OFF_PLATFORM included
 * @param recallByLanguage        the same per labelled language ("-" when none is given)
 * @param harmfulAlerted          harmful conversations with at least one alert, of any category
 * @param categories              per category labelled in some conversation, in contract order
 * @param delay                   per found harmful conversation, the first alert carrying any of its categories
 * @param benignAlerted           benign conversations ({@code labels: []}) with at least one alert: false alerts
 * @param benignByLanguage        the same per language
 * @param benignByKind            the same per {@code kind}
 * @param rules                   per rule id in the alerts of labelled conversations; most false positives first
 * @param missed                  harmful conversations with at least one category not found, in label order
 * @param falseAlerts             benign conversations alerted, in label order
 * @param unlabelledConversations conversations in the input without a label (their alerts are not scored)
 * @param unlabelledAlerts        alerts on those conversations
 * @param warnings                labels that could not be scored as they are (e.g. absent from the input)
 */
public record EvalResult(List<String> inputs, List<String> labelFiles, List<String> rulesVersions, long lines,
                         long messages, long alerts, Ratio recall, Map<String, Ratio> recallByLanguage,
                         Ratio harmfulAlerted, List<CategoryResult> categories, Delays delay, Ratio benignAlerted,
                         Map<String, Ratio> benignByLanguage, Map<String, Ratio> benignByKind, List<RuleHits> rules,
                         List<Listed> missed, List<Listed> falseAlerts, int unlabelledConversations,
                         int unlabelledAlerts, List<String> warnings) {

    /** {@code count} of {@code of}. */
    public record Ratio(int count, int of) {

        /** count / of; null when {@code of} is 0 (nothing to measure). */
        @JsonProperty("rate")
        public Double rate() {
            return of == 0 ? null : count / (double) of;
        }

        /** "9/17 0.53", or "0/0 -". */
        @Override
        public String toString() {
            return count + "/" + of + " " + (of == 0 ? "-" : String.format(Locale.ROOT, "%.2f", rate()));
        }
    }

    /**
     * Recall of one category over the conversations labelled with it.
     *
     * @param recall     conversations where some alert carries the category (CHILD_GROOMING and
     *                   MINOR_SEXUALIZATION count for each other) over conversations labelled with it
     * @param byLanguage the same per language
     * @param delay      of the first alert carrying the category, in each conversation where it was found
     */
    public record CategoryResult(Category category, Ratio recall, Map<String, Ratio> byLanguage, Delays delay) {
    }

    /**
     * How late alerts come, in messages after the label's {@code firstFlagMessageId}. An alert before or on that
     * message is on time (delay 0); {@code early} counts the ones before it.
     *
     * @param early   alerts before the first flagged message
     * @param onTime  alerts on it
     * @param late    alerts after it
     * @param unknown alerts whose delay cannot be counted (no firstFlagMessageId, or a message absent from the input)
     * @param lateBy  late alerts per delay in messages
     * @param median  median delay (early and on time count 0); null when no delay is known
     * @param max     longest delay; null when no delay is known
     */
    public record Delays(int early, int onTime, int late, int unknown, SortedMap<Integer, Integer> lateBy,
                         Integer median, Integer max) {

        /** From raw delays: negative = early, 0 = on time, positive = late, null = unknown. */
        static Delays of(List<Integer> raw) {
            int early = 0;
            int onTime = 0;
            int unknown = 0;
            List<Integer> known = new ArrayList<>();
            SortedMap<Integer, Integer> lateBy = new TreeMap<>();
            for (Integer d : raw) {
                if (d == null) {
                    unknown++;
                    continue;
                }
                if (d < 0) {
                    early++;
                } else if (d == 0) {
                    onTime++;
                } else {
                    lateBy.merge(d, 1, Integer::sum);
                }
                known.add(Math.max(0, d));
            }
            Collections.sort(known);
            Integer median = known.isEmpty() ? null : known.get((known.size() - 1) / 2);
            Integer max = known.isEmpty() ? null : known.get(known.size() - 1);
            return new Delays(early, onTime, known.size() - early - onTime, unknown,
                    Collections.unmodifiableSortedMap(lateBy), median, max);
        }
    }

    /**
     * What one rule's signals hit, counted in conversations.
     *
     * @param ruleId        the signal's rule id; for an alert without signals, its kind (e.g. {@code FAN_OUT})
     * @param truePositive  harmful conversations where the signal's category is labelled
     * @param otherCategory harmful conversations where it is not
     * @param falsePositive benign conversations
     * @param onlyRule      benign conversations where it is the only rule in the alerts: the false alerts it
     *                      carries alone
     */
    public record RuleHits(String ruleId, int truePositive, int otherCategory, int falsePositive, int onlyRule) {
    }

    /**
     * A conversation listed as missed or falsely alerted.
     *
     * @param labels   its labels (empty when benign)
     * @param missed   labelled categories no alert carried (empty for a false alert)
     * @param alerted  the categories its alerts carried
     * @param rules    the rule ids in its alerts
     * @param alerts   how many alerts it got
     * @param notes    the label's notes; only with {@code --show-text}, else null
     * @param messages the conversation; only with {@code --show-text}, else null
     */
    public record Listed(String conversationId, String language, String kind, Set<Category> labels,
                         Set<Category> missed, Set<Category> alerted, List<String> rules, int alerts,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String notes,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<Line> messages) {
    }

    /**
     * One message of a listed conversation ({@code --show-text}).
     *
     * @param firstFlag the label's firstFlagMessageId
     * @param alerted   an alert was raised on it
     */
    public record Line(String messageId, String senderId, String text, boolean firstFlag, boolean alerted) {
    }

    /**
     * Why this result fails the thresholds: one reason per category under {@code minRecall} and one when the
     * benign false-alert rate is over {@code maxFpr}; empty when it passes. A threshold with nothing to measure
     * (no harmful, or no benign, conversation labelled) fails, since the gate could not be checked.
     *
     * @param minRecall null for no recall threshold
     * @param maxFpr    null for no false-alert threshold
     */
    public List<String> failures(Double minRecall, Double maxFpr) {
        List<String> reasons = new ArrayList<>();
        if (minRecall != null) {
            if (categories.isEmpty()) {
                reasons.add("no harmful conversation labelled: --min-recall cannot be checked");
            }
            for (CategoryResult c : categories) {
                if (c.recall().rate() < minRecall) {
                    reasons.add(String.format(Locale.ROOT, "%s recall %.2f (%d/%d) < %.2f", c.category(),
                            c.recall().rate(), c.recall().count(), c.recall().of(), minRecall));
                }
            }
        }
        if (maxFpr != null) {
            if (benignAlerted.of() == 0) {
                reasons.add("no benign conversation labelled: --max-fpr cannot be checked");
            } else if (benignAlerted.rate() > maxFpr) {
                reasons.add(String.format(Locale.ROOT, "benign conversations alerted %.1f %% (%d/%d) > %.1f %%",
                        100 * benignAlerted.rate(), benignAlerted.count(), benignAlerted.of(), 100 * maxFpr));
            }
        }
        return reasons;
    }
}
