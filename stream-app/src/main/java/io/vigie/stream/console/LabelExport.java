package io.vigie.stream.console;

import io.vigie.core.contract.Category;
import io.vigie.core.contract.Decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reviewers' disagreements with the engine as an eval label file (the format of {@code shared/eval}): a JSON
 * object keyed by conversationId, one entry per conversation with a disagreement, labelled with what the reviewers
 * decided on all the decided alerts of that conversation:
 * <ul>
 *   <li>{@code labels}: the union of the confirmed alerts' categories (the reviewer's correction where there is one);
 *   {@code []} when every decided alert was dismissed (a false positive);</li>
 *   <li>{@code firstFlagMessageId}: the message of the earliest confirmed alert (a reviewer may find an earlier
 *   message worth flagging: it is an upper bound); null when benign;</li>
 *   <li>{@code language}: the alerts' language, or null;</li>
 *   <li>{@code kind}: {@code review-false-positive} or {@code review-recategorized};</li>
 *   <li>{@code notes}: each decision as "alertId VERDICT by reviewer: note".</li>
 * </ul>
 * A rule author runs {@code replay} on the conversations and scores against this file to see whether a rule change
 * fixes what reviewers disagreed with. Stateless.
 */
public final class LabelExport {

    /** One entry of the label file (field names as in shared/eval). */
    public record Label(List<String> labels, String firstFlagMessageId, String language, String kind, String notes) {
    }

    private LabelExport() {
    }

    /** The label file for every conversation with a disagreement, sorted by conversationId. */
    static Map<String, Label> of(ReviewQueue queue) {
        Map<String, Label> out = new TreeMap<>();
        for (ReviewQueue.Disagreement d : queue.disagreements()) {
            String conversation = d.reviewed().alert().conversationId();
            if (conversation == null || out.containsKey(conversation)) {
                continue;
            }
            out.put(conversation, label(queue.decidedIn(conversation)));
        }
        return out;
    }

    private static Label label(List<ReviewQueue.Reviewed> decided) {
        Set<Category> labels = EnumSet.noneOf(Category.class);
        String first = null;
        String language = null;
        List<String> notes = new ArrayList<>();
        boolean recategorized = false;
        List<ReviewQueue.Reviewed> byTime = new ArrayList<>(decided);
        byTime.sort(Comparator.comparing((ReviewQueue.Reviewed r) -> r.alert().sentAt(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        for (ReviewQueue.Reviewed r : byTime) {
            ReviewDecision d = r.decision();
            if (language == null) {
                language = r.alert().language();
            }
            if (d.verdict() == Decision.Verdict.CONFIRMED) {
                labels.addAll(d.effectiveCategories(r.alert().categories()));
                recategorized |= d.recategorized(r.alert().categories());
                if (first == null) {
                    first = r.alert().messageId();
                }
            }
            notes.add(r.alert().alertId() + " " + d.verdict() + " by " + d.reviewer()
                    + (d.note() == null || d.note().isBlank() ? "" : ": " + d.note().strip()));
        }
        List<String> names = labels.stream().map(Category::value).toList();
        String kind = labels.isEmpty() ? "review-false-positive" : recategorized ? "review-recategorized"
                : "review-confirmed";
        return new Label(names, labels.isEmpty() ? null : first, language, kind, String.join("; ", notes));
    }
}
