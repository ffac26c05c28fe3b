package io.vigie.core.rule;

import io.vigie.core.signal.SignalModel;
import io.vigie.core.signal.SignalModels;

/**
 * The signal model the default pack's examples are tested against: the real embedded lexicons and extractors
 * ({@code SignalModels.defaults()}). Unit tests of the rule engine itself use {@link FakeSignalModel} so they do
 * not move when a lexicon changes.
 */
public final class TestModels {

    private static SignalModel model;

    private TestModels() {
    }

    /** The real default model; shared, immutable. */
    public static synchronized SignalModel best() {
        if (model == null) {
            model = SignalModels.defaults();
        }
        return model;
    }

    /** True when {@link #best()} is the real model. */
    public static boolean isReal() {
        return !(best() instanceof FakeSignalModel);
    }
}
