package io.vigie.load.bench;

import io.vigie.core.ModerationEngine;
import io.vigie.core.normalize.TextNormalizer;
import io.vigie.core.rule.RulePack;
import io.vigie.core.signal.SignalModel;
import java.lang.reflect.InvocationTargetException;

/**
 * Builds the core's stages through their documented static factories ({@code Normalizers.standard()},
 * {@code SignalModels.defaults()}, {@code RulePacks.defaults(SignalModel)}, {@code ModerationEngine.defaults()}).
 * The factories are looked up by name once, at setup, so the suites compile while the core lands piece by
 * piece; the measured calls go through the public interfaces directly. Thread-safe.
 */
public final class CoreStages {

    private CoreStages() {
    }

    /** The standard normalizer chain. @throws IllegalStateException when the core does not provide it yet */
    public static TextNormalizer normalizer() {
        return (TextNormalizer) invoke("io.vigie.core.normalize.Normalizers", "standard", null, null);
    }

    /** The default signal model. @throws IllegalStateException when the core does not provide it yet */
    public static SignalModel signalModel() {
        return (SignalModel) invoke("io.vigie.core.signal.SignalModels", "defaults", null, null);
    }

    /** The default rule pack over a model. @throws IllegalStateException when the core does not provide it yet */
    public static RulePack rulePack(SignalModel model) {
        return (RulePack) invoke("io.vigie.core.rule.RulePacks", "defaults", SignalModel.class, model);
    }

    /** The default engine. @throws IllegalStateException when the core does not provide it yet */
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
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static Object invoke(String className, String method, Class<?> argType, Object arg) {
        try {
            Class<?> type = Class.forName(className);
            return argType == null ? type.getMethod(method).invoke(null)
                    : type.getMethod(method, argType).invoke(null, arg);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException(className + "." + method + " is not in the core yet", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnsupportedOperationException) {
                throw new IllegalStateException(className + "." + method + " is not built yet", cause);
            }
            throw new IllegalStateException(className + "." + method + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(className + "." + method + " is not public", e);
        }
    }
}
