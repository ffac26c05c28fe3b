package io.vigie.core.rule;

import io.vigie.core.normalize.Normalizers;
import io.vigie.core.signal.SignalModel;
import io.vigie.core.signal.SignalModels;

/**
 * The signal model the default pack and the corpus are tested against: the real embedded lexicons and
 * extractors with the standard normalizer. ({@code SignalModels.defaults()} itself waits for the lead to wire
 * {@code Normalizers::standard} in; the builder takes it explicitly meanwhile.) Unit tests of the rule engine
 * itself use {@link FakeSignalModel} so they do not move when a lexicon changes.
 */
public final class TestModels {

    private static SignalModel model;

    private TestModels() {
    }

    /** The real model; shared, immutable. */
    public static synchronized SignalModel best() {
        if (model == null) {
            try {
                model = SignalModels.builder().normalizers(Normalizers::standard).build();
            } catch (RulePackException e) {
                throw new IllegalStateException("embedded lexicons do not compile: " + e.errors(), e);
            }
        }
        return model;
    }

    /** True when {@link #best()} is the real model (always, now that the signals helper has landed). */
    public static boolean isReal() {
        return !(best() instanceof FakeSignalModel);
    }
}
