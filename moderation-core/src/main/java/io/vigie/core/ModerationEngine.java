package io.vigie.core;

import io.vigie.core.assess.DeviceAssessor;
import io.vigie.core.assess.Policy;
import io.vigie.core.assess.SenderAssessor;
import io.vigie.core.rule.RulePack;
import io.vigie.core.load.LoadException;
import io.vigie.core.rule.RulePackLoader;
import io.vigie.core.cue.CueModel;
import io.vigie.core.cue.CueModels;
import io.vigie.core.model.RiskModel;
import io.vigie.core.model.RiskModelLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The compiled moderation model: lexicons, patterns, hash lists, the rule pack and the policy. Immutable and
 * thread-safe: build once, share across tasks, and give each task (or thread) its own
 * {@link #newSession()}.
 *
 * <p>OWNER: assess helper.
 */
public final class ModerationEngine {

    /** Rule id of the built-in finding raised when an attachment is on a known-media list and no rule said so. */
    public static final String KNOWN_MEDIA_RULE = io.vigie.core.assess.ConversationAssessor.KNOWN_MEDIA_RULE;

    private final CueModel signals;
    private final RulePack rules;
    private final Policy policy;
    private final String rulesVersion;
    private final List<String> ruleIds;

    private ModerationEngine(CueModel signals, RulePack rules, Policy policy) {
        this.signals = Objects.requireNonNull(signals, "signals must not be null");
        this.rules = Objects.requireNonNull(rules, "rules must not be null");
        this.policy = policy == null ? Policy.defaults() : policy;
        this.rulesVersion = rules.version() + "+" + signals.version();
        List<String> ids = new ArrayList<>(rules.ruleIds());
        for (String builtIn : List.of(KNOWN_MEDIA_RULE, SenderAssessor.FAN_OUT_RULE, SenderAssessor.BURST_RULE,
                DeviceAssessor.BAN_EVASION_RULE)) {
            if (!ids.contains(builtIn)) {
                ids.add(builtIn);
            }
        }
        this.ruleIds = List.copyOf(ids);
    }

    /** The embedded default lexicons and rule pack with the default policy. */
    public static ModerationEngine defaults() {
        return defaults(Policy.defaults());
    }

    /** The embedded default lexicons and rule pack with {@code policy} (null for the default). */
    public static ModerationEngine defaults(Policy policy) {
        CueModel signals = CueModels.defaults();
        return new ModerationEngine(signals, RulePackLoader.defaults(signals), policy);
    }

    /**
     * Loads an engine from operator files.
     *
     * @param rulesDir    rule pack folder; null for the embedded default pack
     * @param lexiconDir  extra lexicon folder; null for the embedded lexicons only
     * @param hashListDir known-media hash lists; null for none
     * @param policy      severity/action policy; null for the default
     * @throws LoadException with every error as file:line:reason
     */
    public static ModerationEngine load(Path rulesDir, Path lexiconDir, Path hashListDir, Policy policy)
            throws LoadException {
        return load(rulesDir, lexiconDir, hashListDir, RiskModelLoader.embedded(), policy);
    }

    /**
     * Loads an engine from operator files with a chosen risk model.
     *
     * @param riskModel the statistical model behind the {@code model.*} cues ({@link RiskModelLoader#embedded()}, one
     *                  read with {@link RiskModelLoader#load(Path)}), or null for none: rules on those cues never fire
     * @see #load(Path, Path, Path, Policy)
     */
    public static ModerationEngine load(Path rulesDir, Path lexiconDir, Path hashListDir, RiskModel riskModel,
                                        Policy policy) throws LoadException {
        CueModel signals = CueModels.builder().lexiconDir(lexiconDir).hashListDir(hashListDir).riskModel(riskModel)
                .build();
        RulePack rules = rulesDir == null ? RulePackLoader.defaults(signals) : RulePackLoader.load(rulesDir, signals);
        return new ModerationEngine(signals, rules, policy);
    }

    /**
     * An engine from already compiled parts (tests, benchmarks, embedders with their own loading).
     *
     * @param signals the compiled signal model, never null
     * @param rules   a rule pack compiled against {@code signals}' cue registry, never null
     * @param policy  the policy; null for the default
     */
    public static ModerationEngine of(CueModel signals, RulePack rules, Policy policy) {
        return new ModerationEngine(signals, rules, policy);
    }

    /** A new session with its own scratch buffers; not thread-safe. */
    public ModerationSession newSession() {
        return new ModerationSession(this);
    }

    /** Version of the rules and data, stamped on every alert: {@code <pack version>+<signal data version>}. */
    public String rulesVersion() {
        return rulesVersion;
    }

    /**
     * Ids of the compiled rules plus the built-in ones of core ({@link #KNOWN_MEDIA_RULE},
     * {@code core.fan_out}, {@code core.new_account_burst}, {@code core.ban_evasion}); a closed set, safe as
     * metric tags.
     */
    public List<String> ruleIds() {
        return ruleIds;
    }

    /** The policy in force. */
    public Policy policy() {
        return policy;
    }

    /** The compiled signal model. */
    public CueModel cueModel() {
        return signals;
    }

    /** The compiled rule pack. */
    public RulePack rulePack() {
        return rules;
    }
}
