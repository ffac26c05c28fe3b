package io.vigie.stream.cli;

import io.vigie.core.contract.Alert;
import io.vigie.core.assess.Assessment;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.rule.Finding;
import io.vigie.core.Explanation;
import io.vigie.core.ModerationEngine;
import io.vigie.core.assess.Ages;
import io.vigie.core.rule.RuleCheck;
import io.vigie.core.rule.ScoringContext;
import io.vigie.core.state.UserState;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.serde.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code moderation score "text"}: assesses one message alone (a new conversation between a sender and one
 * recipient, with the ages given) and prints the alert it would give as contract JSON (one line), or says
 * that nothing fired. {@code --human} prints a short summary instead; {@code --json} prints {@code null} when
 * nothing fired, for scripts. Exit 0 either way.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Scores one message alone and prints the alert it would give, or none.")
final class ScoreCommand extends ConfiguredCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TEXT", description = "the message text")
    String text;

    @Option(names = "--sender-age", paramLabel = "N", description = "the sender's declared age")
    Integer senderAge;

    @Option(names = "--recipient-age", paramLabel = "N", description = "the recipient's declared age")
    Integer recipientAge;

    @Option(names = "--json", description = "strict JSON: print null (not a sentence) when nothing fired")
    boolean json;

    @Option(names = "--human", description = "print a short summary (severity, action, rules, evidence) instead of JSON")
    boolean human;

    @Option(names = "--at", paramLabel = "INSTANT", description = "event time (ISO-8601); default: now")
    Instant at;

    @Option(names = "--explain", description = "for rule authors: the normalized text, every cue with its span, the"
            + " writer's stated age, the rules that fired and those that nearly fired (with what they missed)")
    boolean explain;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Integer age : new Integer[] {senderAge, recipientAge}) {
            if (age != null && (age < 1 || age > 120)) {
                err.println("score: an age must be between 1 and 120, got " + age);
                return 1;
            }
        }
        ModerationConfig config = loadConfig(Map.of());
        ModerationEngine engine = engineOrNull(config, err, "score");
        if (engine == null) {
            return 1;
        }
        Instant sentAt = at != null ? at : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UserState sender = withAge(UserState.unknown("sender"), senderAge);
        UserState recipient = withAge(UserState.unknown("recipient"), recipientAge);
        ChatMessage message = ChatMessage.of("score-1", "score", "sender", List.of("recipient"), sentAt, text);
        if (explain) {
            explain(out, engine, sender, recipient, sentAt);
        }
        Assessment a = engine.newSession().assess(message, null, sender, Map.of("recipient", recipient));
        Alert alert = a.alert();
        if (alert == null) {
            if (json) {
                out.println("null");
                err.println("score: nothing fired" + weak(a.findings()));
            } else {
                out.println("nothing fired" + weak(a.findings()));
            }
            return 0;
        }
        if (!human) {
            out.println(Json.MAPPER.writeValueAsString(alert.withDetectedAt(sentAt)));
            return 0;
        }
        out.printf("%s %s score=%d categories=%s%n", alert.severity(), alert.action(), alert.score(),
                alert.categories());
        for (Alert.Signal s : alert.signals()) {
            out.printf("  %s %s +%d \"%s\" [%d,%d)%n", s.ruleId(), s.category(), s.score(), s.evidence(), s.start(),
                    s.end());
        }
        return 0;
    }

    private void explain(PrintWriter out, ModerationEngine engine, UserState sender, UserState recipient,
                         Instant sentAt) {
        ScoringContext context = new ScoringContext(Ages.of(null, sender), List.of(Ages.of("recipient", recipient)),
                -1, java.util.Set.of(), 0);
        Explanation e = engine.newSession().explain(text, context, sentAt.toEpochMilli());
        out.println("text:       " + quote(e.text()));
        out.println("normalized: " + quote(e.folded()));
        out.println("cues:" + (e.cues().isEmpty() ? " none" : ""));
        for (Explanation.CueSpan c : e.cues()) {
            out.printf("  %-28s %s%s%n", c.cue(), c.evidence() == null ? "(no span)"
                    : quote(c.evidence()) + " [" + c.start() + "," + c.end() + ")", c.count() > 1 ? " x" + c.count() : "");
        }
        Explanation.StatedAge age = e.statedAge();
        out.println("stated age: " + (age == null ? "none (only what the writer says of themself counts)"
                : age.age() + (age.firstPerson() ? " (the writer, first person) "
                        : " (a bare answer: the writer's, unless it echoes an age another participant stated) ")
                + quote(age.evidence()) + " [" + age.start() + "," + age.end() + ")"));
        Explanation.RiskScore risk = e.risk();
        out.println("risk model: " + (risk == null ? "none" : String.format(java.util.Locale.ROOT,
                "harm %.2f (model.plausible above %.2f, model.harm above %.2f, model.harm_high above %.2f); categories %s",
                risk.harm(), risk.plausible(), risk.low(), risk.high(), risk.categories().entrySet().stream().limit(3)
                        .map(c -> String.format(java.util.Locale.ROOT, "%s %.2f", c.getKey(), c.getValue())).toList())
                + (Float.isNaN(risk.contextGate()) ? "" : String.format(java.util.Locale.ROOT,
                "; context %.2f alone (model.context above %.2f from a conversation's second message; a first message "
                + "always has it)", risk.context(), risk.contextGate()))));
        List<RuleCheck> fired = e.rules().stream().filter(RuleCheck::fired).toList();
        List<RuleCheck> near = e.rules().stream().filter(r -> !r.fired()).toList();
        out.println("rules fired:" + (fired.isEmpty() ? " none" : ""));
        for (RuleCheck r : fired) {
            out.printf("  %-40s +%-3d %s%n", r.ruleId(), r.score(), r.description());
        }
        out.println("rules nearly fired:" + (near.isEmpty() ? " none" : ""));
        for (RuleCheck r : near) {
            out.printf("  %-40s %s%n", r.ruleId(), r.missing());
        }
        if (!e.errors().isEmpty()) {
            out.println("errors: " + e.errors());
        }
        out.println("verdict:");
    }

    private static String quote(String s) {
        return s == null ? "-" : "\"" + s + "\"";
    }

    private static String weak(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "";
        }
        return " (below the alert threshold: " + String.join(", ", findings.stream().map(Finding::ruleId)
                .toList()) + ")";
    }

    private static UserState withAge(UserState u, Integer age) {
        if (age == null) {
            return u;
        }
        return new UserState(u.userId(), age, null, null, null, null, null, null, null, 0, false, 0, null);
    }
}
