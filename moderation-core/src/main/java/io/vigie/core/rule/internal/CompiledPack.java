package io.vigie.core.rule.internal;

import io.vigie.core.rule.Finding;
import io.vigie.core.rule.ScoringContext;
import io.vigie.core.rule.RulePack;
import io.vigie.core.rule.RuleCheck;
import io.vigie.core.cue.MessageCues;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled rule pack. Rules are indexed by cue: each rule sits under its first {@code all} cue, or under
 * each of its {@code any} cues, so a message is only checked against rules whose cues it carries; the few rules
 * without message cues (held by their window clauses alone) are checked on every message. Cues that fire on nearly
 * every message ({@code model.context}, {@code model.plausible}: gates, not evidence) index a rule only when it has
 * no other message cue, else every message would check it. Immutable and thread-safe; regex scratch is per thread.
 */
public final class CompiledPack implements RulePack {

    private static final int[] NO_RULES = new int[0];

    private final String name;
    private final String version;
    private final CompiledRule[] rules;
    private final List<String> ruleIds;
    private final int[][] rulesByCue;
    private final ThreadLocal<Scratch> scratch;
    private final int[] windowCues;
    /** Rules without message cues, checked on every message (see {@link CompiledRule#windowOnly()}). */
    private final int[] windowOnly;
    /** Per rule: indexed under each of its {@code any} cues, so checked only at the first one the message has. */
    private final boolean[] byAny;

    CompiledPack(String name, String version, List<CompiledRule> rules, int cueCount) {
        this.name = name;
        this.version = version;
        this.rules = rules.toArray(new CompiledRule[0]);
        List<String> ids = new ArrayList<>(rules.size());
        int regexCount = 0;
        List<List<Integer>> index = new ArrayList<>(cueCount);
        List<Integer> windowOnlyList = new ArrayList<>();
        this.byAny = new boolean[this.rules.length];
        for (int c = 0; c < cueCount; c++) {
            index.add(new ArrayList<>());
        }
        for (int r = 0; r < this.rules.length; r++) {
            CompiledRule rule = this.rules[r];
            ids.add(rule.id());
            if (rule.hasRegex()) {
                regexCount = Math.max(regexCount, rule.maxRegexSlot() + 1);
            }
            if (rule.windowOnly()) {
                windowOnlyList.add(r);
            } else if (rule.hasOwnAll()) {
                index.get(rule.allCues()[0]).add(r);
            } else if (rule.anyCues().length > 0) {
                byAny[r] = true;
                for (int c : rule.anyCues()) {
                    index.get(c).add(r);
                }
            } else {
                index.get(rule.allCues()[0]).add(r);
            }
        }
        this.ruleIds = List.copyOf(ids);
        this.windowOnly = windowOnlyList.stream().mapToInt(Integer::intValue).toArray();
        java.util.TreeSet<Integer> window = new java.util.TreeSet<>();
        for (CompiledRule rule : this.rules) {
            for (int c : rule.windowCues()) {
                window.add(c);
            }
        }
        this.windowCues = window.stream().mapToInt(Integer::intValue).toArray();
        this.rulesByCue = new int[cueCount][];
        for (int c = 0; c < cueCount; c++) {
            List<Integer> l = index.get(c);
            int[] a = l.isEmpty() ? NO_RULES : new int[l.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = l.get(i);
            }
            rulesByCue[c] = a;
        }
        int slots = regexCount;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(slots));
    }

    /** The pack's name (its folder name, or {@code default}). */
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public List<String> ruleIds() {
        return ruleIds;
    }

    @Override
    public int[] windowCues() {
        return windowCues.clone();
    }

    /** The compiled rules in file order. */
    public List<CompiledRule> rules() {
        return List.of(rules);
    }

    @Override
    public void evaluate(MessageCues features, ScoringContext context, List<Finding> out,
                         List<String> errors) {
        int[] fired = features.firedCues();
        int n = features.firedCount();
        Scratch s = null;
        for (int i = 0; i < n; i++) {
            int cue = fired[i];
            if (cue < 0 || cue >= rulesByCue.length) {
                continue;
            }
            for (int r : rulesByCue[cue]) {
                CompiledRule rule = rules[r];
                if (byAny[r] && !rule.isFirstPresentAny(cue, features)) {
                    continue;
                }
                s = check(rule, features, context, s, out, errors);
            }
        }
        for (int r : windowOnly) {
            s = check(rules[r], features, context, s, out, errors);
        }
    }

    /** Evaluates one rule, adding its finding or its error; returns the regex scratch, fetched on first need. */
    private Scratch check(CompiledRule rule, MessageCues features, ScoringContext context, Scratch s,
                          List<Finding> out, List<String> errors) {
        Scratch scratchNow = s;
        try {
            if (rule.hasRegex() && scratchNow == null) {
                scratchNow = scratch.get();
                scratchNow.clear();
            }
            Finding f = rule.evaluate(features, context, scratchNow);
            if (f != null) {
                out.add(f);
            }
        } catch (RuntimeException | StackOverflowError e) {
            errors.add(rule.id() + ": " + e);
        }
        return scratchNow;
    }

    @Override
    public List<RuleCheck> explain(MessageCues features, ScoringContext context, io.vigie.core.cue.CueRegistry cues) {
        List<RuleCheck> out = new ArrayList<>();
        Scratch s = scratch.get();
        s.clear();
        for (CompiledRule rule : rules) {
            // a gate cue (model.context) on the message does not make a rule "nearly fired"
            boolean always = !rule.hasOwnCue();
            if (!always && !rule.touched(features)) {
                continue;
            }
            String missing;
            try {
                missing = rule.missing(features, context, s, cues);
            } catch (RuntimeException e) {
                missing = "error: " + e;
            }
            if (always && missing != null) {
                continue; // checked on every message: listed when it fires, never as "nearly fired"
            }
            out.add(new RuleCheck(rule.id(), rule.description(), rule.score(), missing));
        }
        return out;
    }

    @Override
    public String toString() {
        return "RulePack[" + version + ", " + rules.length + " rules]";
    }
}
