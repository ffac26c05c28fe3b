package io.vigie.core.rule;

import io.vigie.core.load.LoadException;
import io.vigie.core.rule.internal.CompiledPack;
import io.vigie.core.rule.internal.CompiledRule;
import io.vigie.core.rule.internal.RuleExample;
import io.vigie.core.cue.CueExtractor;
import io.vigie.core.cue.MessageCues;
import io.vigie.core.cue.CueModel;

import io.vigie.core.state.RecentMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs the {@code fire} and {@code pass} examples every rule carries through the real extraction pipeline
 * (normalize, match, signals from the given {@link CueModel}) and the compiled pack: a {@code fire}
 * example must make its rule fire, a {@code pass} example must not. Backs {@code rules test DIR}.
 * Stateless; each run uses its own extractor.
 */
public final class RuleTester {

    /** Event time of every example: fixed, so "né en 2012" gives the same age on every run. */
    public static final long EXAMPLE_TIME_MS = Instant.parse("2026-11-28T20:00:00Z").toEpochMilli();

    private RuleTester() {
    }

    /**
     * One example that did not behave.
     *
     * @param ruleId      the rule the example belongs to
     * @param file        pack file, never null
     * @param line        1-based line of the example
     * @param expectFire  true when the example should have fired
     * @param text        the example's text
     * @param fired       ids of the rules that did fire on it
     * @param errors      rule errors met while evaluating it
     */
    public record Failure(String ruleId, String file, int line, boolean expectFire, String text,
                          List<String> fired, List<String> errors) {
        @Override
        public String toString() {
            return file + ":" + line + ": rule '" + ruleId + "' should " + (expectFire ? "fire" : "not fire")
                    + " on \"" + text + "\"" + (fired.isEmpty() ? "" : " (fired: " + fired + ")")
                    + (errors.isEmpty() ? "" : " (errors: " + errors + ")");
        }
    }

    /**
     * The outcome of a run.
     *
     * @param rules              number of rules
     * @param examples           number of examples run
     * @param failures           examples that did not behave, never null
     * @param withoutFireExample ids of rules that carry no {@code fire} example
     * @param withoutPassExample ids of rules that carry no {@code pass} example
     */
    public record Report(int rules, int examples, List<Failure> failures, List<String> withoutFireExample,
                         List<String> withoutPassExample) {
        /** True when every example behaved. */
        public boolean passed() {
            return failures.isEmpty();
        }

        /**
         * The report {@code rules test} prints: one line per failing example, then a summary line
         * ({@code N rules, M examples, K failed}); rules without a fire or pass example are listed as notes.
         */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            for (Failure f : failures) {
                sb.append(f).append('\n');
            }
            if (!withoutFireExample.isEmpty()) {
                sb.append("note: no fire example for ").append(String.join(", ", withoutFireExample)).append('\n');
            }
            if (!withoutPassExample.isEmpty()) {
                sb.append("note: no pass example for ").append(String.join(", ", withoutPassExample)).append('\n');
            }
            sb.append(rules).append(" rules, ").append(examples).append(" examples, ").append(failures.size())
                    .append(" failed\n");
            return sb.toString();
        }
    }

    /**
     * The conversation an example's earlier messages make, one minute apart, ending just before the example.
     *
     * @param context receives the conversation's context sum after the earlier messages
     */
    private static ConversationWindow window(List<RuleExample.Before> before, RulePack pack, CueModel model,
                                             CueExtractor extractor, float[] context) {
        int[] windowCues = pack.windowCues();
        List<RecentMessage> entries = new ArrayList<>();
        int n = before.size();
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            RuleExample.Before b = before.get(i);
            long at = EXAMPLE_TIME_MS - (n - i) * 60_000L;
            MessageCues f = extractor.extract(b.text(), List.of(), at, sum, i);
            sum = Float.isNaN(f.contextScore()) ? sum : f.contextSum();
            entries.add(new RecentMessage(i, "before-" + (i + 1), b.other() ? "other" : "sender",
                    Instant.ofEpochMilli(at), RecentWindow.marks(f, windowCues, model.cues()), null, List.of()));
        }
        context[0] = sum;
        return new RecentWindow(entries, "sender", n, Instant.ofEpochMilli(EXAMPLE_TIME_MS), model.cues());
    }

    /**
     * Loads the pack in {@code dir} and runs its examples: what {@code rules test DIR} does.
     *
     * @throws LoadException when the pack does not compile, with every error
     */
    public static Report test(java.nio.file.Path dir, CueModel model) throws LoadException {
        return run(RulePackLoader.load(dir, model), model);
    }

    /**
     * Runs every example of {@code pack}.
     *
     * @param pack  a pack from {@link RulePackLoader}, never null
     * @param model the signal model the pack was compiled against, never null
     * @throws IllegalArgumentException if the pack was not built by {@link RulePackLoader}
     */
    public static Report run(RulePack pack, CueModel model) {
        Objects.requireNonNull(model, "model must not be null");
        if (!(pack instanceof CompiledPack compiled)) {
            throw new IllegalArgumentException("only packs loaded by RulePackLoader carry examples, got " + pack);
        }
        CueExtractor extractor = model.newExtractor();
        List<Finding> findings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<String> noFire = new ArrayList<>();
        List<String> noPass = new ArrayList<>();
        int examples = 0;
        for (CompiledRule rule : compiled.rules()) {
            boolean hasFire = false;
            boolean hasPass = false;
            for (RuleExample ex : rule.examples()) {
                examples++;
                hasFire |= ex.fire();
                hasPass |= !ex.fire();
                findings.clear();
                errors.clear();
                float[] sum = {0f};
                ScoringContext context = ex.before().isEmpty() ? ex.context()
                        : ex.context().withEarlier(window(ex.before(), pack, model, extractor, sum), ex.before().size());
                MessageCues f = extractor.extract(ex.text(), List.of(), EXAMPLE_TIME_MS, sum[0], ex.before().size());
                pack.evaluate(f, context, findings, errors);
                boolean fired = false;
                List<String> firedIds = new ArrayList<>();
                for (Finding finding : findings) {
                    firedIds.add(finding.ruleId());
                    fired |= finding.ruleId().equals(rule.id());
                }
                if (fired != ex.fire() || !errors.isEmpty()) {
                    failures.add(new Failure(rule.id(), ex.file(), ex.line(), ex.fire(), ex.text(),
                            List.copyOf(firedIds), List.copyOf(errors)));
                }
            }
            if (!hasFire) {
                noFire.add(rule.id());
            }
            if (!hasPass) {
                noPass.add(rule.id());
            }
        }
        return new Report(compiled.rules().size(), examples, List.copyOf(failures), List.copyOf(noFire),
                List.copyOf(noPass));
    }
}
