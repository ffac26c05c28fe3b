package io.vigie.stream.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders one alert (its contract JSON, as read from the review topic) for a human at a terminal: severity
 * (coloured when {@code ansi}), categories, action and score, who wrote to whom with the ages known, and the
 * message with every piece of evidence highlighted from the signals' {@code start}/{@code end} UTF-16 offsets
 * (ANSI inverse video, or {@code [brackets]} without ANSI).
 *
 * <p>Reads JSON rather than the {@code Alert} record so that it shows what reviewers actually receive. Unknown or
 * missing fields are shown as {@code ?}, never fatal. Thread-safe: immutable.
 */
public final class AlertPrinter {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String MARK = "\u001b[1;7m";
    private static final int MAX_TEXT = 400;

    private final boolean ansi;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param ansi whether to use ANSI colours and inverse video (a TTY), else plain text with brackets
     */
    public AlertPrinter(boolean ansi) {
        this.ansi = ansi;
    }

    /** Whether stdout looks like a terminal that takes colours ({@code NO_COLOR} unset). */
    public static boolean stdoutIsColourTerminal() {
        return System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * Prints one alert, a few lines, followed by a blank line.
     *
     * @param alertJson the alert's JSON value, never null
     * @param out       where to print, never null
     */
    public void print(byte[] alertJson, PrintStream out) {
        out.print(render(alertJson));
        out.flush();
    }

    /** The text {@link #print} writes; a malformed value gives a one-line notice instead of an exception. */
    public String render(byte[] alertJson) {
        JsonNode alert;
        try {
            alert = json.readTree(alertJson);
        } catch (IOException e) {
            return "(an alert that is not valid JSON: " + alertJson.length + " bytes)\n\n";
        }
        if (alert == null || !alert.isObject()) {
            return "(an alert that is not a JSON object)\n\n";
        }
        StringBuilder sb = new StringBuilder();
        String severity = text(alert, "severity");
        sb.append(colour(severityColour(severity), pad(severity, 8)))
                .append(' ').append(style(BOLD, joined(alert.path("categories"))))
                .append("  → ").append(style(BOLD, text(alert, "action")))
                .append("  score ").append(text(alert, "score"));
        String kind = alert.path("kind").asText("");
        if (!kind.isEmpty() && !"MESSAGE".equals(kind)) {
            sb.append("  [").append(kind).append(']');
        }
        sb.append('\n');
        sb.append("  ").append(style(DIM, "conversation " + text(alert, "conversationId") + "  message "
                + text(alert, "messageId") + "  sent " + text(alert, "sentAt"))).append('\n');
        sb.append("  ").append(who(alert)).append('\n');
        JsonNode conversation = alert.path("conversation");
        if (conversation.isObject()) {
            sb.append("  ").append(style(DIM, "conversation so far: " + text(conversation, "messages")
                    + " messages, risk " + text(conversation, "riskScore") + ", stages "
                    + joined(conversation.path("stages")))).append('\n');
        }
        sb.append("  \u201c").append(highlighted(alert.path("text").asText(""), alert.path("signals")))
                .append("\u201d\n");
        List<String> rules = new ArrayList<>();
        for (JsonNode s : alert.path("signals")) {
            rules.add(s.path("ruleId").asText("?") + " (" + s.path("category").asText("?") + ", +"
                    + s.path("score").asText("?") + ")");
        }
        if (!rules.isEmpty()) {
            sb.append("  ").append(style(DIM, "why: " + String.join("; ", rules))).append('\n');
        }
        return sb.append('\n').toString();
    }

    private String who(JsonNode alert) {
        JsonNode age = alert.path("age");
        StringBuilder sb = new StringBuilder(text(alert, "senderId")).append(ageOf(age.path("sender")));
        sb.append(" → ");
        List<String> recipients = new ArrayList<>();
        JsonNode recipientAges = age.path("recipients");
        for (JsonNode id : alert.path("recipientIds")) {
            JsonNode match = null;
            for (JsonNode r : recipientAges) {
                if (id.asText().equals(r.path("userId").asText())) {
                    match = r;
                }
            }
            recipients.add(id.asText() + (match == null ? "" : ageOf(match)));
        }
        sb.append(recipients.isEmpty() ? "(public room)" : String.join(", ", recipients));
        return sb.toString();
    }

    private String ageOf(JsonNode person) {
        if (!person.isObject()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (person.hasNonNull("declared")) {
            parts.add("declared " + person.get("declared").asText());
        }
        if (person.hasNonNull("stated")) {
            parts.add("says " + person.get("stated").asText());
        }
        boolean minor = person.path("likelyMinor").asBoolean(false);
        if (minor) {
            parts.add(colour("\u001b[1;31m", "likely minor"));
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** The text with the union of the signals' [start, end) ranges marked; ranges are clamped to the text. */
    String highlighted(String text, JsonNode signals) {
        List<int[]> ranges = new ArrayList<>();
        for (JsonNode s : signals) {
            int start = Math.max(0, s.path("start").asInt(-1));
            int end = Math.min(text.length(), s.path("end").asInt(-1));
            if (s.has("start") && s.has("end") && start < end) {
                ranges.add(new int[]{start, end});
            }
        }
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        int i = 0;
        while (i < ranges.size()) {
            int start = Math.max(ranges.get(i)[0], pos);
            int end = ranges.get(i)[1];
            i++;
            while (i < ranges.size() && ranges.get(i)[0] <= end) {
                end = Math.max(end, ranges.get(i)[1]);
                i++;
            }
            if (end <= start) {
                continue;
            }
            sb.append(clean(safeSub(text, pos, start)));
            String marked = clean(safeSub(text, start, end));
            sb.append(ansi ? MARK + marked + RESET : "[" + marked + "]");
            pos = end;
        }
        sb.append(clean(safeSub(text, pos, text.length())));
        if (sb.length() > MAX_TEXT && !ansi) {
            return sb.substring(0, MAX_TEXT) + "…";
        }
        return sb.toString();
    }

    /** A substring that never splits a surrogate pair at either end. */
    private static String safeSub(String text, int start, int end) {
        if (start > 0 && start < text.length() && Character.isLowSurrogate(text.charAt(start))
                && Character.isHighSurrogate(text.charAt(start - 1))) {
            start--;
        }
        if (end > 0 && end < text.length() && Character.isLowSurrogate(text.charAt(end))
                && Character.isHighSurrogate(text.charAt(end - 1))) {
            end++;
        }
        return start >= end ? "" : text.substring(start, end);
    }

    /** Terminal safety: a chat message must not be able to move the cursor or change colours. */
    private static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                sb.append(' ');
            } else if (Character.isISOControl(cp)) {
                sb.append('\u2400');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? "?" : v.asText();
    }

    private static String joined(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode v : array) {
            values.add(v.asText());
        }
        return values.isEmpty() ? "-" : String.join(", ", values);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String severityColour(String severity) {
        return switch (severity.toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> "\u001b[1;97;41m";
            case "HIGH" -> "\u001b[1;31m";
            case "MEDIUM" -> "\u001b[1;33m";
            case "LOW" -> "\u001b[36m";
            default -> "";
        };
    }

    private String colour(String code, String s) {
        return ansi && !code.isEmpty() ? code + s + RESET : s;
    }

    private String style(String code, String s) {
        return ansi ? code + s + RESET : s;
    }
}
