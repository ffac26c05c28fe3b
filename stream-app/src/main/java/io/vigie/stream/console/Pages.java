package io.vigie.stream.console;

import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Severity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the templates ({@code src/main/jte}) render: one immutable record per page, built by {@link ConsoleWeb}.
 * Public because the precompiled templates live in another package.
 */
public final class Pages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Pages() {
    }

    /** The signed-in user, and the CSRF token every form of the page carries. */
    public record Viewer(String name, Role role, String csrf) {
        public boolean lead() {
            return role == Role.LEAD;
        }
    }

    /** The sign-in page. */
    public record LoginPage(String csrf, String error) {
    }

    /** A page that only says something (not found, forbidden, refused). */
    public record MessagePage(Viewer viewer, String title, String message) {
    }

    /** One row of the queue. */
    public record Row(ReviewQueue.Reviewed reviewed, String age, String claim, boolean mine) {
        public Alert alert() {
            return reviewed.alert();
        }

        public String categories() {
            return String.join(", ", reviewed.alert().categories().stream().map(Category::value).toList());
        }
    }

    /** The queue's filters as chosen, for the form and the refresh link. */
    public record FilterForm(String status, String category, String severity, String language, String scope,
                             boolean minor, String query) {
    }

    /** Open alerts of one severity in the queue summary. */
    public record SeverityLine(String severity, int count, String oldest, String median) {
    }

    /** The queue (and its auto-refreshed part). */
    public record QueuePage(Viewer viewer, boolean ready, FilterForm filter, List<Row> rows, int open,
                            List<CategoryCount> byCategory, List<SeverityLine> bySeverity, List<String> categories,
                            List<String> severities, String flash) {
    }

    /** Open alerts of one category. */
    public record CategoryCount(String category, int count) {
    }

    /** One piece of evidence as listed on the alert page. */
    public record SignalRow(String ruleId, String category, int score, String evidence, String description,
                            String where) {
    }

    /** One earlier message of the conversation, with its own evidence highlighted. */
    public record ContextRow(String messageId, String who, String sentAt, Highlight text, List<SignalRow> signals) {
    }

    /** A participant's ages. */
    public record PersonRow(String role, String userId, String declared, String stated, boolean likelyMinor) {
    }

    /** One point of the risk plot. */
    public record ChartPoint(int x, int y, String label, boolean current) {
    }

    /** The conversation's risk over its alerts, as an SVG polyline. */
    public record RiskChart(int width, int height, String polyline, List<ChartPoint> points, String stages) {
    }

    /** Another alert on the same conversation, people or device. */
    public record RelatedRow(String alertId, String when, String severity, String categories, String links,
                             String outcome) {
    }

    /** A decision on this alert, as listed on its page. */
    public record DecisionRow(String reviewer, String verdict, String action, String categories, String when,
                              String note, boolean override) {
    }

    /** The alert page. */
    public record AlertPage(Viewer viewer, ReviewQueue.Reviewed reviewed, String queued, String age, Highlight text,
                            List<SignalRow> signals, List<ContextRow> context, List<PersonRow> people,
                            RiskChart chart, List<RelatedRow> related, List<DecisionRow> decisions,
                            ActionCommand.StatementOfReasons statement, String claimHolder, String claimUntil,
                            boolean claimedByMe, boolean claimedByOther, boolean revealed, String flash, String error,
                            List<String> categories, List<String> alertCategories) {
        public Alert alert() {
            return reviewed.alert();
        }

        public String scope() {
            return reviewed.alert().roomId() == null ? "private conversation" : "room " + reviewed.alert().roomId();
        }
    }

    /** One reviewer's line in the lead's view. */
    public record ReviewerLine(String reviewer, int lastHour, int lastDay, int total, int confirmed, int dismissed,
                               String medianTime) {
    }

    /** One disagreement in the lead's view. */
    public record DisagreementRow(String alertId, String conversationId, String engine, String reviewer,
                                  String verdict, String reviewerCategories, String kind, String when, String note) {
    }

    /** The lead's view. */
    public record LeadPage(Viewer viewer, int open, List<SeverityLine> bySeverity, List<ReviewerLine> reviewers,
                           List<DisagreementRow> disagreements, int inMemory, long evicted) {
    }

    /** A short human duration: "45 s", "12 min", "3 h 05 min", "2 d 4 h". */
    public static String age(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
        }
        return String.format(Locale.ROOT, "%d d %d h", s / 86_400, (s % 86_400) / 3600);
    }

    /** An instant as shown on pages (UTC, to the second); "" for null. */
    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** The CSS class of a severity badge. */
    public static String severityClass(Severity s) {
        return "sev sev-" + s.value().toLowerCase(Locale.ROOT);
    }
}
