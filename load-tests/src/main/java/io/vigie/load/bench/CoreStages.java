package io.vigie.load.bench;

import io.vigie.core.ModerationEngine;
import io.vigie.core.normalize.Normalizers;
import io.vigie.core.normalize.TextNormalizer;
import io.vigie.core.rule.RulePack;
import io.vigie.core.load.LoadException;
import io.vigie.core.rule.RulePackLoader;
import io.vigie.core.cue.CueModel;
import io.vigie.core.cue.CueModels;

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

    /** The embedded lexicons, no hash list, with the standard normalizer (what {@code CueModels.defaults()} is). */
    public static CueModel cueModel() {
        try {
            return CueModels.builder().normalizers(Normalizers::standard).build();
        } catch (LoadException e) {
            throw new IllegalStateException("the embedded lexicons do not compile: " + e.getMessage(), e);
        }
    }

    /** The default rule pack over a model. */
    public static RulePack rulePack(CueModel model) {
        return RulePackLoader.defaults(model);
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

    /**
     * The default engine with the embedded risk model ({@code "default"}) or without any ({@code "none"}), to
     * measure what the model costs per message.
     */
    public static ModerationEngine engine(String riskModel) {
        return switch (riskModel) {
            case "default" -> engine();
            case "none" -> {
                try {
                    yield ModerationEngine.load(null, null, null, null, null);
                } catch (LoadException e) {
                    throw new IllegalStateException("the embedded pack does not load: " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalArgumentException("riskModel must be default or none, got " + riskModel);
        };
    }

    /** True when the named stage can be built here; {@code stage} is one of normalize, signals, rules, engine. */
    public static boolean available(String stage) {
        try {
            switch (stage) {
                case "normalize" -> normalizer();
                case "signals" -> cueModel();
                case "rules" -> rulePack(cueModel());
                case "engine" -> engine();
                default -> throw new IllegalArgumentException("unknown stage " + stage);
            }
            return true;
        } catch (IllegalStateException | UnsupportedOperationException e) {
            return false;
        }
    }
}
