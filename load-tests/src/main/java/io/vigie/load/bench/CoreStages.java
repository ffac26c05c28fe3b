package io.vigie.load.bench;

import io.vigie.core.ModerationEngine;
import io.vigie.core.normalize.Normalizers;
import io.vigie.core.normalize.TextNormalizer;
import io.vigie.core.rule.RulePack;
import io.vigie.core.rule.RulePackException;
import io.vigie.core.rule.RulePacks;
import io.vigie.core.signal.SignalModel;
import io.vigie.core.signal.SignalModels;

/**
 * The core's stages as the benchmarks build them: the standard normalizer, the embedded lexicons with that
 * normalizer, the default rule pack, the default engine. Thread-safe.
 */
public final class CoreStages {

    private CoreStages() {
    }

    /** The standard normalizer chain. */
    public static TextNormalizer normalizer() {
        return Normalizers.standard();
    }

    /** The embedded lexicons, no hash list, with the standard normalizer (what {@code SignalModels.defaults()} is). */
    public static SignalModel signalModel() {
        try {
            return SignalModels.builder().normalizers(Normalizers::standard).build();
        } catch (RulePackException e) {
            throw new IllegalStateException("the embedded lexicons do not compile: " + e.getMessage(), e);
        }
    }

    /** The default rule pack over a model. */
    public static RulePack rulePack(SignalModel model) {
        return RulePacks.defaults(model);
    }

    /**
     * The default engine.
     *
     * @throws IllegalStateException while the core's engine is not built yet
     */
    public static ModerationEngine engine() {
        try {
            return ModerationEngine.defaults();
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("ModerationEngine.defaults() is not built yet: " + e.getMessage(), e);
        }
    }

    /** True when the named stage can be built here; {@code stage} is one of normalize, signals, rules, engine. */
    public static boolean available(String stage) {
        try {
            switch (stage) {
                case "normalize" -> normalizer();
                case "signals" -> signalModel();
                case "rules" -> rulePack(signalModel());
                case "engine" -> engine();
                default -> throw new IllegalArgumentException("unknown stage " + stage);
            }
            return true;
        } catch (IllegalStateException | UnsupportedOperationException e) {
            return false;
        }
    }
}
