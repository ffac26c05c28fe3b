package io.vigie.core.rule;

import io.vigie.core.load.LoadException;
import io.vigie.core.cue.MessageCues;

import java.util.List;

/**
 * A compiled rule pack: data an operator edits, compiled once at load (regexes, cue ids, conditions).
 * Immutable and thread-safe.
 *
 * <p>OWNER: rules helper. The contract with assess: {@code RulePackLoader.defaults(CueModel)},
 * {@code RulePackLoader.load(Path dir, CueModel)} throwing {@link LoadException} with every error as
 * file:line, and the methods below.
 */
public interface RulePack {

    /** Version string for alerts: pack name plus a content hash. */
    String version();

    /** Ids of all rules, for bounded metric tags. */
    List<String> ruleIds();

    /**
     * Evaluates every rule on one message. Never throws: a rule that throws is skipped, and its id and the
     * error go to {@code errors}.
     *
     * @param out    findings are appended here (the caller clears it)
     * @param errors rule errors are appended here (the caller clears it)
     */
    void evaluate(MessageCues features, ScoringContext context, List<Finding> out, List<String> errors);

    /**
     * The cues conversation-scoped rules look back for, ascending: the conversation keeps them for each message
     * that carries one (names and spans, in its {@code recent} window). Empty when no rule has a window clause.
     */
    default int[] windowCues() {
        return new int[0];
    }

    /**
     * For explanations: every rule at least one of whose message cues is present, fired or not, with the condition
     * that was missing. Slow (allocates); never on the hot path.
     */
    default java.util.List<RuleCheck> explain(MessageCues features, ScoringContext context,
                                               io.vigie.core.cue.CueRegistry cues) {
        return java.util.List.of();
    }
}
