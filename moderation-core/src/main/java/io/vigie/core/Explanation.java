package io.vigie.core;

import io.vigie.core.rule.RuleCheck;

import java.util.List;

/**
 * What the engine saw in one message, for rule authors ({@code score --explain}): the normalized text, every cue
 * with its span, the writer's stated age, the rules that fired and those that nearly fired with the condition they
 * missed. Built on demand (allocates); never on the hot path.
 *
 * @param text      the raw text
 * @param folded    the normalized text the lexicons are matched on
 * @param cues      every cue that fired, in cue order
 * @param statedAge the age the writer states of themself (first person only), or null
 * @param rules     every rule one of whose cues is present: fired, or what it missed
 * @param errors    rule and cue errors met
 */
public record Explanation(String text, String folded, List<CueSpan> cues, StatedAge statedAge, List<RuleCheck> rules,
                          List<String> errors, RiskScore risk) {

    /**
     * What the risk model made of the message (null without a model): its harm score beside the thresholds of the
     * {@code model.plausible}, {@code model.harm} and {@code model.harm_high} cues, and each category's score, highest
     * first; the context score of the message as a conversation of its own beside the {@code model.context} gate (both
     * NaN for a model without the context output).
     */
    public record RiskScore(float harm, float plausible, float low, float high,
                            java.util.Map<String, Float> categories, float context, float contextGate) {
    }

    /**
     * One cue.
     *
     * @param count    occurrences in the message
     * @param start    raw span of the first occurrence, -1 when it has none
     * @param evidence the raw text of that span, or null
     */
    public record CueSpan(String cue, int count, int start, int end, String evidence) {
    }

    /**
     * The writer's stated age, with its raw span.
     *
     * @param firstPerson true with a first-person word ("j'ai 14 ans", "im 13"); false for a bare answer ("14 f",
     *                    "quatorze ans"), which is the writer's unless it echoes an age another participant of the
     *                    conversation stated
     */
    public record StatedAge(int age, int start, int end, String evidence, boolean firstPerson) {
    }
}
