package io.vigie.core.rule;

import io.vigie.core.cue.CueModel;
import io.vigie.core.cue.CueModels;

/**
 * The signal model the default pack's examples are tested against: the real embedded lexicons and extractors
 * ({@code CueModels.defaults()}). Unit tests of the rule engine itself use {@link FakeCueModel} so they do
 * not move when a lexicon changes.
 */
public final class TestModels {

    private static CueModel model;

    private TestModels() {
    }

    /** The real default model; shared, immutable. */
    public static synchronized CueModel best() {
        if (model == null) {
            model = CueModels.defaults();
        }
        return model;
    }

    /** True when {@link #best()} is the real model. */
    public static boolean isReal() {
        return !(best() instanceof FakeCueModel);
    }
}
