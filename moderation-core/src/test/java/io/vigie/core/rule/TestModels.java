package io.vigie.core.rule;

import io.vigie.core.signal.SignalModel;

/**
 * The signal model rule tests run against: the signals helper's real {@code SignalModels.defaults()} when it
 * is on the class path, else {@link FakeSignalModel}. Looked up reflectively so these tests compile before
 * and after the real model lands.
 */
public final class TestModels {

    private static SignalModel model;

    private TestModels() {
    }

    /** The best model available; shared, immutable. */
    public static synchronized SignalModel best() {
        if (model == null) {
            model = real();
            if (model == null) {
                model = new FakeSignalModel();
            }
        }
        return model;
    }

    /** True when {@link #best()} is the real model. */
    public static boolean isReal() {
        return !(best() instanceof FakeSignalModel);
    }

    private static SignalModel real() {
        try {
            Class<?> c = Class.forName("io.vigie.core.signal.SignalModels");
            return (SignalModel) c.getMethod("defaults").invoke(null);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the class exists but is not built yet (e.g. throws UnsupportedOperationException)
            return null;
        }
    }
}
